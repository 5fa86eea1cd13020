package org.supportdesk.learning;

import java.time.Duration;
import java.time.Instant;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The settings of the team's model, {@code supportdesk.classifier.*}; the README lists them with
 * their environment variables.
 *
 * @param model {@code off} keeps the rules alone, exactly as without a model: nothing is trained,
 *     loaded or polled
 * @param minExamples the model decides a field only once it learned it from this many examples
 * @param retrainAfter a training starts by itself once this many tickets with a person's category
 *     or priority arrived or changed since the last model; 0 never starts one
 * @param retrainInterval a training starts by itself no sooner than this after the model in use
 *     was trained, unless as many new examples arrived as that model learned from (the first one,
 *     with no model yet, at once): a stream of labelled tickets, such as an integration posting
 *     thousands, would otherwise keep one core training back to back
 * @param pollInterval how often each instance looks for a newer model and counts new examples
 * @param maxExamples the newest examples a training reads at most: bounds its memory and time
 */
@ConfigurationProperties("supportdesk.classifier")
record ModelSettings(
        @DefaultValue("on") boolean model,
        @DefaultValue("100") int minExamples,
        @DefaultValue("200") int retrainAfter,
        @DefaultValue("10m") Duration retrainInterval,
        @DefaultValue("5s") Duration pollInterval,
        @DefaultValue("100000") int maxExamples) {

    ModelSettings {
        if (minExamples < 1) {
            throw new IllegalArgumentException("supportdesk.classifier.min-examples must be at least 1");
        }
        if (retrainAfter < 0) {
            throw new IllegalArgumentException("supportdesk.classifier.retrain-after must be 0 (never) or more");
        }
        if (retrainInterval.isNegative()) {
            throw new IllegalArgumentException("supportdesk.classifier.retrain-interval must not be negative");
        }
        if (pollInterval.toMillis() < 10) {
            throw new IllegalArgumentException("supportdesk.classifier.poll-interval must be at least 10ms");
        }
        if (maxExamples < 10) {
            throw new IllegalArgumentException("supportdesk.classifier.max-examples must be at least 10");
        }
    }

    /**
     * Whether a training may start by itself now, given the model in use (trained at {@code trainedAt}, null when
     * there is none, from {@code modelExamples}) and the examples that arrived since: no model yet, the interval has
     * passed, or the new examples are as many as the model learned from. A model that would learn from twice the
     * examples is worth not waiting for (a large history imported while the first model trained on its start); one
     * that would learn from a few more is not worth a core.
     */
    boolean mayRetrain(Instant now, Instant trainedAt, long modelExamples, long newExamples) {
        return trainedAt == null || !now.isBefore(retrainNotBefore(trainedAt)) || newExamples >= modelExamples;
    }

    /** When a training may start by itself after a model trained at {@code trainedAt} (null: none yet), whatever arrives. */
    Instant retrainNotBefore(Instant trainedAt) {
        return trainedAt == null ? null : trainedAt.plus(retrainInterval);
    }

    /** A running job whose instance has not said it is alive for this long is taken as abandoned. */
    Duration abandonedAfter() {
        Duration twelvePolls = pollInterval.multipliedBy(12);
        return twelvePolls.compareTo(Duration.ofMinutes(1)) > 0 ? twelvePolls : Duration.ofMinutes(1);
    }
}
