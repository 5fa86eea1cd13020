package org.supportdesk.web;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.supportdesk.system.InvalidRequest;
import org.supportdesk.system.Problem;

/** Form helpers: the API's validation problems as messages beside the form's fields. */
final class Forms {

    private Forms() {}

    /**
     * Each problem under its field ("customer_email", "metadata.source", "tags"); a problem of the
     * whole body under "". Messages of one field are joined.
     */
    static Map<String, String> errors(InvalidRequest e) {
        var errors = new LinkedHashMap<String, String>();
        for (Problem p : e.problems()) {
            String field = p.loc().stream()
                    .skip(p.loc().isEmpty() ? 0 : 1)
                    .filter(part -> !(part instanceof Integer))
                    .map(String::valueOf)
                    .collect(Collectors.joining("."));
            errors.merge(field, p.msg(), (a, b) -> a + "; " + b);
        }
        return errors;
    }

    /** Tags typed as "a, b, c". */
    static List<String> tags(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return Arrays.stream(text.split(","))
                .map(String::trim)
                .filter(t -> !t.isEmpty())
                .toList();
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
