package org.supportdesk.tickets;

import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.supportdesk.classification.Classification;
import org.supportdesk.classification.Classifier;
import org.supportdesk.system.Actor;
import org.supportdesk.system.SupportdeskProperties;

/**
 * Where tickets meet the classifier: decides category and priority where a person left them open
 * (or everywhere, when asked), and records who decided.
 */
@Component
class Triage {

    private static final Logger log = LoggerFactory.getLogger(Triage.class);

    private final Classifier classifier;
    private final MeterRegistry meters;

    Triage(SupportdeskProperties properties, MeterRegistry meters) {
        this.classifier = load(properties.classifierRules());
        this.meters = meters;
    }

    /** The shipped rules, or the operator's file; a malformed file stops the start with its reason. */
    static Classifier load(Path rules) {
        if (rules == null) {
            return Classifier.withDefaultRules();
        }
        try (Reader reader = Files.newBufferedReader(rules, StandardCharsets.UTF_8)) {
            Classifier classifier = Classifier.fromRules(reader);
            log.info("Classification rules loaded from {}", rules.toAbsolutePath());
            return classifier;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the classification rules " + rules.toAbsolutePath(), e);
        }
    }

    record Decision(
            Category category, Origin categoryBy, Priority priority, Origin priorityBy, ClassificationInfo info) {}

    ClassificationInfo classify(String subject, String description, Instant at) {
        Classification c = classifier.classify(subject, description);
        meters.counter(
                        "supportdesk.classifier.decisions",
                        "method",
                        "rules",
                        "category",
                        c.category(),
                        "priority",
                        c.priority())
                .increment();
        return new ClassificationInfo(
                Category.parse(c.category()),
                Priority.parse(c.priority()),
                c.confidence(),
                c.reasoning(),
                c.keywordsFound(),
                "rules",
                at);
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
