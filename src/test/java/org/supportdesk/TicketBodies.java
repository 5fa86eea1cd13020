package org.supportdesk;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Request bodies for tests, valid unless a test says otherwise. */
public final class TicketBodies {

    private TicketBodies() {}

    /** A valid ticket of its own customer, so tests can filter down to what they made. */
    public static Map<String, Object> ticket() {
        var body = new LinkedHashMap<String, Object>();
        body.put("customer_id", "cust-" + UUID.randomUUID());
        body.put("customer_email", "ann.lee@example.com");
        body.put("customer_name", "Ann Lee");
        body.put("subject", "Cannot export my report");
        body.put("description", "The export button does nothing when I click it.");
        body.put("category", "technical_issue");
        body.put("priority", "high");
        body.put("tags", List.of("export"));
        body.put("metadata", Map.of("source", "web_form", "browser", "Firefox 132", "device_type", "desktop"));
        return body;
    }

    public static Map<String, Object> ticket(Object... overrides) {
        var body = ticket();
        for (int i = 0; i + 1 < overrides.length; i += 2) {
            if (overrides[i + 1] == REMOVE) {
                body.remove((String) overrides[i]);
            } else {
                body.put((String) overrides[i], overrides[i + 1]);
            }
        }
        return body;
    }

    public static final Object REMOVE = new Object();
}
