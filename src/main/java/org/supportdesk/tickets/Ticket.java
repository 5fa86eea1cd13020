package org.supportdesk.tickets;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.supportdesk.system.Actor;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * A stored ticket, as the API shows it. Besides the fields of SPEC §1 it carries its conversation
 * (how many comments, the last one's time, the first public answer of an agent), the ticket it was
 * merged into, and its SLA clocks (docs/CONVERSATIONS.md). Its JSON is written by {@link
 * TicketSerializer}, in the order of the components below.
 */
@JsonSerialize(using = TicketSerializer.class)
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
        Instant firstResponseAt,
        Instant lastCommentAt,
        int commentCount,
        UUID mergedInto,
        Sla sla,
        TicketClassification classification,
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

    /** The stored `sla_due_at`: when the next open SLA target falls due (see {@link Sla#nextDueMillis}). */
    long slaDueAt() {
        return sla.nextDueMillis(createdAt, firstResponseAt, resolvedAt);
    }

    /** Its SLA targets still open, with their due times (see {@link Sla#open}). */
    List<Sla.Due> openTargets() {
        return sla.open(firstResponseAt, resolvedAt);
    }

    /**
     * This ticket with category, priority, who set them, the last classification and the SLA
     * clocks (which follow the priority) replaced.
     */
    Ticket withTriage(
            Category category,
            Origin categoryBy,
            Priority priority,
            Origin priorityBy,
            TicketClassification classification,
            Sla sla,
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
                firstResponseAt,
                lastCommentAt,
                commentCount,
                mergedInto,
                sla,
                classification,
                version,
                categoryBy,
                priorityBy,
                createdBy);
    }

    /** This ticket one version up with the writable fields of {@code in} and what follows from them. */
    Ticket withEdit(
            TicketInput in,
            Category category,
            Origin categoryBy,
            Priority priority,
            Origin priorityBy,
            TicketClassification classification,
            Instant resolvedAt,
            Sla sla,
            Instant updatedAt) {
        return new Ticket(
                id,
                in.customerId(),
                in.customerEmail(),
                in.customerName(),
                in.subject(),
                in.description(),
                category,
                priority,
                in.status(),
                in.tags(),
                in.assignedTo(),
                in.metadata(),
                createdAt,
                updatedAt,
                resolvedAt,
                firstResponseAt,
                lastCommentAt,
                commentCount,
                mergedInto,
                sla,
                classification,
                version + 1,
                categoryBy,
                priorityBy,
                createdBy);
    }

    /** This ticket one version up, changed by its conversation: a status, the first response, a merge. */
    Ticket withState(
            Status status, Instant resolvedAt, Instant firstResponseAt, UUID mergedInto, Sla sla, Instant updatedAt) {
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
                firstResponseAt,
                lastCommentAt,
                commentCount,
                mergedInto,
                sla,
                classification,
                version + 1,
                categoryBy,
                priorityBy,
                createdBy);
    }
}
