package org.supportdesk.tickets;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.Map;

/** One entry of a ticket's history: who did what, when, and each field's old and new value. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record HistoryEvent(
        Instant at, String actor, String action, Map<String, Change> changes, Map<String, Object> classification) {

    public record Change(
            Object old,

            @com.fasterxml.jackson.annotation.JsonProperty("new")
            Object newValue) {}
}
