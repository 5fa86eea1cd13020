package org.supportdesk.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.supportdesk.system.Actor;
import org.supportdesk.system.InvalidRequest;
import org.supportdesk.tickets.Category;
import org.supportdesk.tickets.Priority;
import org.supportdesk.tickets.Status;
import org.supportdesk.tickets.TicketDesk;

/**
 * The inbox: filters, sort, saved views with their counts, keyset pages, and bulk actions. The
 * list is a fragment of its own (`inbox/list :: results`) that htmx swaps in without reloading.
 */
@Controller
class InboxController {

    private final TicketDesk desk;
    private final SavedViews views;
    private final BulkActions bulk;

    InboxController(TicketDesk desk, SavedViews views, BulkActions bulk) {
        this.desk = desk;
        this.views = views;
        this.bulk = bulk;
    }

    @GetMapping("/desk")
    String inbox(HttpServletRequest request, Model model) {
        InboxQuery query = InboxQuery.of(request);
        list(request, query, model);
        Actor actor = Actor.of(request);
        var counted = new LinkedHashMap<SavedViews.View, Long>();
        for (SavedViews.View view : views.visibleTo(actor.id(), actor.name(), desk.takes("sla"))) {
            InboxQuery q = InboxQuery.parse(view.query());
            counted.put(view, desk.count(q::get));
        }
        model.addAttribute("views", counted);
        model.addAttribute("search", desk.takes("q"));
        model.addAttribute("sla", desk.takes("sla"));
        model.addAttribute("statuses", labels(Status.values()));
        model.addAttribute("priorities", labels(Priority.values()));
        model.addAttribute("categories", labels(Category.values()));
        model.addAttribute("actions", BulkActions.ACTIONS);
        return "inbox/inbox";
    }

    /** The list alone, for htmx: a filter changed, a page turned. */
    @GetMapping("/desk/list")
    String results(HttpServletRequest request, HttpServletResponse response, Model model) {
        InboxQuery query;
        try {
            query = InboxQuery.of(request);
            list(request, query, model);
        } catch (InvalidRequest e) {
            // In place of the list, 200: htmx swaps in nothing else, and the list of the previous
            // filters would stay, looking like the answer to these (a search's unclosed quote).
            model.addAttribute("problem", WebModel.message(e));
            return "inbox/list :: invalid";
        }
        // The address bar shows the list's own address, so a reload or a shared link shows the same.
        response.setHeader("HX-Push-Url", "/desk" + (query.toString().isEmpty() ? "" : "?" + query));
        return "inbox/list :: results";
    }

    private void list(HttpServletRequest request, InboxQuery query, Model model) {
        TicketDesk.Page page = desk.page(name -> switch (name) {
            case "cursor", "before" -> request.getParameter(name);
            default -> query.get(name);
        });
        model.addAttribute("query", query);
        model.addAttribute("page", page);
    }

    @PostMapping("/desk/bulk")
    String bulk(
            @RequestParam(name = "ids", required = false) List<String> ids,
            @RequestParam(required = false) String action,
            @RequestParam(required = false) String value,
            @RequestParam(name = "query", required = false) String listQuery,
            HttpServletRequest request,
            Model model) {
        String message;
        try {
            message = bulk.apply(ids, action, value, Actor.of(request)).message();
        } catch (InvalidRequest e) {
            message = String.join("; ", Forms.errors(e).values());
        }
        InboxQuery query = InboxQuery.parse(listQuery == null ? "" : listQuery);
        if (!WorkspaceRequests.isHtmx(request)) {
            return "redirect:/desk?" + query;
        }
        TicketDesk.Page page = desk.page(query::get);
        model.addAttribute("query", query);
        model.addAttribute("page", page);
        model.addAttribute("notice", message);
        return "inbox/list :: results";
    }

    @PostMapping("/desk/views")
    String saveView(
            @RequestParam(required = false) String name,
            @RequestParam(name = "query", required = false) String listQuery,
            @RequestParam(required = false) String shared,
            HttpServletRequest request) {
        InboxQuery query = InboxQuery.parse(listQuery == null ? "" : listQuery);
        Me me = Me.of(request);
        views.save(Actor.of(request).id(), name, query.filters(), shared != null && me.canEdit());
        return "redirect:/desk?" + query;
    }

    @PostMapping("/desk/views/{id}/delete")
    String deleteView(@PathVariable String id, HttpServletRequest request) {
        views.delete(
                org.supportdesk.system.Params.id(id),
                Actor.of(request).id(),
                Me.of(request).isAdmin());
        return "redirect:/desk";
    }

    static List<String> labels(Enum<?>[] values) {
        return java.util.Arrays.stream(values)
                .map(v -> v instanceof Status s
                        ? s.value()
                        : v instanceof Priority p ? p.value() : ((Category) v).value())
                .toList();
    }
}
