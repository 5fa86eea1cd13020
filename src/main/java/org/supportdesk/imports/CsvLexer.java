package org.supportdesk.imports;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;

/**
 * A strict RFC 4180 record splitter: commas, double quotes, {@code ""} inside quoted fields,
 * line breaks (CRLF, LF or CR) inside quoted fields. A quote inside an unquoted field, text after a
 * closing quote and an unclosed quote are errors with their line. Blank lines are skipped. This
 * class scans characters and counts lines; the record it fills, with its limits, is {@link
 * CsvRecord}. Hand-written rather than Commons CSV for that strictness and for speed.
 */
final class CsvLexer {

    private final Reader in;
    private final char[] buf = new char[1 << 16];
    private final StringBuilder spill = new StringBuilder(256);
    private int pos;
    private int limit;
    private boolean eof;
    private long line = 1;
    private final CsvRecord record = new CsvRecord();

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
        record.start(line);
        boolean more;
        do {
            String field = pos < limit && buf[pos] == '"' ? quoted() : unquoted();
            record.add(field, line);
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

    /** The record read by the last {@link #next()}. */
    CsvRecord record() {
        return record;
    }

    private MalformedImportException error(String message) {
        return CsvRecord.error(line, message);
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
        record.checkPending(spill.length(), line);
        return true;
    }

    private void checkAfterClosingQuote(char next) {
        if (next != ',' && next != '\n' && next != '\r') {
            throw error("unexpected character '" + next + "' after the closing quote of a field");
        }
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
