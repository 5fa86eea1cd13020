package org.supportdesk.tickets;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;

/**
 * A ticket found by a search: the ticket as the API shows it, with a short {@code highlight} of
 * where the words matched (HTML-escaped text, matched words in {@code <mark>}, see {@link
 * Highlight}) and, in relevance order, its {@code score} (higher is better; comparable within one
 * search only).
 */
record Hit(
        @JsonUnwrapped Ticket ticket,
        @JsonInclude(JsonInclude.Include.NON_NULL) String highlight,
        @JsonInclude(JsonInclude.Include.NON_NULL) Double score) {

    Hit withHighlight(String text) {
        return new Hit(ticket, text, score);
    }
}
