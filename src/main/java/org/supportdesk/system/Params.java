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
        UUID id = uuid(value);
        if (id == null) {
            throw new InvalidRequest(
                    new Problem(List.of("path", name), "Input should be a valid UUID", "uuid_parsing"));
        }
        return id;
    }

    /**
     * The UUID written as 8-4-4-4-12 hexadecimal digits (either case), or null for anything else.
     * Not {@code UUID.fromString} alone: it reads each group as a number, so it also takes a sign
     * (`…-89ae-+462073ec424`) and other scripts' digits (`０`), and such a text named an existing
     * ticket, or was imported under an id other than the one the file gave.
     */
    public static UUID uuid(String text) {
        if (text == null || text.length() != 36) {
            return null;
        }
        for (int i = 0; i < 36; i++) {
            char c = text.charAt(i);
            boolean ok = i == 8 || i == 13 || i == 18 || i == 23
                    ? c == '-'
                    : (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
            if (!ok) {
                return null;
            }
        }
        return UUID.fromString(text);
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
