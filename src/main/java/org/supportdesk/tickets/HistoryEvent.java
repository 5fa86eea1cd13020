package org.supportdesk.tickets;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.supportdesk.system.Actor;

/**
 * One entry of a ticket's history: who did what, when, and each field's old and new value. The
 * actor is an API key's name, with the key's id in `actor_id` (absent while authentication is off).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record HistoryEvent(
        Instant at,
        String actor,
        UUID actorId,
        String action,
        Map<String, Change> changes,
        Map<String, Object> classification) {

    public HistoryEvent(
            Instant at, Actor actor, String action, Map<String, Change> changes, Map<String, Object> classification) {
        this(at, actor.name(), actor.id(), action, changes, classification);
    }

    public record Change(
            Object old,

            @com.fasterxml.jackson.annotation.JsonProperty("new")
            Object newValue) {}
}
