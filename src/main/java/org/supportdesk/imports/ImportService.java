package org.supportdesk.imports;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.supportdesk.system.Actor;
import org.supportdesk.system.ApiException;
import org.supportdesk.system.Database;
import org.supportdesk.system.InvalidRequest;
import org.supportdesk.system.PayloadTooLarge;
import org.supportdesk.system.Problem;
import org.supportdesk.tickets.TicketBinder;
import org.supportdesk.tickets.TicketInput;
import org.supportdesk.tickets.TicketService;
import org.supportdesk.tickets.Tickets;

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
    // Batches waiting for the store: enough to ride out a slow batch, few enough that memory does
    // not depend on the file.
    private static final int QUEUED_BATCHES = 2;

    private final TicketBinder binder;
    private final TicketService tickets;
    private final Tickets store;
    private final Database db;
    private final ImportMeters meters;

    ImportService(TicketBinder binder, TicketService tickets, Tickets store, Database db, ImportMeters meters) {
        this.binder = binder;
        this.tickets = tickets;
        this.store = store;
        this.db = db;
        this.meters = meters;
    }

    /** The upload as the controller found it. */
    record Upload(String fileName, String contentType, InputStream body) {}

    ImportResult importFile(ImportFormat expected, Upload upload, boolean dryRun, boolean autoClassify, Actor actor) {
        var in = new BufferedInputStream(upload.body(), 1 << 16);
        ImportFormat format = expected;
        try {
            format = formatOf(expected, upload, in);
            ImportResult result = read(format, in, new Run(dryRun, autoClassify, actor));
            meters.finished(format, result);
            return result;
        } catch (RuntimeException e) {
            meters.failed(format);
            throw e;
        }
    }

    private static ImportResult read(ImportFormat format, InputStream in, Run run) {
        try (TicketRecordReader reader = TicketFileParsers.open(format, in)) {
            return run.all(reader);
        } catch (MalformedImportException e) {
            throw tooLargeOr(e, new ApiException(HttpStatus.BAD_REQUEST, "Cannot import the file: " + e.getMessage()));
        }
    }

    private static RuntimeException tooLargeOr(Throwable e, RuntimeException otherwise) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof PayloadTooLarge tooLarge) {
                return new ApiException(HttpStatus.CONTENT_TOO_LARGE, tooLarge.getMessage());
            }
        }
        return otherwise;
    }

    /**
     * The file's format: the endpoint's, checked against what the name, type and content say, or
     * for `/tickets/import` whatever they say.
     */
    private static ImportFormat formatOf(ImportFormat expected, Upload upload, BufferedInputStream in) {
        try {
            ImportFormat byName = ImportFormat.fromFileName(upload.fileName()).orElse(null);
            ImportFormat byType =
                    ImportFormat.fromContentType(upload.contentType()).orElse(null);
            ImportFormat sniffed = ImportFormat.sniff(in);
            if (expected == null) {
                return byName != null ? byName : byType != null ? byType : sniffed;
            }
            // Content that opens like JSON or XML is that, whatever its label says; anything else may
            // be CSV, so then the name or type decides.
            ImportFormat claimed = byName != null ? byName : byType;
            ImportFormat found = sniffed != ImportFormat.CSV ? sniffed : claimed != null ? claimed : expected;
            if (found != expected) {
                throw new ApiException(
                        HttpStatus.BAD_REQUEST,
                        "Expected a " + expected + " file but got " + found
                                + (found == byName && found != sniffed ? " (by its name)" : "")
                                + "; send it to /import/" + found.name().toLowerCase(java.util.Locale.ROOT)
                                + " or /tickets/import");
            }
            return expected;
        } catch (IOException e) {
            throw tooLargeOr(e, new ApiException(HttpStatus.BAD_REQUEST, "Cannot read the upload"));
        }
    }

    /** One import's counters and the batch being built. */
    private final class Run {
        private final boolean dryRun;
        private final boolean autoClassify;
        private final Actor actor;
        private long total;
        private long success;
        private long failed;
        private final List<ImportResult.RowError> errors = new ArrayList<>();
        private final List<String> ids = new ArrayList<>();
        private Tickets.Batch batch;
        private Storing storing;

        Run(boolean dryRun, boolean autoClassify, Actor actor) {
            this.dryRun = dryRun;
            this.autoClassify = autoClassify;
            this.actor = actor;
        }

        ImportResult all(TicketRecordReader reader) {
            if (!dryRun) {
                storing = new Storing();
                batch = store.batch();
            }
            boolean complete = false;
            try {
                while (reader.hasNext()) {
                    one(reader.next());
                }
                if (storing != null) {
                    storing.handOff(batch);
                }
                complete = true;
            } finally {
                if (storing != null) {
                    // Commits after a complete read, rolls back otherwise; either way the answer
                    // waits for it, so a refused file is gone from the store when the 400 goes out.
                    storing.finish(complete);
                }
            }
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
            if (record.hasProblem()) {
                fail(record.row(), List.of(record.problem()));
                return;
            }
            TicketInput input;
            try {
                input = binder.bindNew(record.fields());
            } catch (InvalidRequest e) {
                fail(
                        record.row(),
                        e.problems().stream().map(Problem::asFieldMessage).toList());
                return;
            }
            success++;
            if (dryRun) {
                return;
            }
            TicketService.Created created = tickets.newTicket(input, autoClassify, actor, tickets.now());
            batch.add(created.ticket(), created.classified());
            if (ids.size() < ImportResult.MAX_IDS) {
                ids.add(created.ticket().id().toString());
            }
            if (batch.size() >= BATCH) {
                storing.handOff(batch);
                batch = store.batch();
            }
        }

        private void fail(int row, List<String> messages) {
            failed++;
            if (errors.size() < ImportResult.MAX_ERRORS) {
                errors.add(new ImportResult.RowError(row, messages));
            }
        }
    }

    /** The import's transaction, on a thread of its own, storing the batches it is handed. */
    private final class Storing {
        private final ArrayBlockingQueue<Tickets.Batch> queue = new ArrayBlockingQueue<>(QUEUED_BATCHES);
        // Handed over last: commit, or roll back when the read did not complete.
        private final Tickets.Batch commit = store.batch();
        private final Tickets.Batch rollBack = store.batch();
        private final CompletableFuture<Void> done = new CompletableFuture<>();

        Storing() {
            var thread = new Thread(
                    () -> {
                        try {
                            db.write(this::storeAll);
                            done.complete(null);
                        } catch (Throwable e) {
                            done.completeExceptionally(e);
                        }
                    },
                    "import-store");
            thread.setDaemon(true);
            thread.start();
        }

        private Void storeAll() {
            try {
                var tally = new Tickets.Tally();
                for (Tickets.Batch next = queue.take(); next != commit; next = queue.take()) {
                    if (next == rollBack) {
                        throw new ReadIncomplete();
                    }
                    store.insertAll(next, tally);
                }
                store.count(tally);
                return null;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while storing an import", e);
            }
        }

        /** Queues a batch; waits while the store is behind, and fails as soon as the store has. */
        void handOff(Tickets.Batch next) {
            if (next.size() == 0 && next != commit && next != rollBack) {
                return;
            }
            try {
                while (!queue.offer(next, 50, TimeUnit.MILLISECONDS)) {
                    if (done.isDone()) {
                        rethrow(done);
                        throw new IllegalStateException("The import's transaction ended early");
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while importing", e);
            }
        }

        void finish(boolean complete) {
            if (!done.isDone()) {
                handOff(complete ? commit : rollBack);
            }
            try {
                done.join();
            } catch (CompletionException e) {
                if (complete || !(e.getCause() instanceof ReadIncomplete)) {
                    rethrow(done);
                }
            }
        }
    }

    private static void rethrow(CompletableFuture<Void> done) {
        try {
            done.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw e;
        }
    }

    /** Rolls the import's transaction back when the file could not be read to its end. */
    private static final class ReadIncomplete extends RuntimeException {
        ReadIncomplete() {
            super("The import file could not be read to its end", null, false, false);
        }
    }
}
