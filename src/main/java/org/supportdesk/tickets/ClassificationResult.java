package org.supportdesk.tickets;

import java.util.List;
import java.util.UUID;

/** What the classifier suggests for a ticket, and whether the suggestion was applied. */
public record ClassificationResult(
        UUID ticketId,
        Category suggestedCategory,
        Priority suggestedPriority,
        double confidence,
        String reasoning,
        List<String> keywordsFound,
        boolean applied) {

    static ClassificationResult of(UUID id, ClassificationInfo info, boolean applied) {
        return new ClassificationResult(
                id,
                info.category(),
                info.priority(),
                info.confidence(),
                info.reasoning(),
                info.keywordsFound(),
                applied);
    }
}
