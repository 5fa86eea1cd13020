package org.supportdesk.tickets;

import java.util.UUID;
import org.springframework.stereotype.Component;
import org.supportdesk.system.Actor;
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

    TicketImports(TicketBinder binder, TicketService service, NewTickets store) {
        this.binder = binder;
        this.service = service;
        this.store = store;
    }

    /** A record that passed every check of a `POST /tickets` body. */
    public static final class Checked {
        private final TicketInput input;

        private Checked(TicketInput input) {
            this.input = input;
        }
    }

    /**
     * Checks a record's fields as a `POST /tickets` body.
     *
     * @throws org.supportdesk.system.InvalidRequest with every problem of the record
     */
    public Checked check(JsonNode fields) {
        return new Checked(binder.bindNew(fields));
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
            TicketService.Created created = service.newTicket(record.input, autoClassify, actor, service.now());
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

        public void store(Batch batch) {
            store.insertAll(batch.rows, tally);
        }

        /** Counts the stored tickets for the stats, once per import; call it last. */
        public void finish() {
            store.count(tally);
        }
    }
}
