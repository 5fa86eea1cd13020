package org.supportdesk;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.supportdesk.tickets.Category;
import org.supportdesk.tickets.Priority;
import org.supportdesk.tickets.Status;

/**
 * A ticket's request body for tests, valid unless a test makes it otherwise:
 * {@code aTicket().withPriority(URGENT).build()}. Each one is of a customer of its own, so tests
 * can filter down to what they made.
 */
public final class TicketBody {

    private final Map<String, Object> fields = new LinkedHashMap<>();

    private TicketBody() {
        fields.put("customer_id", "cust-" + UUID.randomUUID());
        fields.put("customer_email", "ann.lee@example.com");
        fields.put("customer_name", "Ann Lee");
        fields.put("subject", "Cannot export my report");
        fields.put("description", "The export button does nothing when I click it.");
        fields.put("category", "technical_issue");
        fields.put("priority", "high");
        fields.put("tags", List.of("export"));
        fields.put("metadata", Map.of("source", "web_form", "browser", "Firefox 132", "device_type", "desktop"));
    }

    /** A technical issue of high priority, tagged `export`, from a web form. */
    public static TicketBody aTicket() {
        return new TicketBody();
    }

    /** A request for a refund that leaves category and priority to the classifier. */
    public static TicketBody aRefundRequest() {
        return aTicket()
                .withSubject("Charged twice this month")
                .withDescription("My card was charged twice for the same invoice, please refund one payment.")
                .unclassified();
    }

    public TicketBody withCustomer(String customerId) {
        return with("customer_id", customerId);
    }

    public TicketBody withEmail(String email) {
        return with("customer_email", email);
    }

    public TicketBody withSubject(String subject) {
        return with("subject", subject);
    }

    public TicketBody withDescription(String description) {
        return with("description", description);
    }

    public TicketBody withCategory(Category category) {
        return with("category", category.value());
    }

    public TicketBody withPriority(Priority priority) {
        return with("priority", priority.value());
    }

    public TicketBody withStatus(Status status) {
        return with("status", status.value());
    }

    public TicketBody withTags(String... tags) {
        return with("tags", Arrays.asList(tags));
    }

    public TicketBody withAssignee(String assignee) {
        return with("assigned_to", assignee);
    }

    /** Without category and priority: the classifier decides them. */
    public TicketBody unclassified() {
        return without("category").without("priority");
    }

    /** Any field set to any JSON value, valid or not (wrong types, unknown fields, payloads). */
    public TicketBody with(String field, Object value) {
        fields.put(field, value);
        return this;
    }

    public TicketBody without(String field) {
        fields.remove(field);
        return this;
    }

    public Map<String, Object> build() {
        return new LinkedHashMap<>(fields);
    }
}
