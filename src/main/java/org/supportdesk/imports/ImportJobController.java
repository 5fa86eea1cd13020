package org.supportdesk.imports;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.supportdesk.system.Actor;
import org.supportdesk.system.Params;

/** Background imports: accepted at once (202), followed with GET, cancelled with DELETE. */
@RestController
class ImportJobController {

    private final ImportJobs jobs;

    ImportJobController(ImportJobs jobs) {
        this.jobs = jobs;
    }

    @Operation(
            summary = "Import a file in the background (as /tickets/import: multipart `file` or the raw body);"
                    + " 202 with the job, followed at its Location")
    @PostMapping("/imports")
    ResponseEntity<ImportJob> start(
            HttpServletRequest request,
            @RequestParam(name = "dry_run", required = false) String dryRun,
            @RequestParam(name = "auto_classify", required = false) String autoClassify,
            Actor actor) {
        boolean dry = Params.bool("dry_run", dryRun);
        boolean classify = Params.bool("auto_classify", autoClassify);
        ImportJob job = jobs.start(jobs.spool(request), dry, classify, actor);
        return ResponseEntity.accepted()
                .location(URI.create("/imports/" + job.id()))
                .body(job);
    }

    @Operation(summary = "A background import: state, bytes and rows read, stored and failed, and its result when done")
    @GetMapping("/imports/{id}")
    ImportJob get(@PathVariable String id) {
        return jobs.find(Params.id(id)).orElseThrow(ImportJobNotFound::new);
    }

    @Operation(summary = "Cancel a waiting or running import: nothing of it is stored; 409 once it has finished")
    @DeleteMapping("/imports/{id}")
    ImportJob cancel(@PathVariable String id) {
        return jobs.cancel(Params.id(id));
    }
}
