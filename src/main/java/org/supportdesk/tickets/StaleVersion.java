package org.supportdesk.tickets;

import org.supportdesk.system.VersionConflict;

/** If-Match named a version the ticket no longer has: nothing changed. */
class StaleVersion extends VersionConflict {
    StaleVersion(int current) {
        super("Ticket was changed by someone else: it is at version " + current + "; fetch it and retry");
    }
}
