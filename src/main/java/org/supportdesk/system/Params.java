package org.supportdesk.system;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** Path and query values parsed the way FastAPI does, with its 422 shapes. */
public final class Params {

    private Params() {}

    public static UUID id(String value) {
        return id("id", value);
    }

    /** A UUID in the path parameter {@code name} (e.g. `comment_id`). */
    public static UUID id(String name, String value) {
        try {
            if (value.length() == 36) {
                return UUID.fromString(value);
            }
        } catch (IllegalArgumentException ignored) {
            // reported below
        }
        throw new InvalidRequest(new Problem(List.of("path", name), "Input should be a valid UUID", "uuid_parsing"));
    }

    /**
     * The query parameter {@code name} as an integer: out of [min, max] it is still returned, with
     * its problem added; not a number, {@code otherwise} is, with its problem.
     */
    public static int integer(String name, String value, int min, int max, int otherwise, List<Problem> problems) {
        try {
            int n = Integer.parseInt(value.strip());
            if (n < min || n > max) {
                problems.add(Problem.query(
                        name,
                        "Input should be between " + min + " and " + max,
                        n < min ? "greater_than_equal" : "less_than_equal"));
            }
            return n;
        } catch (NumberFormatException e) {
            problems.add(Problem.query(name, "Input should be a valid integer", "int_parsing"));
            return otherwise;
        }
    }

    public static boolean bool(String name, String value) {
        if (value == null || value.isEmpty()) {
            return false;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes", "on" -> true;
            case "false", "0", "no", "off" -> false;
            default ->
                throw new InvalidRequest(Problem.query(
                        name, "Input should be a valid boolean, unable to interpret input", "bool_parsing"));
        };
    }
}
