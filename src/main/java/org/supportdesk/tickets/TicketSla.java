package org.supportdesk.tickets;

import static org.supportdesk.sla.SlaPolicy.Target.FIRST_RESPONSE;
import static org.supportdesk.sla.SlaPolicy.Target.RESOLUTION;

import java.time.Instant;
import org.springframework.stereotype.Component;
import org.supportdesk.sla.SlaPolicy;

/**
 * Keeps a ticket's SLA clocks in step with its writes (docs/CONVERSATIONS.md): due times from the
 * priority's targets at creation, again from creation when the priority changes, a pause while
 * the ticket waits on the customer, and, when the pause ends, the due times of the targets still
 * running moved by the working time it lasted.
 */
@Component
class TicketSla {

    private final SlaPolicy policy;

    TicketSla(SlaPolicy policy) {
        this.policy = policy;
    }

    /** The clocks of a new ticket; one created waiting on the customer starts paused. */
    Sla start(Priority priority, Status status, Instant created, Instant resolvedAt) {
        return Sla.of(
                policy.due(FIRST_RESPONSE, priority.value(), created, 0),
                policy.due(RESOLUTION, priority.value(), created, 0),
                status == Status.WAITING_CUSTOMER ? created : null,
                0,
                null,
                resolvedAt,
                created);
    }

    /** The clocks after {@code before} changes, at {@code at}, to the given priority, status and times. */
    Sla next(Ticket before, Priority priority, Status status, Instant firstResponseAt, Instant resolvedAt, Instant at) {
        Sla clocks = before.sla();
        Instant firstResponseDue = clocks.firstResponseDueAt();
        Instant resolutionDue = clocks.resolutionDueAt();
        Instant pausedAt = clocks.pausedAt();
        long pausedMillis = clocks.pausedMillis();
        if (priority != before.priority()) {
            firstResponseDue = policy.due(FIRST_RESPONSE, priority.value(), before.createdAt(), pausedMillis);
            resolutionDue = policy.due(RESOLUTION, priority.value(), before.createdAt(), pausedMillis);
        }
        boolean waiting = status == Status.WAITING_CUSTOMER;
        if (pausedAt != null && !waiting) {
            pausedMillis += policy.pausedMillis(pausedAt, at);
            // A target breached before the pause stays where it was; the others get their time back.
            if (before.firstResponseAt() == null && firstResponseDue.isAfter(pausedAt)) {
                firstResponseDue = policy.resumed(firstResponseDue, pausedAt, at);
            }
            if (before.resolvedAt() == null && resolutionDue.isAfter(pausedAt)) {
                resolutionDue = policy.resumed(resolutionDue, pausedAt, at);
            }
            pausedAt = null;
        } else if (pausedAt == null && waiting) {
            pausedAt = at;
        }
        return Sla.of(firstResponseDue, resolutionDue, pausedAt, pausedMillis, firstResponseAt, resolvedAt, at);
    }

    /** How close the next due time must be for `sla=due_soon`. */
    java.time.Duration dueSoon() {
        return policy.dueSoon();
    }
}
