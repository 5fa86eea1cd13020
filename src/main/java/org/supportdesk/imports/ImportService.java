package org.supportdesk.imports;

import java.io.BufferedInputStream;
import java.io.InputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.supportdesk.system.Actor;
import org.supportdesk.system.Database;
import org.supportdesk.system.DomainEvent;
import org.supportdesk.system.InvalidRequest;
import org.supportdesk.system.MalformedRequest;
import org.supportdesk.system.Problem;
import org.supportdesk.tickets.TicketImports;

/**
 * Streams an import file into the store: records are parsed one at a time, validated as `POST
 * /tickets` bodies, classified when they leave category or priority open, and written in batches
 * inside one transaction. A structural failure anywhere, even on the last line, rolls back
 * everything, so a file is either imported (with its invalid records reported) or not at all.
 *
 * <p>Two threads share the work: the request's thread reads, validates and classifies, and hands
 * finished batches to the thread that holds the transaction and stores them, so that neither waits
 * for the other (on SQLite each is about half of the cost of a row).
 */
@Service
class ImportService {

    private static final int BATCH = 1000;

    private final TicketImports tickets;
    private final Database db;
    private final ImportMeters meters;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ImportService(
            TicketImports tickets, Database db, ImportMeters meters, ApplicationEventPublisher events, Clock clock) {
        this.tickets = tickets;
        this.db = db;
        this.meters = meters;
        this.events = events;
        this.clock = clock;
    }

    /** The upload as the controller found it. */
    record Upload(String fileName, String contentType, InputStream body) {}

    ImportResult importFile(ImportFormat expected, Upload upload, boolean dryRun, boolean autoClassify, Actor actor) {
        return importFile(expected, upload, dryRun, autoClassify, actor, new ImportProgress());
    }

    /**
     * An import that reports its progress as it goes, can be cancelled through it (rolled back,
     * nothing stored), and runs {@link ImportProgress#beforeCommit} in the import's transaction.
     */
    ImportResult importFile(
            ImportFormat expected,
            Upload upload,
            boolean dryRun,
            boolean autoClassify,
            Actor actor,
            ImportProgress progress) {
        var in = new BufferedInputStream(upload.body(), 1 << 16);
        ImportFormat format = expected;
        try {
            format = UploadFormat.of(expected, upload, in);
            ImportResult result = read(in, new Run(format, dryRun, autoClassify, actor, progress));
            meters.finished(format, result);
            return result;
        } catch (RuntimeException e) {
            meters.failed(format);
            throw e;
        }
    }

    private ImportResult read(InputStream in, Run run) {
        ImportFormat format = run.format;
        try (TicketRecordReader reader = TicketFileParsers.open(format, in)) {
            return run.all(reader);
        } catch (MalformedImportException e) {
            // The cause stays: when a size limit cut the file short, the answer is 413.
            throw new MalformedRequest("Cannot import the file: " + e.getMessage(), e);
        }
    }

    /** One import's counters and the batch being built. */
    private final class Run {
        private final ImportFormat format;
        private final boolean dryRun;
        private final boolean autoClassify;
        private final Actor actor;
        private long total;
        private long success;
        private long failed;
        private final List<ImportResult.RowError> errors = new ArrayList<>();
        private final List<String> ids = new ArrayList<>();
        private final ImportProgress progress;
        // The ids the file gave, with the row of each: tickets of earlier batches are in the
        // import's transaction, not yet in the store a record is checked against.
        private final Map<UUID, Integer> fileIds = new HashMap<>();
        private TicketImports.Batch batch;
        private ImportTransaction storing;

        Run(ImportFormat format, boolean dryRun, boolean autoClassify, Actor actor, ImportProgress progress) {
            this.format = format;
            this.dryRun = dryRun;
            this.autoClassify = autoClassify;
            this.actor = actor;
            this.progress = progress;
        }

        ImportResult all(TicketRecordReader reader) {
            if (!dryRun) {
                storing = new ImportTransaction(tickets, db, progress);
                batch = tickets.batch(actor, autoClassify);
            }
            boolean complete = false;
            ImportResult result;
            try {
                while (reader.hasNext()) {
                    progress.checkNotCancelled();
                    one(reader.next());
                }
                if (storing != null) {
                    storing.handOff(batch);
                }
                result = result();
                progress.checkNotCancelled();
                if (storing != null) {
                    storing.beforeCommit(() -> {
                        progress.beforeCommit(result);
                        finished();
                    });
                }
                complete = true;
            } finally {
                if (storing != null) {
                    // Commits after a complete read, rolls back otherwise; either way the answer
                    // waits for it, so a refused file is gone from the store when the 400 goes out.
                    storing.finish(complete);
                }
            }
            return result;
        }

        private ImportResult result() {
            return new ImportResult(
                    total,
                    success,
                    failed,
                    List.copyOf(errors),
                    List.copyOf(ids),
                    failed > errors.size(),
                    !dryRun && success > ids.size(),
                    dryRun);
        }

        private void one(ImportRecord record) {
            total++;
            progress.read();
            if (record.hasProblem()) {
                fail(record.row(), List.of(record.problem()));
                return;
            }
            TicketImports.Checked checked;
            try {
                checked = tickets.check(record.fields());
            } catch (InvalidRequest e) {
                fail(
                        record.row(),
                        e.problems().stream().map(Problem::asFieldMessage).toList());
                return;
            }
            if (checked.id() != null) {
                Integer first = fileIds.putIfAbsent(checked.id(), record.row());
                if (first != null) {
                    fail(record.row(), List.of("id: This id appears earlier in the file, in row " + first));
                    return;
                }
            }
            success++;
            if (dryRun) {
                return;
            }
            var id = batch.add(checked);
            if (ids.size() < ImportResult.MAX_IDS) {
                ids.add(id.toString());
            }
            if (batch.size() >= BATCH) {
                storing.handOff(batch);
                batch = tickets.batch(actor, autoClassify);
            }
        }

        /** `import.finished`, in the import's transaction: told if and only if the import commits. */
        private void finished() {
            var summary = new LinkedHashMap<String, Object>();
            summary.put("format", format.name().toLowerCase(Locale.ROOT));
            summary.put("total", total);
            summary.put("imported", success);
            summary.put("failed", failed);
            summary.put("auto_classify", autoClassify);
            events.publishEvent(
                    new DomainEvent("import.finished", null, clock.instant(), actor.name(), Map.of("import", summary)));
        }

        private void fail(int row, List<String> messages) {
            failed++;
            progress.failed();
            if (errors.size() < ImportResult.MAX_ERRORS) {
                errors.add(new ImportResult.RowError(row, messages));
            }
        }
    }
}
