package org.supportdesk.tickets;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.supportdesk.system.Params;
import org.supportdesk.system.Problem;
import tools.jackson.databind.JsonNode;

/**
 * What an imported record may give beyond a request body, so that an export imported into an
 * empty service gives the same tickets (docs/IMPORT-FORMATS.md): the id, the times, the version,
 * the last classification and who set category and priority. A request body's read-only fields are
 * ignored; an import's are kept. CSV and XML give every value as text, so numbers may be text here,
 * and the classification may be its JSON as text (CSV). Each field left out gets what a new ticket
 * gets.
 */
record ImportedFields(
        UUID id,
        Instant createdAt,
        Instant updatedAt,
        Instant resolvedAt,
        Integer version,
        ClassificationInfo classification,
        Origin categoryBy,
        Origin priorityBy) {

    /** The keys only an import may give (the others are ignored read-only fields of a body). */
    static final Set<String> ONLY_IMPORTS = Set.of("category_by", "priority_by");

    static final ImportedFields NONE = new ImportedFields(null, null, null, null, null, null, null, null);

    /**
     * How far past the present an imported time may be: a day covers the clocks of two servers
     * that disagree. Later ones would hold up what follows the newest change (the model's
     * retraining watermark is the newest updated_at) and would put SLA due times past year 9999.
     */
    static final Duration FUTURE_ALLOWED = Duration.ofDays(1);

    /**
     * The highest version an import may give: a ticket's next edits add one each, and a version
     * at the top of the column's range would wrap to a negative one at the next edit.
     */
    static final int MAX_VERSION = 1_000_000_000;

    static ImportedFields read(JsonNode body, TicketInput input, List<Problem> problems, Instant now) {
        var fields = new Reader(body, problems);
        UUID id = fields.id();
        Instant latest = now.plus(FUTURE_ALLOWED);
        Instant created = fields.notLater("created_at", latest);
        Instant updated = fields.notLater("updated_at", latest);
        Instant resolved = fields.notLater("resolved_at", latest);
        if (created != null && updated != null && updated.isBefore(created)) {
            problems.add(Problem.body("updated_at is before created_at", "value_error", "updated_at"));
        }
        if (resolved != null && !TicketService.isDone(input.status())) {
            problems.add(Problem.body(
                    "Only a resolved or closed ticket has a resolved_at (status is "
                            + input.status().value() + ")",
                    "value_error",
                    "resolved_at"));
        }
        if (resolved != null && created != null && resolved.isBefore(created)) {
            problems.add(Problem.body("resolved_at is before created_at", "value_error", "resolved_at"));
        }
        return new ImportedFields(
                id,
                created,
                updated,
                resolved,
                fields.version(),
                ImportedClassification.read(body, problems),
                fields.origin("category_by", input.category() != null),
                fields.origin("priority_by", input.priority() != null));
    }

    /** Reads the fields of one record, each problem with its place. */
    private record Reader(JsonNode body, List<Problem> problems) {

        UUID id() {
            String text = text("id");
            if (text == null) {
                return null;
            }
            UUID id = Params.uuid(text);
            if (id != null) {
                return id;
            }
            problems.add(Problem.body("Input should be a valid UUID", "uuid_parsing", "id"));
            return null;
        }

        Instant notLater(String field, Instant latest) {
            Instant value = instant(body.get(field), problems, field);
            if (value != null && value.isAfter(latest)) {
                problems.add(Problem.body("Input should not be more than a day in the future", "value_error", field));
                return null;
            }
            return value;
        }

        /**
         * The version, read from the number's text in every format: Jackson's asLong() throws on a
         * JSON integer beyond 64 bits, and CSV and XML give text anyway. Digits past ten are out of
         * range without being parsed (a CSV cell may hold a million).
         */
        Integer version() {
            JsonNode node = body.get("version");
            if (node == null || node.isNull()) {
                return null;
            }
            String text = node.isIntegralNumber()
                    ? node.toString()
                    : node.isString() ? node.asString().strip() : "";
            if (!text.matches("[+-]?[0-9]+")) {
                return versionProblem("Input should be a valid integer", "int_parsing");
            }
            String digits = text.replaceFirst("^[+-]?0*", "");
            if (text.startsWith("-") || digits.isEmpty()) {
                return versionProblem("Input should be greater than or equal to 1", "greater_than_equal");
            }
            if (digits.length() > 10 || Long.parseLong(digits) > MAX_VERSION) {
                return versionProblem("Input should be less than or equal to " + MAX_VERSION, "less_than_equal");
            }
            return Integer.parseInt(digits);
        }

        private Integer versionProblem(String message, String type) {
            problems.add(Problem.body(message, type, "version"));
            return null;
        }

        Origin origin(String field, boolean valueGiven) {
            String text = text(field);
            if (text == null) {
                return null;
            }
            if (!text.equals("person") && !text.equals("classifier")) {
                problems.add(Problem.body("Input should be 'person' or 'classifier'", "enum", field));
            } else if (!valueGiven) {
                String of = field.substring(0, field.indexOf('_'));
                problems.add(Problem.body("Given without a " + of + ": who set what?", "value_error", field));
            }
            return Origin.parse(text);
        }

        private String text(String field) {
            return ImportedFields.text(body, field);
        }
    }

    /** The field's value as text, stripped (a number or an object as its JSON); null when absent or null. */
    static String text(JsonNode record, String field) {
        JsonNode node = record.get(field);
        return node == null || node.isNull()
                ? null
                : node.isString() ? node.asString().strip() : node.toString();
    }

    /** A time as the list filters read one; null when absent, null or empty, after a problem at {@code loc} when bad. */
    static Instant instant(JsonNode node, List<Problem> problems, Object... loc) {
        String text = node == null || node.isNull()
                ? null
                : node.isString() ? node.asString().strip() : "";
        if (text == null || text.isEmpty() && node.isString()) {
            return null;
        }
        try {
            return QueryValues.instant(text);
        } catch (IllegalArgumentException e) {
            problems.add(Problem.body(e.getMessage(), "datetime_parsing", loc));
            return null;
        }
    }
}
