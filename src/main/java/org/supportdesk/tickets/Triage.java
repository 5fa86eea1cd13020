package org.supportdesk.tickets;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Decides category and priority where a person left them open (or everywhere, when asked), and
 * records who decided.
 */
@Component
public class Triage {

    public record Decision(
            Category category, Origin categoryBy, Priority priority, Origin priorityBy, ClassificationInfo info) {}

    Decision decide(TicketInput in, boolean force, Instant at) {
        if (!force && in.category() != null && in.priority() != null) {
            return new Decision(in.category(), Origin.PERSON, in.priority(), Origin.PERSON, null);
        }
        // Placeholder until the rules classifier is wired in.
        var info = new ClassificationInfo(
                Category.OTHER, Priority.MEDIUM, 0.3, "No classifier configured", List.of(), "rules", at);
        boolean ownCategory = force || in.category() == null;
        boolean ownPriority = force || in.priority() == null;
        return new Decision(
                ownCategory ? info.category() : in.category(),
                ownCategory ? Origin.CLASSIFIER : Origin.PERSON,
                ownPriority ? info.priority() : in.priority(),
                ownPriority ? Origin.CLASSIFIER : Origin.PERSON,
                info);
    }

    static HistoryEvent event(
            Decision decision, String actor, Instant at, boolean applied, Map<String, HistoryEvent.Change> changes) {
        ClassificationInfo info = decision.info();
        var classification = new LinkedHashMap<String, Object>();
        classification.put("category", info.category().value());
        classification.put("priority", info.priority().value());
        classification.put("confidence", info.confidence());
        classification.put("reasoning", info.reasoning());
        classification.put("keywords_found", info.keywordsFound());
        classification.put("method", info.method());
        classification.put("applied", applied);
        return new HistoryEvent(at, actor, "classified", changes, classification);
    }
}
