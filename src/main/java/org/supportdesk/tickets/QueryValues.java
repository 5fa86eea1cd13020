package org.supportdesk.tickets;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.supportdesk.search.QuerySyntaxException;
import org.supportdesk.search.SearchQuery;
import org.supportdesk.system.InvalidRequest;
import org.supportdesk.system.Params;
import org.supportdesk.system.Problem;

/**
 * The query string of one request, read the way FastAPI reads query parameters: each problem is
 * collected as a 422 on ["query", name], so that a request hears of all of them at once. Reading a
 * parameter also declares it: {@link #declared} runs the same reads over no request to list the
 * parameters for the OpenAPI description, so names and kinds are written once, where they are read.
 */
final class QueryValues {

    /** A parameter as the OpenAPI description shows it: its type ("string" or "integer") and allowed values. */
    record Declared(String name, String type, List<String> allowed) {}

    // Years 1 to 9999, as Python's datetime (the seed's) and as the API writes timestamps; also
    // keeps epoch milliseconds far from overflowing a long.
    private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    // The last instant of the year 9999, to the nanosecond: RFC 3339 allows any number of digits.
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999999Z");

    private final UnaryOperator<String> values;
    // Who asks, for `assignee:me` in a search; null when unknown (declaring, tests).
    private final String caller;
    private final List<Problem> problems = new ArrayList<>();
    // Only while declaring: a request's reads record nothing.
    private final Map<String, Declared> declared;

    QueryValues(UnaryOperator<String> values) {
        this(values, null, null);
    }

    QueryValues(UnaryOperator<String> values, String caller) {
        this(values, caller, null);
    }

    private QueryValues(UnaryOperator<String> values, String caller, Map<String, Declared> declared) {
        this.values = values;
        this.caller = caller;
        this.declared = declared;
    }

    /** The parameters that {@code reads} reads, in order. */
    static List<Declared> declared(Consumer<QueryValues> reads) {
        var none = new QueryValues(name -> null, null, new LinkedHashMap<>());
        reads.accept(none);
        return List.copyOf(none.declared.values());
    }

    List<Problem> problems() {
        return problems;
    }

    String caller() {
        return caller;
    }

    void problem(String name, String msg, String type) {
        problems.add(Problem.query(name, msg, type));
    }

    /** Trimmed; absent, empty or blank is null. */
    String text(String name) {
        String value = get(name, "string", null);
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** As given, or null when absent or empty. */
    String raw(String name) {
        String value = get(name, "string", null);
        return value == null || value.isEmpty() ? null : value;
    }

    /** One of the labels of {@code values}, or null when absent or empty. */
    <E extends Enum<E> & Labelled> E label(String name, E[] values) {
        String value = get(name, "string", values);
        if (value == null || value.isEmpty()) {
            return null;
        }
        E parsed = Labelled.parse(values, value);
        if (parsed == null) {
            problem(name, Labelled.expectation(values), "enum");
        }
        return parsed;
    }

    /** An integer from {@code min} to {@code max}; {@code otherwise} when absent (empty is a problem). */
    int integer(String name, int min, int max, int otherwise) {
        String value = get(name, "integer", null);
        if (value == null) {
            return otherwise;
        }
        return Params.integer(name, value, min, max, otherwise, problems);
    }

    /** A boolean as FastAPI reads one (`true`, `1`, `yes`, `on` and their opposites); false when absent. */
    boolean flag(String name) {
        String value = get(name, "boolean", null);
        try {
            return Params.bool(name, value);
        } catch (InvalidRequest e) {
            problem(name, "Input should be a valid boolean, unable to interpret input", "bool_parsing");
            return false;
        }
    }

    /** RFC 3339 with an offset (`2026-11-25T10:00:00Z`), or a plain date meaning its start in UTC. */
    Instant timestamp(String name) {
        String value = get(name, "string", null);
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            return instant(value);
        } catch (IllegalArgumentException e) {
            problem(name, e.getMessage(), "datetime_parsing");
            return null;
        }
    }

    static final String DATETIME_EXPECTED =
            "Input should be a valid datetime (RFC 3339, e.g. 2026-11-25T10:00:00Z) or date";

    /**
     * A timestamp as {@link #timestamp} reads it.
     *
     * @throws IllegalArgumentException saying what is wrong, in the words of a 422
     */
    static Instant instant(String value) {
        Instant instant;
        try {
            instant = OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException notDateTime) {
            try {
                instant = LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
            } catch (DateTimeParseException notDate) {
                throw new IllegalArgumentException(DATETIME_EXPECTED);
            }
        }
        if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
            throw new IllegalArgumentException("Input should be a datetime between the years 1 and 9999");
        }
        return instant;
    }

    /** A search query (docs/SEARCH.md), or null when absent or blank; a query that cannot be read is a problem. */
    SearchQuery search(String name) {
        String value = get(name, "string", null);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return SearchQuery.parse(value);
        } catch (QuerySyntaxException e) {
            problem(name, e.getMessage(), "search_syntax");
            return null;
        }
    }

    private String get(String name, String type, Labelled[] allowed) {
        if (declared != null) {
            declared.putIfAbsent(name, new Declared(name, type, allowed == null ? List.of() : labels(allowed)));
        }
        return values.apply(name);
    }

    private static List<String> labels(Labelled[] values) {
        var labels = new ArrayList<String>(values.length);
        for (Labelled v : values) {
            labels.add(v.value());
        }
        return labels;
    }
}
