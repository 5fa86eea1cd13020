package org.supportdesk.tickets;

import org.springframework.http.HttpStatus;
import org.supportdesk.system.ApiException;

/** If-Match named a version the ticket no longer has: 412, nothing changed. */
class StaleVersion extends ApiException {
    StaleVersion(int current) {
        super(
                HttpStatus.PRECONDITION_FAILED,
                "Ticket was changed by someone else: it is at version " + current + "; fetch it and retry");
    }
}
