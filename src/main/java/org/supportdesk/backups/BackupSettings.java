package org.supportdesk.backups;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param keep how many backups are kept: the oldest go once a new one is written
 * @param dir where they are written; `backups/` in the data directory when not set
 */
@ConfigurationProperties("supportdesk.backup")
record BackupSettings(@DefaultValue("7") int keep, Path dir) {

    BackupSettings {
        if (keep < 1) {
            throw new IllegalArgumentException("supportdesk.backup.keep (SUPPORTDESK_BACKUP_KEEP) must be at least 1");
        }
    }
}
