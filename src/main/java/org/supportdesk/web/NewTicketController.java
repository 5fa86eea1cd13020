package org.supportdesk.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.supportdesk.system.Actor;
import org.supportdesk.system.InvalidRequest;
import org.supportdesk.tickets.Category;
import org.supportdesk.tickets.Priority;
import org.supportdesk.tickets.Ticket;
import org.supportdesk.tickets.TicketDesk;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** A new ticket, validated by the API's own rules: their messages appear beside the fields. */
@Controller
class NewTicketController {

    private static final java.util.List<String> TEXT = java.util.List.of(
            "customer_id", "customer_email", "customer_name", "subject", "description", "assigned_to");

    private final TicketDesk desk;

    NewTicketController(TicketDesk desk) {
        this.desk = desk;
    }

    @GetMapping("/desk/new")
    String form(Model model) {
        return show(model, new java.util.HashMap<>(), Map.of());
    }

    @PostMapping("/desk/new")
    String create(
            @RequestParam Map<String, String> form,
            HttpServletRequest request,
            jakarta.servlet.http.HttpServletResponse response,
            Model model) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        for (String field : TEXT) {
            String value = form.get(field);
            if (value != null && !(field.equals("assigned_to") && value.isBlank())) {
                body.put(field, value);
            }
        }
        for (String field : java.util.List.of("category", "priority")) {
            // Left empty: the classifier decides.
            String value = Forms.blankToNull(form.get(field));
            if (value != null) {
                body.put(field, value);
            }
        }
        var tags = body.putArray("tags");
        Forms.tags(form.get("tags")).forEach(tags::add);
        ObjectNode metadata = body.putObject("metadata");
        metadata.put("source", form.getOrDefault("source", "web_form"));
        String browser = Forms.blankToNull(form.get("browser"));
        if (browser != null) {
            metadata.put("browser", browser);
        }
        String device = Forms.blankToNull(form.get("device_type"));
        if (device != null) {
            metadata.put("device_type", device);
        }
        try {
            Ticket ticket = desk.create(body, Actor.of(request));
            return "redirect:/desk/tickets/" + ticket.id() + "?created";
        } catch (InvalidRequest e) {
            // 200 with the messages: a browser shows the page either way, and logs a 4xx as an error.
            response.setStatus(200);
            return show(model, form, Forms.errors(e));
        }
    }

    private String show(Model model, Map<String, String> form, Map<String, String> errors) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("priorities", InboxController.labels(Priority.values()));
        model.addAttribute("categories", InboxController.labels(Category.values()));
        return "ticket/new";
    }
}
