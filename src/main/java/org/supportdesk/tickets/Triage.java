package org.supportdesk.tickets;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.supportdesk.classification.FieldDecision;
import org.supportdesk.system.Actor;

/**
 * Where tickets meet the classifier: decides category and priority where a person left them open
 * (or everywhere, when asked), and records who decided. Each field is decided by the team's model
 * or by the rules ({@link TriageModel}, supplied by the learning package), and each decision is
 * counted by method and outcome.
 */
@Component
class Triage {

    private static final int CATEGORIES = Category.values().length;
    private static final int PRIORITIES = Priority.values().length;

    private final TriageModel model;
    private final MeterRegistry meters;
    /** Per method, category and priority: registering a counter on every decision cost a map lookup each. */
    private final Counter[] decisions = new Counter[2 * CATEGORIES * PRIORITIES];

    Triage(TriageModel model, MeterRegistry meters) {
        this.model = model;
        this.meters = meters;
    }

    record Decision(
            Category category, Origin categoryBy, Priority priority, Origin priorityBy, ClassificationInfo info) {}

    ClassificationInfo classify(String subject, String description, Instant at) {
        org.supportdesk.classification.Decision d = model.current().decide(subject, description);
        FieldDecision category = d.category();
        // `confidence` is the confidence in the category, as it has always been: the model's
        // probability when the model chose it, else the rules' own figure.
        var info = new ClassificationInfo(
                Category.parse(category.label()),
                Priority.parse(d.priority().label()),
                category.byModel() ? round(category.confidence()) : d.rules().confidence(),
                d.reasoning(),
                d.rules().keywordsFound(),
                d.method(),
                at);
        count(info);
        return info;
    }

    private static double round(double probability) {
        return Math.round(probability * 100) / 100.0;
    }

    private void count(ClassificationInfo info) {
        int byModel = FieldDecision.MODEL.equals(info.method()) ? 1 : 0;
        int i = (byModel * CATEGORIES + info.category().ordinal()) * PRIORITIES
                + info.priority().ordinal();
        Counter counter = decisions[i];
        if (counter == null) {
            counter = meters.counter(
                    "supportdesk.classifier.decisions",
                    "method",
                    info.method(),
                    "category",
                    info.category().value(),
                    "priority",
                    info.priority().value());
            decisions[i] = counter;
        }
        counter.increment();
    }

    Decision decide(TicketInput in, boolean force, Instant at) {
        if (!force && in.category() != null && in.priority() != null) {
            return new Decision(in.category(), Origin.PERSON, in.priority(), Origin.PERSON, null);
        }
        ClassificationInfo info = classify(in.subject(), in.description(), at);
        boolean ownCategory = force || in.category() == null;
        boolean ownPriority = force || in.priority() == null;
        return new Decision(
                ownCategory ? info.category() : in.category(),
                ownCategory ? Origin.CLASSIFIER : Origin.PERSON,
                ownPriority ? info.priority() : in.priority(),
                ownPriority ? Origin.CLASSIFIER : Origin.PERSON,
                info);
    }

    /**
     * True when two decisions are the same but for their time: the same category, priority,
     * confidence, reasoning, keywords and method. Either may be null (no decision yet).
     */
    static boolean sameDecision(ClassificationInfo a, ClassificationInfo b) {
        return a != null && b != null && decision(a).equals(decision(b));
    }

    /** The same, for a decision as a `classified` history event records it. */
    static boolean sameDecision(Map<String, Object> recorded, ClassificationInfo b) {
        if (recorded == null) {
            return false;
        }
        var stored = new LinkedHashMap<>(recorded);
        stored.remove("applied");
        return stored.equals(decision(b));
    }

    /** A decision as history records it, without whether it was applied. */
    private static Map<String, Object> decision(ClassificationInfo info) {
        var classification = new LinkedHashMap<String, Object>();
        classification.put("category", info.category().value());
        classification.put("priority", info.priority().value());
        classification.put("confidence", info.confidence());
        classification.put("reasoning", info.reasoning());
        classification.put("keywords_found", info.keywordsFound());
        classification.put("method", info.method());
        return classification;
    }

    static HistoryEvent event(
            ClassificationInfo info,
            Actor actor,
            Instant at,
            boolean applied,
            Map<String, HistoryEvent.Change> changes) {
        var classification = decision(info);
        classification.put("applied", applied);
        return new HistoryEvent(at, actor, "classified", changes, classification);
    }
}
