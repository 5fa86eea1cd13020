package org.supportdesk.conversation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.supportdesk.system.InvalidRequest;
import org.supportdesk.system.Problem;
import org.supportdesk.system.StorableText;
import tools.jackson.databind.JsonNode;

/**
 * The fields of a new comment (a JSON body, or the text fields of a multipart one) and of an edit,
 * every problem reported at once as for tickets: the body is plain text of 1 to 65,536 characters
 * with something besides white space, stored exactly as sent (never trimmed, never read as HTML);
 * visibility `public` (default) or `internal`; author type `agent` (default) or `customer`, whose
 * comments are always public.
 */
record CommentInput(String body, Visibility visibility, AuthorType authorType) {

    static final int MAX_CHARACTERS = 65_536;
    static final Set<String> FIELDS = Set.of("body", "visibility", "author_type");

    boolean byCustomer() {
        return authorType == AuthorType.CUSTOMER;
    }

    boolean isPublic() {
        return visibility == Visibility.PUBLIC;
    }

    /** A JSON body. */
    static CommentInput fromJson(JsonNode json) {
        var problems = new ArrayList<Problem>();
        return of(textFields(json, FIELDS, problems), problems);
    }

    /** The text fields of a multipart body, read already; {@code problems} may hold some. */
    static CommentInput of(Map<String, String> fields, List<Problem> problems) {
        String body = body(fields, problems);
        Visibility visibility = Visibility.PUBLIC;
        if (fields.get("visibility") != null) {
            visibility = Visibility.parse(fields.get("visibility"));
            if (visibility == null) {
                problems.add(Problem.body("Input should be 'public' or 'internal'", "enum", "visibility"));
            }
        }
        AuthorType author = AuthorType.AGENT;
        if (fields.get("author_type") != null) {
            author = AuthorType.parse(fields.get("author_type"));
            if (author == null) {
                problems.add(Problem.body("Input should be 'agent' or 'customer'", "enum", "author_type"));
            }
        }
        if (author == AuthorType.CUSTOMER && visibility == Visibility.INTERNAL) {
            problems.add(Problem.body(
                    "A customer's comment is always public; internal notes are the team's",
                    "value_error",
                    "visibility"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequest(problems);
        }
        return new CommentInput(body, visibility, author);
    }

    /** The new text of an edit: `{"body": "..."}`, the only field that can be edited. */
    static String editedBody(JsonNode json) {
        var problems = new ArrayList<Problem>();
        String body = body(textFields(json, Set.of("body"), problems), problems);
        if (!problems.isEmpty()) {
            throw new InvalidRequest(problems);
        }
        return body;
    }

    private static String body(Map<String, String> fields, List<Problem> problems) {
        String body = fields.get("body");
        if (body == null) {
            if (!fields.containsKey("body")) {
                problems.add(Problem.body("Field required", "missing", "body"));
            }
            return null;
        }
        Problem unstorable = StorableText.check(body, "body");
        if (unstorable != null) {
            problems.add(unstorable);
        } else if (body.isBlank()) {
            problems.add(Problem.body(
                    "String should have at least 1 character besides white space", "string_too_short", "body"));
        } else if (body.codePointCount(0, body.length()) > MAX_CHARACTERS) {
            problems.add(Problem.body(
                    "String should have at most " + MAX_CHARACTERS + " characters", "string_too_long", "body"));
        }
        return body;
    }

    /**
     * The string fields of a JSON object among {@code allowed}; a field of another type is a
     * problem (and present, as null), an unknown one too.
     */
    private static Map<String, String> textFields(JsonNode json, Set<String> allowed, List<Problem> problems) {
        if (json == null || json.isMissingNode() || json.isNull()) {
            throw new InvalidRequest(new Problem(List.of("body"), "Field required", "missing"));
        }
        if (!json.isObject()) {
            throw new InvalidRequest(new Problem(
                    List.of("body"),
                    "Input should be a valid dictionary or object to extract fields from",
                    "model_attributes_type"));
        }
        var fields = new java.util.HashMap<String, String>();
        for (String name : json.propertyNames()) {
            JsonNode value = json.get(name);
            if (!allowed.contains(name)) {
                problems.add(Problem.body("Extra inputs are not permitted", "extra_forbidden", name));
            } else if (value.isString()) {
                fields.put(name, value.asString());
            } else {
                problems.add(Problem.body("Input should be a valid string", "string_type", name));
                fields.put(name, null);
            }
        }
        return fields;
    }
}
