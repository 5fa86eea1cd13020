package org.supportdesk.classification;

/**
 * A ticket with the labels a person gave it: what the model learns from. A label the person did not set is {@code
 * null}, so one ticket can teach the category but not the priority (a person corrected only the category).
 *
 * @param category one of {@link Field#CATEGORY}'s labels, or {@code null}
 * @param priority one of {@link Field#PRIORITY}'s labels, or {@code null}
 */
public record Example(String subject, String description, String category, String priority) {

    public Example {
        subject = subject == null ? "" : subject;
        description = description == null ? "" : description;
        if (category != null && !Field.CATEGORY.labels().contains(category)) {
            throw new IllegalArgumentException("unknown category \"" + category + "\"");
        }
        if (priority != null && !Field.PRIORITY.labels().contains(priority)) {
            throw new IllegalArgumentException("unknown priority \"" + priority + "\"");
        }
    }

    /** This example's label for the field, {@code null} when a person did not set it. */
    public String label(Field field) {
        return field == Field.CATEGORY ? category : priority;
    }
}
