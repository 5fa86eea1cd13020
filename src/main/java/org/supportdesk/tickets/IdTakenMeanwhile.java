package org.supportdesk.tickets;

import org.supportdesk.system.Conflict;

/**
 * An import whose ticket id another import (or instance) stored after the record was checked: a
 * conflict with what happened meanwhile (409), not a fault of the file, which imports whole if
 * sent again (its ids then refused row by row).
 */
final class IdTakenMeanwhile extends Conflict {

    IdTakenMeanwhile() {
        super("Cannot import the file: another import stored a ticket with one of its ids meanwhile;"
                + " nothing was imported");
    }
}
