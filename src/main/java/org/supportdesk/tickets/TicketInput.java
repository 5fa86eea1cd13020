package org.supportdesk.tickets;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * The writable fields of a ticket, trimmed and typed, as a create, replace or import gives them.
 * Presence and types are checked by {@link TicketBinder}; the constraints here are the rules.
 * Null category/priority means "let the classifier decide"; null status means `new`.
 */
record TicketInput(
        @Size(min = 1, max = 100) String customerId,
        @Size(max = 254) @EmailAddress String customerEmail,
        @Size(min = 1, max = 200) String customerName,
        @Size(min = 1, max = 200) String subject,
        @Size(min = 10, max = 2000) String description,
        Category category,
        Priority priority,
        Status status,
        @Size(max = 20) List<@Size(min = 1, max = 50) String> tags,
        @Size(max = 100) String assignedTo,
        @Valid Metadata metadata) {

    public TicketInput {
        tags = tags == null ? List.of() : List.copyOf(tags);
        metadata = metadata == null ? Metadata.DEFAULT : metadata;
        status = status == null ? Status.NEW : status;
    }
}
