package org.supportdesk.imports;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * What imports did, for the metrics: `supportdesk_imports_total{format, outcome}` per import
 * (completed, dry_run, failed) and `supportdesk_import_rows_total{format, outcome}` per record
 * (imported, invalid). Rows are counted when their import has committed, so a refused file adds
 * none; rows per second are the rate of the imported ones.
 */
@Component
class ImportMeters {

    private final MeterRegistry registry;

    ImportMeters(MeterRegistry registry) {
        this.registry = registry;
        // Registered up front, so that a dashboard shows zero rather than no data before the first
        // import of each format.
        for (ImportFormat format : ImportFormat.values()) {
            for (String outcome : new String[] {"imported", "invalid"}) {
                registry.counter("supportdesk.import.rows", "format", tag(format), "outcome", outcome);
            }
            for (String outcome : new String[] {"completed", "dry_run", "failed"}) {
                registry.counter("supportdesk.imports", "format", tag(format), "outcome", outcome);
            }
        }
    }

    void finished(ImportFormat format, ImportResult result) {
        String tag = tag(format);
        if (result.dryRun()) {
            registry.counter("supportdesk.imports", "format", tag, "outcome", "dry_run")
                    .increment();
            return;
        }
        registry.counter("supportdesk.imports", "format", tag, "outcome", "completed")
                .increment();
        registry.counter("supportdesk.import.rows", "format", tag, "outcome", "imported")
                .increment(result.successCount());
        registry.counter("supportdesk.import.rows", "format", tag, "outcome", "invalid")
                .increment(result.errorCount());
    }

    /** Refused (unreadable, too large, wrong format) or interrupted: nothing was stored. */
    void failed(ImportFormat format) {
        registry.counter("supportdesk.imports", "format", tag(format), "outcome", "failed")
                .increment();
    }

    private static String tag(ImportFormat format) {
        return format == null ? "unknown" : format.name().toLowerCase(Locale.ROOT);
    }
}
