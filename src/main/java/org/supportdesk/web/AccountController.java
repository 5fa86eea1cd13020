package org.supportdesk.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.supportdesk.security.Admin;
import org.supportdesk.system.InvalidRequest;

/** Signing in, the first-run setup, and setting a password through a one-time link. */
@Controller
class AccountController {

    private final Admin admin;

    AccountController(Admin admin) {
        this.admin = admin;
    }

    @GetMapping("/login")
    String login(
            @RequestParam(required = false) String error,
            @RequestParam(required = false) String wait,
            @RequestParam(name = "signed-out", required = false) String signedOut,
            @RequestParam(name = "password-set", required = false) String passwordSet,
            Model model) {
        if (admin.needsSetup()) {
            return "redirect:/setup";
        }
        if (wait != null) {
            model.addAttribute(
                    "error", "Too many failed sign-ins. Try again in " + wait.replaceAll("[^0-9]", "") + " seconds.");
        } else if (error != null) {
            model.addAttribute("error", "Wrong email or password.");
        }
        if (signedOut != null) {
            model.addAttribute("notice", "You are signed out.");
        } else if (passwordSet != null) {
            model.addAttribute("notice", "Your password is set: sign in with it.");
        }
        return "account/login";
    }

    @GetMapping("/setup")
    String setup() {
        return admin.needsSetup() ? "account/setup" : "redirect:/login";
    }

    @PostMapping("/setup")
    String setUp(
            @RequestParam(name = "admin_key", required = false) String adminKey,
            @RequestParam(required = false) String email,
            @RequestParam(required = false) String name,
            @RequestParam(required = false) String password,
            HttpServletRequest request,
            Model model) {
        if (!admin.needsSetup()) {
            return "redirect:/login";
        }
        try {
            admin.setUp(adminKey, email, name, password, request.getRemoteAddr());
            return "redirect:/login?password-set";
        } catch (InvalidRequest e) {
            model.addAttribute("errors", Forms.errors(e));
            model.addAttribute("form", Map.of("email", nz(email), "name", nz(name)));
            return "account/setup";
        }
    }

    @GetMapping("/password/{token}")
    String password(@PathVariable String token, Model model) {
        return admin.linkOwner(token)
                .map(agent -> {
                    model.addAttribute("agent", agent);
                    model.addAttribute("token", token);
                    return "account/password";
                })
                .orElse("account/link-expired");
    }

    @PostMapping("/password/{token}")
    String setPassword(
            @PathVariable String token,
            @RequestParam(required = false) String password,
            @RequestParam(required = false) String confirm,
            Model model) {
        var agent = admin.linkOwner(token);
        if (agent.isEmpty()) {
            return "account/link-expired";
        }
        model.addAttribute("agent", agent.get());
        model.addAttribute("token", token);
        if (password != null && !password.equals(confirm)) {
            model.addAttribute("errors", Map.of("confirm", "The two passwords differ"));
            return "account/password";
        }
        try {
            admin.setPassword(token, password);
            return "redirect:/login?password-set";
        } catch (InvalidRequest e) {
            model.addAttribute("errors", Forms.errors(e));
            return "account/password";
        }
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
