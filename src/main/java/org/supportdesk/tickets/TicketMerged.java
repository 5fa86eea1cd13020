package org.supportdesk.tickets;

import java.util.UUID;
import org.supportdesk.system.Conflict;

/** The ticket was merged into another: it is closed for good, its conversation lives on there. */
class TicketMerged extends Conflict {

    TicketMerged(UUID into) {
        super("Ticket was merged into " + into + "; use that ticket instead");
    }

    TicketMerged(UUID id, UUID into) {
        super("Ticket " + id + " was merged into " + into + " already; merged tickets cannot be merged again");
    }
}
