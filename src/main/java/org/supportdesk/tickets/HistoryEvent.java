package org.supportdesk.tickets;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.supportdesk.system.Actor;

/**
 * One entry of a ticket's history: who did what, when, and each field's old and new value. The
 * actor is an API key's name, with the key's id in `actor_id` (absent while authentication is off).
 * Events about a comment carry `comment` (its id, visibility, author type), merges carry `merge`
 * (the ticket merged into, or the tickets merged in), classifications `classification`.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record HistoryEvent(
        Instant at,
        String actor,
        UUID actorId,
        String action,
        Map<String, Change> changes,
        Map<String, Object> classification,
        Map<String, Object> comment,
        Map<String, Object> merge,
        @JsonIgnore UUID commentId) {

    public HistoryEvent(
            Instant at, Actor actor, String action, Map<String, Change> changes, Map<String, Object> classification) {
        this(at, actor.name(), actor.id(), action, changes, classification, null, null, null);
    }

    /** An event about comment {@code commentId}, described by {@code comment}. */
    static HistoryEvent ofComment(
            Instant at,
            Actor actor,
            String action,
            Map<String, Change> changes,
            UUID commentId,
            Map<String, Object> comment) {
        return new HistoryEvent(at, actor.name(), actor.id(), action, changes, null, comment, null, commentId);
    }

    /** An event of a merge, described by {@code merge}. */
    static HistoryEvent ofMerge(Instant at, Actor actor, Map<String, Change> changes, Map<String, Object> merge) {
        return new HistoryEvent(at, actor.name(), actor.id(), "merged", changes, null, null, merge, null);
    }

    public record Change(
            Object old,

            @com.fasterxml.jackson.annotation.JsonProperty("new")
            Object newValue) {}
}
