package org.supportdesk.tickets;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.supportdesk.system.Actor;

/** A stored ticket, as the API shows it. */
public record Ticket(
        UUID id,
        String customerId,
        String customerEmail,
        String customerName,
        String subject,
        String description,
        Category category,
        Priority priority,
        Status status,
        List<String> tags,
        String assignedTo,
        Metadata metadata,
        Instant createdAt,
        Instant updatedAt,
        Instant resolvedAt,
        ClassificationInfo classification,
        int version,
        @JsonIgnore Origin categoryBy,
        @JsonIgnore Origin priorityBy,
        @JsonIgnore Actor createdBy) {

    TicketInput toInput() {
        return new TicketInput(
                customerId,
                customerEmail,
                customerName,
                subject,
                description,
                category,
                priority,
                status,
                tags,
                assignedTo,
                metadata);
    }

    /** This ticket with category, priority, who set them and the last classification replaced. */
    Ticket withTriage(
            Category category,
            Origin categoryBy,
            Priority priority,
            Origin priorityBy,
            ClassificationInfo classification,
            Instant updatedAt,
            int version) {
        return new Ticket(
                id,
                customerId,
                customerEmail,
                customerName,
                subject,
                description,
                category,
                priority,
                status,
                tags,
                assignedTo,
                metadata,
                createdAt,
                updatedAt,
                resolvedAt,
                classification,
                version,
                categoryBy,
                priorityBy,
                createdBy);
    }
}
