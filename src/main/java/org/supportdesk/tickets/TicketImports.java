package org.supportdesk.tickets;

import java.sql.SQLException;
import java.util.UUID;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.supportdesk.system.Actor;
import org.supportdesk.system.InvalidRequest;
import org.supportdesk.system.Problem;
import tools.jackson.databind.JsonNode;

/**
 * The import feature's one door into tickets. Each record is checked exactly as a `POST /tickets`
 * body; valid ones become new tickets (classified where they leave category or priority open) in
 * a {@link Batch}, on the thread that reads the file, and a {@link Writer} stores the batches in
 * the import's transaction, on another.
 */
@Component
public class TicketImports {

    private static final int SQLITE_CONSTRAINT = 19;

    private final TicketBinder binder;
    private final TicketService service;
    private final NewTickets store;
    private final TicketStore tickets;
    private final SearchMerges merges;

    TicketImports(
            TicketBinder binder, TicketService service, NewTickets store, TicketStore tickets, SearchMerges merges) {
        this.binder = binder;
        this.service = service;
        this.store = store;
        this.tickets = tickets;
        this.merges = merges;
    }

    /** A record that passed every check of a `POST /tickets` body, and what it gave beyond one. */
    public static final class Checked {
        private final TicketBinder.Imported record;

        private Checked(TicketBinder.Imported record) {
            this.record = record;
        }

        /** The id the record gives, or null when the ticket gets a new one. */
        public UUID id() {
            return record.fields().id();
        }
    }

    /**
     * Checks a record's fields as a `POST /tickets` body, and the fields only an import may give
     * (an id, times, version, classification: docs/IMPORT-FORMATS.md). An id that a stored ticket
     * has already is a problem of the record.
     *
     * @throws org.supportdesk.system.InvalidRequest with every problem of the record
     */
    public Checked check(JsonNode fields) {
        TicketBinder.Imported record = binder.bindImported(fields);
        UUID id = record.fields().id();
        if (id != null && tickets.find(id).isPresent()) {
            throw new InvalidRequest(Problem.body("A ticket with this id exists already", "value_error", "id"));
        }
        return new Checked(record);
    }

    /** An empty batch of new tickets made by {@code actor}. */
    public Batch batch(Actor actor, boolean autoClassify) {
        return new Batch(actor, autoClassify);
    }

    /** New tickets built and waiting to be stored. */
    public final class Batch {
        private final NewTickets.Batch rows = store.batch();
        private final Actor actor;
        private final boolean autoClassify;

        private Batch(Actor actor, boolean autoClassify) {
            this.actor = actor;
            this.autoClassify = autoClassify;
        }

        /** Makes a new ticket of the record: its id is final, the ticket is stored with the batch. */
        public UUID add(Checked record) {
            TicketService.Created created = service.newTicket(
                    record.record.input(), record.record.fields(), autoClassify, actor, service.now());
            rows.add(created.ticket(), created.classified(), record.id() != null);
            return created.ticket().id();
        }

        public int size() {
            return rows.size();
        }
    }

    /**
     * Stores an import's batches; to be made and used inside the import's one transaction. The
     * search index's merges wait until {@link Writer#finish} (SearchMerges).
     */
    public Writer writer() {
        merges.holdOff();
        return new Writer();
    }

    public final class Writer {
        private final NewTickets.Tally tally = new NewTickets.Tally();

        private Writer() {}

        /**
         * Stores a batch. A ticket id that is there already refuses the whole file: the import
         * reports an id given twice in its file as a row error, so here another import (or
         * instance) stored it since the record was checked, and which row cannot be told.
         */
        public void store(Batch batch) {
            try {
                store.insertAll(batch.rows, tally);
            } catch (DataAccessException e) {
                if (!keyRefused(e)) {
                    throw e;
                }
                throw new IdTakenMeanwhile();
            }
        }

        /**
         * True when the key of tickets refused a row. Spring names that a DuplicateKeyException on
         * PostgreSQL; SQLite's driver gives no SQLState, so Spring leaves its error 19
         * (SQLITE_CONSTRAINT) uncategorised, and only its message names the key. Any other
         * constraint is a fault of ours, not of the file, and stays one.
         */
        private static boolean keyRefused(DataAccessException e) {
            if (e instanceof DuplicateKeyException) {
                return true;
            }
            return e.getMostSpecificCause() instanceof SQLException sql
                    && sql.getSQLState() == null
                    && sql.getErrorCode() == SQLITE_CONSTRAINT
                    && String.valueOf(sql.getMessage()).contains("tickets.id");
        }

        /** Counts the stored tickets for the stats, once per import; call it last. */
        public void finish() {
            store.count(tally);
            merges.resume();
        }
    }
}
