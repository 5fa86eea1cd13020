package org.supportdesk.backups;

import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Online backups of the SQLite database (admin); docs/OPERATIONS.md says how to restore one. */
@RestController
class BackupController {

    private final Backups backups;

    BackupController(Backups backups) {
        this.backups = backups;
    }

    record Listing(List<Backups.BackupFile> backups, int keep) {}

    @Operation(summary = "Write a consistent copy of the SQLite database into the backups directory (admin)")
    @PostMapping("/admin/backup")
    @ResponseStatus(HttpStatus.CREATED)
    Backups.Written backup() {
        return backups.write();
    }

    @Operation(summary = "The backups kept, newest first (admin)")
    @GetMapping("/admin/backups")
    Listing list() {
        return new Listing(backups.list(), backups.keep());
    }
}
