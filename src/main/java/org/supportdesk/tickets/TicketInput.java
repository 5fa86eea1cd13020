package org.supportdesk.tickets;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.hibernate.validator.constraints.CodePointLength;

/**
 * The writable fields of a ticket, trimmed and typed, as a create, replace or import gives them.
 * Presence and types are checked by {@link TicketBinder}; the constraints here are the rules.
 * Null category/priority means "let the classifier decide"; null status means `new`. Lengths count
 * characters (code points), as Pydantic does: {@code @Size} would count an emoji twice.
 */
record TicketInput(
        @CodePointLength(min = 1, max = 100) String customerId,
        @CodePointLength(max = 254) @EmailAddress String customerEmail,
        @CodePointLength(min = 1, max = 200) String customerName,
        @CodePointLength(min = 1, max = 200) String subject,
        @CodePointLength(min = 10, max = 2000) String description,
        Category category,
        Priority priority,
        Status status,
        @Size(max = 20) List<@CodePointLength(min = 1, max = 50) String> tags,
        @CodePointLength(max = 100) String assignedTo,
        @Valid Metadata metadata) {

    public TicketInput {
        tags = tags == null ? List.of() : List.copyOf(tags);
        metadata = metadata == null ? Metadata.DEFAULT : metadata;
        status = status == null ? Status.NEW : status;
    }
}
