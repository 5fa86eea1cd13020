package org.supportdesk.classification;

/**
 * The model's predictions for both fields of one ticket; a field the model has no examples for is {@code null}.
 */
public record TicketPrediction(Prediction category, Prediction priority) {

    public Prediction get(Field field) {
        return field == Field.CATEGORY ? category : priority;
    }
}
