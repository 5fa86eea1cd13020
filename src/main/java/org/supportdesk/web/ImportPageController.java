package org.supportdesk.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.supportdesk.imports.ImportJob;
import org.supportdesk.imports.ImportJobs;
import org.supportdesk.imports.ImportResult;
import org.supportdesk.system.Actor;
import org.supportdesk.system.Conflict;
import org.supportdesk.system.InvalidRequest;
import org.supportdesk.system.MalformedRequest;
import org.supportdesk.system.Params;

/**
 * Import: pick or drop a file, see a dry run (counts and the first row errors), then run it as a
 * background job whose page shows a progress bar (polled by htmx) and then the result.
 */
@Controller
class ImportPageController {

    private final ImportJobs jobs;

    ImportPageController(ImportJobs jobs) {
        this.jobs = jobs;
    }

    @GetMapping("/desk/import")
    String form() {
        return "imports/import";
    }

    @PostMapping("/desk/import/preview")
    String preview(HttpServletRequest request, HttpServletResponse response, Model model) {
        boolean classify = "true".equals(request.getParameter("auto_classify"));
        try {
            ImportJobs.Spooled upload = jobs.spool(request);
            ImportResult result = jobs.preview(upload, classify, Actor.of(request));
            model.addAttribute("upload", upload);
            model.addAttribute("result", result);
            model.addAttribute("autoClassify", classify);
            return "imports/preview";
        } catch (MalformedRequest | InvalidRequest e) {
            response.setStatus(200);
            model.addAttribute("error", e instanceof InvalidRequest invalid ? "Choose a file first." : e.getMessage());
            return "imports/import";
        }
    }

    @PostMapping("/desk/import/run")
    String run(
            @RequestParam(name = "upload", required = false) String upload,
            @RequestParam(name = "auto_classify", required = false) String autoClassify,
            HttpServletRequest request,
            Model model) {
        UUID id = Params.id(upload == null ? "" : upload);
        var spooled = jobs.spooled(id);
        if (spooled.isEmpty()) {
            return gone(id, model);
        }
        try {
            ImportJob job = jobs.start(spooled.get(), false, "true".equals(autoClassify), Actor.of(request));
            return "redirect:/desk/import/" + job.id();
        } catch (Conflict taken) {
            // Deleted by the clean-up, or taken by the same form sent twice, since the look above.
            return gone(id, model);
        }
    }

    /** An upload no longer waiting: the job it became (Import clicked twice), or choose it again. */
    private String gone(UUID id, Model model) {
        if (jobs.find(id).isPresent()) {
            return "redirect:/desk/import/" + id;
        }
        model.addAttribute(
                "error", "That upload is gone (an hour has passed, or the service restarted): choose the file again.");
        return "imports/import";
    }

    @GetMapping("/desk/import/{id}")
    String job(@PathVariable String id, Model model) {
        model.addAttribute("job", find(id));
        return "imports/job";
    }

    /** The progress bar and counters alone: htmx polls it until the job is over. */
    @GetMapping("/desk/import/{id}/progress")
    String progress(@PathVariable String id, Model model) {
        model.addAttribute("job", find(id));
        return "imports/job :: progress";
    }

    @PostMapping("/desk/import/{id}/cancel")
    String cancel(@PathVariable String id, HttpServletRequest request, Model model) {
        try {
            jobs.cancel(Params.id(id));
        } catch (Conflict e) {
            model.addAttribute("notice", e.getMessage());
        }
        model.addAttribute("job", find(id));
        return WorkspaceRequests.isHtmx(request) ? "imports/job :: progress" : "imports/job";
    }

    private ImportJob find(String id) {
        return jobs.find(Params.id(id))
                .orElseThrow(() -> new InvalidRequest(
                        org.supportdesk.system.Problem.body("No such import job", "value_error", "id")));
    }
}
