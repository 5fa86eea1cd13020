package org.supportdesk.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.supportdesk.learning.ModelSummary;
import org.supportdesk.security.Admin;
import org.supportdesk.system.InvalidRequest;
import org.supportdesk.system.Params;

/**
 * Admin: agents (created with a one-time set-password link to hand over, deactivated), API keys
 * (the secret shown once, revoked), the classification rules in use and the team's model beside them.
 */
@Controller
class AdminPageController {

    private final Admin admin;
    private final RulesInUse rules;
    private final ModelSummary learned;

    AdminPageController(Admin admin, RulesInUse rules, ModelSummary learned) {
        this.admin = admin;
        this.rules = rules;
        this.learned = learned;
    }

    @GetMapping("/desk/admin")
    String page(Model model) {
        return show(model);
    }

    @PostMapping("/desk/admin/agents")
    String invite(
            @RequestParam(required = false) String email,
            @RequestParam(required = false) String name,
            @RequestParam(required = false) String role,
            HttpServletRequest request,
            Model model) {
        try {
            Admin.Invitation invitation = admin.invite(email, name, role);
            model.addAttribute("invited", invitation.agent());
            model.addAttribute("link", WorkspaceRequests.base(request) + "/password/" + invitation.token());
        } catch (InvalidRequest e) {
            model.addAttribute("agentErrors", Forms.errors(e));
            model.addAttribute("agentForm", Map.of("email", nz(email), "name", nz(name), "role", nz(role)));
        }
        return show(model);
    }

    @PostMapping("/desk/admin/agents/{id}/link")
    String newLink(@PathVariable String id, HttpServletRequest request, Model model) {
        var agent = Params.id(id);
        String token = admin.newLink(agent);
        model.addAttribute(
                "invited",
                admin.agents().stream()
                        .filter(a -> a.id().equals(agent))
                        .findFirst()
                        .orElse(null));
        model.addAttribute("link", WorkspaceRequests.base(request) + "/password/" + token);
        return show(model);
    }

    @PostMapping("/desk/admin/agents/{id}/deactivate")
    String deactivate(@PathVariable String id, Model model) {
        admin.deactivate(Params.id(id));
        model.addAttribute("notice", "The agent is deactivated and signed out everywhere.");
        return show(model);
    }

    @PostMapping("/desk/admin/keys")
    String createKey(
            @RequestParam(required = false) String name, @RequestParam(required = false) String role, Model model) {
        try {
            model.addAttribute("newKey", admin.createKey(name, role));
        } catch (InvalidRequest e) {
            model.addAttribute("keyErrors", Forms.errors(e));
            model.addAttribute("keyForm", Map.of("name", nz(name), "role", nz(role)));
        }
        return show(model);
    }

    @PostMapping("/desk/admin/keys/{id}/revoke")
    String revoke(@PathVariable String id, Model model) {
        admin.revokeKey(Params.id(id));
        model.addAttribute("notice", "The key is revoked.");
        return show(model);
    }

    private String show(Model model) {
        model.addAttribute("agents", admin.agents());
        model.addAttribute("keys", admin.keys());
        model.addAttribute("roles", Admin.roles());
        model.addAttribute("rules", rules.rules());
        model.addAttribute("learned", learned.now());
        if (!model.containsAttribute("agentErrors")) {
            model.addAttribute("agentErrors", Map.of());
            model.addAttribute("agentForm", Map.of("role", "agent"));
        }
        if (!model.containsAttribute("keyErrors")) {
            model.addAttribute("keyErrors", Map.of());
            model.addAttribute("keyForm", Map.of("role", "agent"));
        }
        return "admin/admin";
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
