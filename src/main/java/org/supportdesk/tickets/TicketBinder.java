package org.supportdesk.tickets;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.hibernate.validator.constraints.CodePointLength;
import org.springframework.stereotype.Component;
import org.supportdesk.system.InvalidRequest;
import org.supportdesk.system.Problem;
import tools.jackson.databind.JsonNode;

/**
 * Turns a JSON body into a {@link TicketInput}, reporting every problem at once: unknown fields,
 * wrong types, values outside an enum and text that cannot be stored as sent through {@link
 * JsonFields}, the constraints of TicketInput through Bean Validation. The request bodies, PUT,
 * PATCH and every imported record (through TicketImports) go through this one class.
 */
@Component
class TicketBinder {

    private final Validator validator;
    private final Clock clock;

    TicketBinder(Validator validator, Clock clock) {
        this.validator = validator;
        this.clock = clock;
    }

    /** A create or a PUT: read-only fields are ignored. */
    TicketInput bindNew(JsonNode body) {
        return bind(body, false).input();
    }

    /** An imported record: its read-only fields are kept (ImportedFields). */
    Imported bindImported(JsonNode body) {
        return bind(body, true);
    }

    record Imported(TicketInput input, ImportedFields fields) {}

    private Imported bind(JsonNode body, boolean imported) {
        var problems = new ArrayList<Problem>();
        requireObject(body, problems);
        var reader = new JsonFields(body, problems);
        reader.refuseUnknown(imported ? ImportedFields.ONLY_IMPORTS : Set.of());
        for (String field : JsonFields.REQUIRED) {
            if (!body.has(field)) {
                problems.add(Problem.body("Field required", "missing", field));
            }
        }
        var input = new TicketInput(
                reader.string("customer_id", true),
                reader.string("customer_email", true),
                reader.string("customer_name", true),
                reader.string("subject", true),
                reader.string("description", true),
                reader.label("category", Category.values(), false),
                reader.label("priority", Priority.values(), false),
                reader.label("status", Status.values(), false),
                reader.tags(false),
                reader.string("assigned_to", false),
                reader.metadata(Metadata.DEFAULT));
        problems.addAll(violations(input));
        ImportedFields fields =
                imported ? ImportedFields.read(body, input, problems, clock.instant()) : ImportedFields.NONE;
        if (!problems.isEmpty()) {
            throw new InvalidRequest(problems);
        }
        return new Imported(input, fields);
    }

    /**
     * A PATCH applied to the ticket's current fields. Only the fields present change; null clears
     * a nullable field and is refused for a required one.
     *
     * @return the fields after the patch, and the names of the fields the body touched
     */
    Patched bindPatch(JsonNode body, TicketInput current) {
        var problems = new ArrayList<Problem>();
        requireObject(body, problems);
        var reader = new JsonFields(body, problems);
        reader.refuseUnknown();
        var touched = new LinkedHashSet<String>();
        body.properties().forEach(e -> {
            if (JsonFields.WRITABLE.contains(e.getKey())) {
                touched.add(e.getKey());
            }
        });
        var merged = new TicketInput(
                touched.contains("customer_id") ? reader.string("customer_id", true) : current.customerId(),
                touched.contains("customer_email") ? reader.string("customer_email", true) : current.customerEmail(),
                touched.contains("customer_name") ? reader.string("customer_name", true) : current.customerName(),
                touched.contains("subject") ? reader.string("subject", true) : current.subject(),
                touched.contains("description") ? reader.string("description", true) : current.description(),
                touched.contains("category") ? reader.label("category", Category.values(), true) : current.category(),
                touched.contains("priority") ? reader.label("priority", Priority.values(), true) : current.priority(),
                touched.contains("status") ? reader.label("status", Status.values(), true) : current.status(),
                touched.contains("tags") ? reader.tags(true) : current.tags(),
                touched.contains("assigned_to") ? reader.string("assigned_to", false) : current.assignedTo(),
                touched.contains("metadata") ? reader.metadata(current.metadata()) : current.metadata());
        problems.addAll(violations(merged));
        if (!problems.isEmpty()) {
            throw new InvalidRequest(problems);
        }
        return new Patched(merged, touched);
    }

    record Patched(TicketInput input, Set<String> touched) {}

    private static void requireObject(JsonNode body, List<Problem> problems) {
        if (body == null || body.isMissingNode() || body.isNull()) {
            throw new InvalidRequest(new Problem(List.of("body"), "Field required", "missing"));
        }
        if (!body.isObject()) {
            throw new InvalidRequest(new Problem(
                    List.of("body"),
                    "Input should be a valid dictionary or object to extract fields from",
                    "model_attributes_type"));
        }
    }

    private List<Problem> violations(TicketInput input) {
        Set<ConstraintViolation<TicketInput>> violations = validator.validate(input);
        var problems = new ArrayList<Problem>(violations.size());
        for (var v : violations) {
            problems.add(toProblem(v));
        }
        // Bean Validation reports in no fixed order; clients and tests want a stable one.
        problems.sort(java.util.Comparator.comparing(p -> p.loc().toString()));
        return problems;
    }

    private static Problem toProblem(ConstraintViolation<?> v) {
        var loc = new ArrayList<Object>();
        loc.add("body");
        for (Path.Node node : v.getPropertyPath()) {
            if (node.getIndex() != null) {
                loc.add(node.getIndex());
            }
            if (node.getName() != null && !node.getName().startsWith("<")) {
                loc.add(snakeCase(node.getName()));
            }
        }
        var annotation = v.getConstraintDescriptor().getAnnotation();
        if (annotation instanceof Size size) {
            // On a collection only: texts are measured by @CodePointLength.
            int count = ((Collection<?>) v.getInvalidValue()).size();
            return count < size.min()
                    ? new Problem(List.copyOf(loc), "List should have at least " + size.min() + " items", "too_short")
                    : new Problem(
                            List.copyOf(loc),
                            "List should have at most " + size.max() + (size.max() == 1 ? " item" : " items"),
                            "too_long");
        }
        if (annotation instanceof CodePointLength length) {
            String text = (String) v.getInvalidValue();
            return text.codePointCount(0, text.length()) < length.min()
                    ? new Problem(
                            List.copyOf(loc),
                            "String should have at least " + length.min()
                                    + (length.min() == 1 ? " character" : " characters"),
                            "string_too_short")
                    : new Problem(
                            List.copyOf(loc),
                            "String should have at most " + length.max() + " characters",
                            "string_too_long");
        }
        return new Problem(List.copyOf(loc), v.getMessage(), "value_error");
    }

    static String snakeCase(String camel) {
        var out = new StringBuilder(camel.length() + 4);
        for (char c : camel.toCharArray()) {
            if (Character.isUpperCase(c)) {
                out.append('_').append(Character.toLowerCase(c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
