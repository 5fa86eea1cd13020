package org.supportdesk.imports;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.Arrays;

/**
 * A strict RFC 4180 record splitter: commas, double quotes, {@code ""} inside quoted fields,
 * line breaks (CRLF, LF or CR) inside quoted fields. A quote inside an unquoted field, text after a
 * closing quote and an unclosed quote are errors with their line. Blank lines are skipped. Records
 * are capped at {@link #MAX_RECORD_CHARS} so that an unclosed quote cannot read the whole file
 * into memory. Hand-written rather than Commons CSV for that strictness and for speed.
 */
final class CsvLexer {

    static final int MAX_RECORD_CHARS = 1_000_000;
    static final int MAX_FIELDS = 10_000;

    private final Reader in;
    private final char[] buf = new char[1 << 16];
    private final StringBuilder spill = new StringBuilder(256);
    private int pos;
    private int limit;
    private boolean eof;
    private long line = 1;
    private long recordLine;
    private int recordChars;
    private String[] fields = new String[32];
    private int count;

    CsvLexer(Reader in) {
        this.in = in;
    }

    /** Reads the next non-blank record; false at the end of the input. */
    boolean next() {
        while (true) {
            if (pos == limit && !fill()) {
                return false;
            }
            char c = buf[pos];
            if (c == '\n') {
                pos++;
                line++;
            } else if (c == '\r') {
                pos++;
                endLine();
            } else {
                break;
            }
        }
        recordLine = line;
        recordChars = 0;
        count = 0;
        boolean more;
        do {
            String field = pos < limit && buf[pos] == '"' ? quoted() : unquoted();
            recordChars += field.length();
            if (recordChars > MAX_RECORD_CHARS) {
                throw tooLong();
            }
            add(field);
            more = pos < limit && buf[pos] == ',';
            if (more) {
                pos++;
                if (pos == limit) {
                    fill();
                }
            }
        } while (more);
        if (pos < limit) {
            char c = buf[pos++];
            if (c == '\r') {
                endLine();
            } else {
                line++;
            }
        }
        return true;
    }

    int count() {
        return count;
    }

    String field(int i) {
        return fields[i];
    }

    /** The line on which the current record starts. */
    long recordLine() {
        return recordLine;
    }

    MalformedImportException error(String message) {
        return new MalformedImportException("line " + line + ": " + message);
    }

    private void add(String field) {
        if (count == fields.length) {
            fields = Arrays.copyOf(fields, count * 2);
        }
        if (count == MAX_FIELDS) {
            throw error("more than " + MAX_FIELDS + " fields in one record");
        }
        fields[count++] = field;
    }

    /** Reads up to the next comma or line break, leaving pos on it (or at the end of input). */
    private String unquoted() {
        int start = pos;
        boolean spilled = false;
        while (true) {
            if (pos == limit) {
                spilled = spillFrom(start, spilled);
                if (!fill()) {
                    return spill.toString();
                }
                start = 0;
            }
            char c = buf[pos];
            if (c == ',' || c == '\n' || c == '\r') {
                break;
            }
            if (c == '"') {
                throw error("a double quote inside an unquoted field; quote the whole field and double the quotes"
                        + " inside it (\"say \"\"hi\"\"\")");
            }
            pos++;
        }
        if (!spilled) {
            return new String(buf, start, pos - start);
        }
        return spill.append(buf, start, pos - start).toString();
    }

    /** Reads a quoted field; pos is on the opening quote and ends after the closing one. */
    private String quoted() {
        long startLine = line;
        pos++;
        int start = pos;
        boolean spilled = false;
        char prev = 0;
        while (true) {
            if (pos == limit) {
                spilled = spillFrom(start, spilled);
                if (!fill()) {
                    throw error("the quoted field that starts on line " + startLine + " is not closed");
                }
                start = 0;
            }
            char c = buf[pos];
            if (c == '"') {
                if (pos + 1 == limit) {
                    // the character after this quote is not buffered yet: keep the text before refilling
                    spilled = spillFrom(start, spilled);
                    pos++;
                    if (!fill()) {
                        return spill.toString();
                    }
                    if (buf[0] == '"') {
                        spill.append('"');
                        pos = start = 1;
                        prev = 0;
                        continue;
                    }
                    checkAfterClosingQuote(buf[0]);
                    return spill.toString();
                }
                char next = buf[pos + 1];
                if (next == '"') {
                    pos++;
                    spilled = spillFrom(start, spilled);
                    pos++;
                    start = pos;
                    prev = 0;
                    continue;
                }
                checkAfterClosingQuote(next);
                String value = spilled
                        ? spill.append(buf, start, pos - start).toString()
                        : new String(buf, start, pos - start);
                pos++;
                return value;
            }
            if (c == '\r' || c == '\n' && prev != '\r') {
                line++;
            }
            prev = c;
            pos++;
        }
    }

    /** Moves buf[start, pos) to the spill buffer, which is cleared first when not yet in use. */
    private boolean spillFrom(int start, boolean spilled) {
        if (!spilled) {
            spill.setLength(0);
        }
        spill.append(buf, start, pos - start);
        checkSpill();
        return true;
    }

    private void checkAfterClosingQuote(char next) {
        if (next != ',' && next != '\n' && next != '\r') {
            throw error("unexpected character '" + next + "' after the closing quote of a field");
        }
    }

    private void checkSpill() {
        if (recordChars + spill.length() > MAX_RECORD_CHARS) {
            throw tooLong();
        }
    }

    private MalformedImportException tooLong() {
        return error("the record that starts on line " + recordLine + " is longer than " + MAX_RECORD_CHARS
                + " characters (is a quote not closed?)");
    }

    /** After a CR: swallows a following LF and counts one line. */
    private void endLine() {
        line++;
        if ((pos < limit || fill()) && buf[pos] == '\n') {
            pos++;
        }
    }

    private boolean fill() {
        if (eof) {
            return false;
        }
        try {
            int n;
            do {
                n = in.read(buf, 0, buf.length);
            } while (n == 0);
            if (n < 0) {
                eof = true;
                pos = limit = 0;
                return false;
            }
            pos = 0;
            limit = n;
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
