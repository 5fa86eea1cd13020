package org.supportdesk.tickets;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** What differs between two versions of a ticket, as history shows it: field → {old, new}. */
final class TicketChanges {

    private TicketChanges() {}

    /** Every visible field that differs, in the API's names (`metadata.browser`, ...). */
    static Map<String, HistoryEvent.Change> between(Ticket a, Ticket b) {
        var changes = new LinkedHashMap<String, HistoryEvent.Change>();
        diff(changes, "customer_id", a.customerId(), b.customerId());
        diff(changes, "customer_email", a.customerEmail(), b.customerEmail());
        diff(changes, "customer_name", a.customerName(), b.customerName());
        diff(changes, "subject", a.subject(), b.subject());
        diff(changes, "description", a.description(), b.description());
        diff(changes, "category", label(a.category()), label(b.category()));
        diff(changes, "priority", label(a.priority()), label(b.priority()));
        diff(changes, "status", label(a.status()), label(b.status()));
        diff(changes, "tags", a.tags(), b.tags());
        diff(changes, "assigned_to", a.assignedTo(), b.assignedTo());
        diff(
                changes,
                "metadata.source",
                label(a.metadata().source()),
                label(b.metadata().source()));
        diff(changes, "metadata.browser", a.metadata().browser(), b.metadata().browser());
        diff(
                changes,
                "metadata.device_type",
                label(a.metadata().deviceType()),
                label(b.metadata().deviceType()));
        diff(changes, "resolved_at", a.resolvedAt(), b.resolvedAt());
        return changes;
    }

    private static String label(Labelled value) {
        return value == null ? null : value.value();
    }

    private static void diff(Map<String, HistoryEvent.Change> changes, String field, Object old, Object now) {
        if (!Objects.equals(old, now)) {
            changes.put(field, new HistoryEvent.Change(old, now));
        }
    }
}
