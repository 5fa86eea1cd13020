package org.supportdesk.classification;

import java.util.List;

/**
 * The model's choice for one field of one ticket.
 *
 * @param label the most probable label
 * @param probability the model's probability of that label, between 0 and 1
 * @param topWords the words and word pairs of the ticket that pushed most towards the label, strongest first (at most
 *     three; empty when nothing in the text did and the label comes from the model's prior alone)
 */
public record Prediction(String label, double probability, List<String> topWords) {

    public Prediction {
        topWords = List.copyOf(topWords);
    }
}
