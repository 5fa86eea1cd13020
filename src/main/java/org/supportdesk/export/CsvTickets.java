package org.supportdesk.export;

import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.util.List;
import org.supportdesk.system.Timestamps;
import org.supportdesk.tickets.ExportedTicket;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tickets as CSV (RFC 4180, UTF-8, CRLF line ends), with the columns the import reads
 * (docs/IMPORT-FORMATS.md). Tags are one cell, joined by commas, or a JSON array when a tag holds a
 * comma or starts with '['; the classification is its JSON. Empty cells are absent values.
 *
 * <p>Spreadsheets run a cell that starts with {@code =}, {@code +}, {@code -} or {@code @} (and
 * some a tab or carriage return) as a formula, so such a cell is written with a {@code '} in front
 * (OWASP's advice), and a cell that already starts with quotes and then one of those gets one more:
 * the import takes one {@code '} off again (imports/CsvTicketReader.unguard), so the round trip
 * gives back exactly what was exported.
 */
final class CsvTickets implements TicketWriter {

    static final List<String> COLUMNS = List.of(
            "id",
            "customer_id",
            "customer_email",
            "customer_name",
            "subject",
            "description",
            "category",
            "category_by",
            "priority",
            "priority_by",
            "status",
            "tags",
            "assigned_to",
            "source",
            "browser",
            "device_type",
            "created_at",
            "updated_at",
            "resolved_at",
            "version",
            "classification");

    private final Writer out;
    private final JsonMapper json;

    CsvTickets(Writer out, JsonMapper json) throws IOException {
        this.out = out;
        this.json = json;
        out.write(String.join(",", COLUMNS));
        out.write("\r\n");
    }

    @Override
    public void write(ExportedTicket t) throws IOException {
        cell(t.id().toString());
        cell(t.customerId());
        cell(t.customerEmail());
        cell(t.customerName());
        cell(t.subject());
        cell(t.description());
        cell(t.category());
        cell(t.categoryBy());
        cell(t.priority());
        cell(t.priorityBy());
        cell(t.status());
        cell(tags(t.tags()));
        cell(t.assignedTo());
        cell(t.metadata().source());
        cell(t.metadata().browser());
        cell(t.metadata().deviceType());
        cell(time(t.createdAt()));
        cell(time(t.updatedAt()));
        cell(time(t.resolvedAt()));
        cell(Integer.toString(t.version()));
        last(t.classification() == null ? null : json.writeValueAsString(t.classification()));
    }

    @Override
    public void end() throws IOException {
        out.flush();
    }

    private String tags(List<String> tags) {
        for (String tag : tags) {
            if (tag.indexOf(',') >= 0 || tag.startsWith("[")) {
                return json.writeValueAsString(tags);
            }
        }
        return String.join(",", tags);
    }

    private static String time(Instant at) {
        return at == null ? null : Timestamps.format(at);
    }

    private void cell(String value) throws IOException {
        value(value);
        out.write(',');
    }

    private void last(String value) throws IOException {
        value(value);
        out.write("\r\n");
    }

    private void value(String value) throws IOException {
        if (value == null || value.isEmpty()) {
            return;
        }
        String guarded = guard(value);
        if (needsQuotes(guarded)) {
            out.write('"');
            out.write(guarded.replace("\"", "\"\""));
            out.write('"');
        } else {
            out.write(guarded);
        }
    }

    /** The cell with a {@code '} in front when a spreadsheet would run it (see the class comment). */
    static String guard(String value) {
        int quotes = 0;
        while (quotes < value.length() && value.charAt(quotes) == '\'') {
            quotes++;
        }
        if (quotes == value.length()) {
            return value;
        }
        char c = value.charAt(quotes);
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r' ? "'" + value : value;
    }

    private static boolean needsQuotes(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == ',' || c == '"' || c == '\n' || c == '\r') {
                return true;
            }
        }
        return false;
    }
}
