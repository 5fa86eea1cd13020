package org.supportdesk.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.supportdesk.system.Actor;
import org.supportdesk.system.InvalidRequest;
import org.supportdesk.system.NotFound;
import org.supportdesk.system.Params;
import org.supportdesk.system.Problem;
import org.supportdesk.system.VersionConflict;
import org.supportdesk.tickets.Category;
import org.supportdesk.tickets.ClassificationResult;
import org.supportdesk.tickets.HistoryEvent;
import org.supportdesk.tickets.Priority;
import org.supportdesk.tickets.Status;
import org.supportdesk.tickets.Ticket;
import org.supportdesk.tickets.TicketDesk;

/**
 * One ticket: its fields (changed with `If-Match` of the version the agent saw), the classifier's
 * suggestion beside category and priority, the conversation and the history. A ticket someone
 * else changed meanwhile is not overwritten: the agent sees their changes beside their own and
 * decides ({@code ticket/ticket :: conflict}).
 */
@Controller
class TicketPageController {

    private final TicketDesk desk;
    private final Optional<TicketConversation> conversation;

    TicketPageController(TicketDesk desk, Optional<TicketConversation> conversation) {
        this.desk = desk;
        this.conversation = conversation;
    }

    @GetMapping("/desk/tickets/{id}")
    String ticket(@PathVariable String id, Model model) {
        show(desk.get(Params.id(id)), model);
        return "ticket/ticket";
    }

    /** A comment's file, for the agent signed in (the API's `/attachments/{id}` needs a key). */
    @GetMapping("/desk/attachments/{id}")
    void file(@PathVariable String id, HttpServletRequest request, HttpServletResponse response) throws IOException {
        conversation.orElseThrow(NoConversations::new).serveFile(id, request, response);
    }

    @PostMapping("/desk/tickets/{id}")
    String edit(
            @PathVariable String id,
            @RequestParam MultiValueMap<String, String> form,
            HttpServletRequest request,
            Model model) {
        UUID ticketId = Params.id(id);
        TicketEdit edit;
        try {
            edit = TicketEdit.of(form);
        } catch (InvalidRequest e) {
            return notSaved(ticketId, e, request, model);
        }
        try {
            Ticket saved = edit.changed().isEmpty()
                    ? desk.get(ticketId)
                    : desk.patch(ticketId, edit.body(), edit.version(), Actor.of(request));
            show(saved, model);
            model.addAttribute("notice", edit.changed().isEmpty() ? "Nothing changed." : "Saved.");
        } catch (VersionConflict e) {
            Ticket current = desk.get(ticketId);
            show(current, model);
            model.addAttribute("conflict", edit);
            model.addAttribute("theirs", since(ticketId, edit.seenAt()));
        } catch (InvalidRequest e) {
            return notSaved(ticketId, e, request, model);
        }
        return page(request);
    }

    private String notSaved(UUID ticketId, InvalidRequest e, HttpServletRequest request, Model model) {
        show(desk.get(ticketId), model);
        model.addAttribute("errors", Forms.errors(e));
        model.addAttribute("notice", "Not saved: see the fields.");
        return page(request);
    }

    /** Asks the classifier: its suggestion is shown (and logged in history); apply=true applies it. */
    @PostMapping("/desk/tickets/{id}/classify")
    String classify(
            @PathVariable String id,
            @RequestParam(required = false) String apply,
            HttpServletRequest request,
            Model model) {
        UUID ticketId = Params.id(id);
        ClassificationResult result = desk.classify(ticketId, "true".equals(apply), Actor.of(request));
        show(desk.get(ticketId), model);
        model.addAttribute("fresh", result);
        model.addAttribute(
                "notice",
                result.applied()
                        ? "The classifier's decision is applied where it was the classifier's to make."
                        : "The classifier's suggestion is below.");
        return page(request);
    }

    /** The reply box: a public reply or an internal note ({@code kind=note}). */
    @PostMapping("/desk/tickets/{id}/comments")
    String comment(
            @PathVariable String id,
            @RequestParam(required = false) String body,
            @RequestParam(required = false) String kind,
            HttpServletRequest request,
            Model model) {
        UUID ticketId = Params.id(id);
        TicketConversation comments = conversation.orElseThrow(NoConversations::new);
        boolean note = "note".equals(kind);
        try {
            if (kind != null && !note && !kind.equals("reply")) {
                // Neither a reply nor a note (or both sent, which Spring joins with a comma): which
                // one the agent meant is unknown, and a reply cannot be taken back from the customer.
                throw new InvalidRequest(
                        List.of(Problem.body("Send as a public reply or an internal note", "enum", "kind")));
            }
            comments.add(ticketId, body == null ? "" : body, note, Actor.of(request));
            show(desk.get(ticketId), model);
            model.addAttribute("notice", note ? "Note added." : "Reply sent.");
        } catch (InvalidRequest e) {
            show(desk.get(ticketId), model);
            model.addAttribute("errors", Forms.errors(e));
            model.addAttribute("draft", body);
            model.addAttribute("draftNote", note);
            model.addAttribute("notice", "Not sent: see the message.");
        }
        return page(request);
    }

    /** A comment posted where the conversation feature is not part of the service. */
    static final class NoConversations extends NotFound {
        NoConversations() {
            super("Conversations are not available in this service");
        }
    }

    private static String page(HttpServletRequest request) {
        return WorkspaceRequests.isHtmx(request) ? "ticket/ticket :: main" : "ticket/ticket";
    }

    /** What others did after the agent loaded the page. */
    private List<HistoryEvent> since(UUID id, long seenAt) {
        return desk.history(id).stream()
                .filter(e -> e.at().toEpochMilli() > seenAt)
                .toList();
    }

    private void show(Ticket ticket, Model model) {
        model.addAttribute("ticket", ticket);
        model.addAttribute("history", desk.history(ticket.id()));
        model.addAttribute(
                "messages", conversation.map(c -> c.messages(ticket.id())).orElse(null));
        model.addAttribute("statuses", InboxController.labels(Status.values()));
        model.addAttribute("priorities", InboxController.labels(Priority.values()));
        model.addAttribute("categories", InboxController.labels(Category.values()));
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
        }
    }
}
