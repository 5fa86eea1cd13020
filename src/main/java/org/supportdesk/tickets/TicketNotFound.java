package org.supportdesk.tickets;

import org.supportdesk.system.NotFound;

public class TicketNotFound extends NotFound {
    public TicketNotFound() {
        super("Ticket not found");
    }
}
