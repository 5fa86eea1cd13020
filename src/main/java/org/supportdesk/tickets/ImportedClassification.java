package org.supportdesk.tickets;

import java.util.ArrayList;
import java.util.List;
import org.supportdesk.system.Problem;
import org.supportdesk.system.StorableText;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The last classification an imported record may give (ImportedFields): an object as the API shows
 * it, or its JSON as text in one CSV cell, each value checked as a ticket's, each problem at
 * ["classification", field].
 */
final class ImportedClassification {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JsonNode body;
    private final List<Problem> problems;

    private ImportedClassification(JsonNode body, List<Problem> problems) {
        this.body = body;
        this.problems = problems;
    }

    /** The record's classification; null when it has none, or after problems when it is bad. */
    static ClassificationInfo read(JsonNode record, List<Problem> problems) {
        JsonNode node = record.get("classification");
        if (node != null && node.isString()) {
            // CSV holds the object as JSON text in one cell.
            try {
                node = JSON.readTree(node.asString());
            } catch (JacksonException e) {
                problems.add(Problem.body("Input should be a JSON object", "dict_type", "classification"));
                return null;
            }
        }
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isObject()) {
            problems.add(Problem.body("Input should be a valid dictionary", "dict_type", "classification"));
            return null;
        }
        int before = problems.size();
        var in = new ImportedClassification(node, problems);
        var info = new ClassificationInfo(
                in.label("category", Category.values()),
                in.label("priority", Priority.values()),
                in.confidence(),
                in.storable(in.text("reasoning"), "reasoning"),
                in.keywords(),
                in.storable(in.text("method"), "method"),
                ImportedFields.instant(node.get("classified_at"), problems, "classification", "classified_at"));
        return problems.size() == before ? info : null;
    }

    private <E extends Enum<E> & Labelled> E label(String field, E[] values) {
        E value = Labelled.parse(values, String.valueOf(text(field)));
        if (value == null) {
            problems.add(Problem.body(Labelled.expectation(values), "enum", "classification", field));
        }
        return value;
    }

    /**
     * The confidence, parsed from the number's text in every format: Jackson's asDouble()
     * throws on a JSON number beyond a double's range, while parsing gives infinity, which is
     * out of range like any other.
     */
    private double confidence() {
        try {
            double c = Double.parseDouble(String.valueOf(text("confidence")));
            if (c >= 0 && c <= 1) {
                return c;
            }
        } catch (NumberFormatException reported) {
            // below
        }
        problems.add(
                Problem.body("Input should be a number from 0 to 1", "float_parsing", "classification", "confidence"));
        return 0;
    }

    private List<String> keywords() {
        JsonNode node = body.get("keywords_found");
        var keywords = new ArrayList<String>();
        if (node == null || node.isNull()) {
            return keywords;
        }
        if (!node.isArray()) {
            problems.add(Problem.body("Input should be a valid list", "list_type", "classification", "keywords_found"));
            return keywords;
        }
        int i = 0;
        for (JsonNode k : node) {
            keywords.add(storable(k.isString() ? k.asString() : k.toString(), "keywords_found", i++));
        }
        return keywords;
    }

    /**
     * The text as given, after a problem where it holds what the databases cannot store as sent
     * (NUL, a lone surrogate), as in every other field of a ticket.
     */
    private String storable(String text, Object... field) {
        if (text != null) {
            var loc = new ArrayList<Object>(List.of("classification"));
            loc.addAll(List.of(field));
            Problem problem = StorableText.check(text, loc.toArray());
            if (problem != null) {
                problems.add(problem);
            }
        }
        return text;
    }

    private String text(String field) {
        return ImportedFields.text(body, field);
    }
}
