package org.supportdesk.learning;

import java.time.Instant;

/**
 * A training of the model, as {@code GET /classification/model/jobs/{id}} shows it.
 *
 * @param state {@code queued}, {@code running}, {@code succeeded} or {@code failed}
 * @param reason {@code requested} (POST /classification/model/train) or {@code new_examples}
 *     (started by itself)
 * @param requestedBy the key that asked for it; null when it started by itself
 * @param examples how many examples it read (once running is over)
 * @param modelVersion the version of the model it made (succeeded)
 * @param error why it failed (failed); the previous model stays in use
 */
record TrainingJob(
        String id,
        String state,
        String reason,
        String requestedBy,
        Instant createdAt,
        Instant finishedAt,
        Integer examples,
        Integer modelVersion,
        String error) {

    static final String QUEUED = "queued";
    static final String RUNNING = "running";
    static final String SUCCEEDED = "succeeded";
    static final String FAILED = "failed";

    static final String REQUESTED = "requested";
    static final String NEW_EXAMPLES = "new_examples";

    boolean finished() {
        return SUCCEEDED.equals(state) || FAILED.equals(state);
    }
}
