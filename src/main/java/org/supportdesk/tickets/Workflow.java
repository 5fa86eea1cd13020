package org.supportdesk.tickets;

/**
 * What a comment does to its ticket's status (the table is in docs/CONVERSATIONS.md): the
 * customer writing again reopens a ticket that waited on them or was resolved, and an agent's
 * first public answer takes a new ticket into work. Internal notes change nothing.
 */
final class Workflow {

    private Workflow() {}

    static Status afterComment(Status status, boolean byCustomer, boolean isPublic) {
        if (byCustomer && (status == Status.WAITING_CUSTOMER || status == Status.RESOLVED)) {
            return Status.IN_PROGRESS;
        }
        if (!byCustomer && isPublic && status == Status.NEW) {
            return Status.IN_PROGRESS;
        }
        return status;
    }
}
