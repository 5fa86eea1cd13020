package org.supportdesk.tickets;

import java.util.UUID;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.supportdesk.system.Actor;
import org.supportdesk.system.InvalidRequest;
import org.supportdesk.system.MalformedRequest;
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

    private final TicketBinder binder;
    private final TicketService service;
    private final NewTickets store;
    private final TicketStore tickets;

    TicketImports(TicketBinder binder, TicketService service, NewTickets store, TicketStore tickets) {
        this.binder = binder;
        this.service = service;
        this.store = store;
        this.tickets = tickets;
    }

    /** A record that passed every check of a `POST /tickets` body, and what it gave beyond one. */
    public static final class Checked {
        private final TicketBinder.Imported record;

        private Checked(TicketBinder.Imported record) {
            this.record = record;
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
            rows.add(created.ticket(), created.classified());
            return created.ticket().id();
        }

        public int size() {
            return rows.size();
        }
    }

    /** Stores an import's batches; to be used inside the import's one transaction. */
    public Writer writer() {
        return new Writer();
    }

    public final class Writer {
        private final NewTickets.Tally tally = new NewTickets.Tally();

        private Writer() {}

        /**
         * Stores a batch. A ticket id that is there already (the file holds it twice, or another
         * import stored it since the record was checked) refuses the whole file.
         */
        public void store(Batch batch) {
            try {
                store.insertAll(batch.rows, tally);
            } catch (DataIntegrityViolationException e) {
                throw new MalformedRequest(
                        "Cannot import the file: it holds a ticket id twice, or another import stored a ticket with"
                                + " one of its ids meanwhile; nothing was imported",
                        e);
            }
        }

        /** Counts the stored tickets for the stats, once per import; call it last. */
        public void finish() {
            store.count(tally);
        }
    }
}
