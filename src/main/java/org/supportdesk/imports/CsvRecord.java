package org.supportdesk.imports;

import java.util.Arrays;

/**
 * The record {@link CsvLexer} is reading: its fields, the line it starts on, and its limits. A
 * record is capped at {@link #MAX_RECORD_CHARS} so that an unclosed quote cannot read the whole file
 * into memory, and at {@link #MAX_FIELDS} fields. Errors name the line the lexer is on ({@code at}),
 * and a record too long also the line it started on. The lexer calls it once a field, never a
 * character, so its scanning loops stay as they were.
 */
final class CsvRecord {

    static final int MAX_RECORD_CHARS = 1_000_000;
    static final int MAX_FIELDS = 10_000;

    private String[] fields = new String[32];
    private int count;
    private int chars;
    private long line;

    /** A new record, starting on {@code line}. */
    void start(long line) {
        this.line = line;
        count = 0;
        chars = 0;
    }

    /** Adds a field read whole; {@code at} is the line the lexer is on. */
    void add(String field, long at) {
        chars += field.length();
        if (chars > MAX_RECORD_CHARS) {
            throw tooLong(at);
        }
        if (count == fields.length) {
            fields = Arrays.copyOf(fields, count * 2);
        }
        if (count == MAX_FIELDS) {
            throw error(at, "more than " + MAX_FIELDS + " fields in one record");
        }
        fields[count++] = field;
    }

    /** Checks a field still being read, of which {@code pending} characters are held, against the cap. */
    void checkPending(int pending, long at) {
        if (chars + pending > MAX_RECORD_CHARS) {
            throw tooLong(at);
        }
    }

    int count() {
        return count;
    }

    String field(int i) {
        return fields[i];
    }

    /** The line on which the record starts. */
    long line() {
        return line;
    }

    static MalformedImportException error(long at, String message) {
        return new MalformedImportException("line " + at + ": " + message);
    }

    private MalformedImportException tooLong(long at) {
        return error(
                at,
                "the record that starts on line " + line + " is longer than " + MAX_RECORD_CHARS
                        + " characters (is a quote not closed?)");
    }
}
