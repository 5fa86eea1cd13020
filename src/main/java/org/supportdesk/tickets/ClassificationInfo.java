package org.supportdesk.tickets;

import java.time.Instant;
import java.util.List;

/** The last automatic decision on a ticket, kept with it. */
public record ClassificationInfo(
        Category category,
        Priority priority,
        double confidence,
        String reasoning,
        List<String> keywordsFound,
        String method,
        Instant classifiedAt) {}
