package org.supportdesk.tickets;

import java.util.List;
import java.util.UUID;

/**
 * What the classifier suggests for a ticket, who decided ({@code method}: {@code "rules"}, or {@code "model"} when the
 * team's model decided either field), and whether the suggestion was applied.
 */
public record ClassificationResult(
        UUID ticketId,
        Category suggestedCategory,
        Priority suggestedPriority,
        double confidence,
        String reasoning,
        List<String> keywordsFound,
        String method,
        boolean applied) {

    static ClassificationResult of(UUID id, ClassificationInfo info, boolean applied) {
        return new ClassificationResult(
                id,
                info.category(),
                info.priority(),
                info.confidence(),
                info.reasoning(),
                info.keywordsFound(),
                info.method(),
                applied);
    }
}
