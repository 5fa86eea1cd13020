package org.supportdesk.tickets;

import org.springframework.http.HttpStatus;
import org.supportdesk.system.ApiException;

public class TicketNotFound extends ApiException {
    public TicketNotFound() {
        super(HttpStatus.NOT_FOUND, "Ticket not found");
    }
}
