package org.supportdesk.tickets;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A ticket as plain values, for the export and change-feed door (TicketExport): every field the
 * API shows, in the API's shape (so that Jackson writes it as `GET /tickets/{id}` does), and who
 * set its category and priority ({@code category_by}, {@code priority_by}: `person` or
 * `classifier`), which the API keeps to itself but an import needs to give the same ticket back.
 */
public record ExportedTicket(
        UUID id,
        String customerId,
        String customerEmail,
        String customerName,
        String subject,
        String description,
        String category,
        String priority,
        String status,
        List<String> tags,
        String assignedTo,
        Source metadata,
        Instant createdAt,
        Instant updatedAt,
        Instant resolvedAt,
        Classification classification,
        int version,
        String categoryBy,
        String priorityBy) {

    /** Where it came from: {@code metadata} in the API. */
    public record Source(String source, String browser, String deviceType) {}

    /** The last automatic decision, as the API shows it. */
    public record Classification(
            String category,
            String priority,
            double confidence,
            String reasoning,
            List<String> keywordsFound,
            String method,
            Instant classifiedAt) {}

    static ExportedTicket of(Ticket t) {
        ClassificationInfo c =
                t.classification() == null ? null : t.classification().info();
        return new ExportedTicket(
                t.id(),
                t.customerId(),
                t.customerEmail(),
                t.customerName(),
                t.subject(),
                t.description(),
                t.category().value(),
                t.priority().value(),
                t.status().value(),
                t.tags(),
                t.assignedTo(),
                new Source(
                        t.metadata().source().value(),
                        t.metadata().browser(),
                        t.metadata().deviceType() == null
                                ? null
                                : t.metadata().deviceType().value()),
                t.createdAt(),
                t.updatedAt(),
                t.resolvedAt(),
                c == null
                        ? null
                        : new Classification(
                                c.category().value(),
                                c.priority().value(),
                                c.confidence(),
                                c.reasoning(),
                                c.keywordsFound(),
                                c.method(),
                                c.classifiedAt()),
                t.version(),
                t.categoryBy().value(),
                t.priorityBy().value());
    }
}
