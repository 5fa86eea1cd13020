package org.supportdesk.imports;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads CSV: a header row, then one ticket per record. Columns are matched by trimmed,
 * case-insensitive header name in any order; unknown columns are ignored (exports of other
 * helpdesks carry many). Empty optional cells are absent, empty required cells are "". A record with
 * fewer cells than the header lacks the last values; one with more is an error unless the surplus
 * cells are all empty. Records whose cells are all blank are skipped like blank lines.
 */
final class CsvTicketReader extends LookaheadReader {

    private enum Kind {
        REQUIRED,
        OPTIONAL,
        TAGS,
        METADATA
    }

    private record Column(String name, Kind kind) {}

    private static final List<Column> COLUMNS = List.of(
            new Column("customer_id", Kind.REQUIRED),
            new Column("customer_email", Kind.REQUIRED),
            new Column("customer_name", Kind.REQUIRED),
            new Column("subject", Kind.REQUIRED),
            new Column("description", Kind.REQUIRED),
            new Column("category", Kind.OPTIONAL),
            new Column("priority", Kind.OPTIONAL),
            new Column("status", Kind.OPTIONAL),
            new Column("tags", Kind.TAGS),
            new Column("assigned_to", Kind.OPTIONAL),
            new Column("source", Kind.METADATA),
            new Column("browser", Kind.METADATA),
            new Column("device_type", Kind.METADATA),
            // What an export writes beyond a request body, so that it imports as the same tickets.
            new Column("id", Kind.OPTIONAL),
            new Column("category_by", Kind.OPTIONAL),
            new Column("priority_by", Kind.OPTIONAL),
            new Column("created_at", Kind.OPTIONAL),
            new Column("updated_at", Kind.OPTIONAL),
            new Column("resolved_at", Kind.OPTIONAL),
            new Column("version", Kind.OPTIONAL),
            new Column("classification", Kind.OPTIONAL));

    private final CsvLexer lexer;
    private final CsvRecord record;
    private final Utf8Text text;
    private int[] cellOf;
    private int headerSize;
    private int row;

    CsvTicketReader(Utf8Text text) {
        super(text);
        this.text = text;
        this.lexer = new CsvLexer(text);
        this.record = lexer.record();
    }

    @Override
    ImportRecord readNext() {
        if (cellOf == null) {
            readHeader();
        }
        while (lexer.next()) {
            if (!isBlank()) {
                row++;
                return new ImportRecord(row, ticket());
            }
        }
        return null;
    }

    private void readHeader() {
        boolean found;
        do {
            found = lexer.next();
        } while (found && allBlank());
        if (!found) {
            throw new MalformedImportException(text.sawContent() ? "line 1: no header row" : "line 1: file is empty");
        }
        headerSize = record.count();
        cellOf = new int[COLUMNS.size()];
        Arrays.fill(cellOf, -1);
        for (int cell = 0; cell < headerSize; cell++) {
            String name = record.field(cell).strip().toLowerCase(Locale.ROOT);
            for (int c = 0; c < COLUMNS.size(); c++) {
                if (COLUMNS.get(c).name().equals(name)) {
                    if (cellOf[c] >= 0) {
                        throw header("column " + name + " appears twice in the header");
                    }
                    cellOf[c] = cell;
                }
            }
        }
        List<String> missing = new ArrayList<>();
        for (int c = 0; c < COLUMNS.size(); c++) {
            if (cellOf[c] < 0 && COLUMNS.get(c).kind() == Kind.REQUIRED) {
                missing.add(COLUMNS.get(c).name());
            }
        }
        if (!missing.isEmpty()) {
            throw header("the header lacks the required column" + (missing.size() > 1 ? "s " : " ")
                    + String.join(", ", missing) + " (required: " + String.join(", ", TicketFields.REQUIRED) + ")");
        }
    }

    private MalformedImportException header(String message) {
        return new MalformedImportException("line " + record.line() + ": " + message);
    }

    private boolean allBlank() {
        for (int i = 0; i < record.count(); i++) {
            if (!record.field(i).isBlank()) {
                return false;
            }
        }
        return true;
    }

    /** True for a record of blank cells (skipped); refuses non-blank cells beyond the header. */
    private boolean isBlank() {
        if (allBlank()) {
            return true;
        }
        for (int i = headerSize; i < record.count(); i++) {
            if (!record.field(i).isBlank()) {
                throw new MalformedImportException("line " + record.line() + " (row " + (row + 1) + "): "
                        + record.count() + " fields but the header has " + headerSize);
            }
        }
        return false;
    }

    private ObjectNode ticket() {
        ObjectNode ticket = TicketFields.NODES.objectNode();
        ObjectNode metadata = null;
        int count = record.count();
        for (int c = 0; c < cellOf.length; c++) {
            int cell = cellOf[c];
            String value = cell >= 0 && cell < count ? unguard(record.field(cell)) : null;
            Column column = COLUMNS.get(c);
            if (column.kind() == Kind.REQUIRED) {
                ticket.put(column.name(), value == null ? "" : value);
            } else if (value != null && !value.isBlank()) {
                switch (column.kind()) {
                    case TAGS -> ticket.set(column.name(), TicketFields.splitTags(value));
                    case METADATA -> {
                        if (metadata == null) {
                            metadata = TicketFields.NODES.objectNode();
                        }
                        metadata.put(column.name(), value);
                    }
                    default -> ticket.put(column.name(), value);
                }
            }
        }
        if (metadata != null) {
            ticket.set(TicketFields.METADATA, metadata);
        }
        return ticket;
    }

    /**
     * Undoes the export's guard against formula injection (export/CsvTickets): a cell that starts
     * with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return is written with a
     * {@code '} in front, and one that starts with quotes and then one of those gets one more, so
     * taking one {@code '} off gives back exactly what was exported. A CSV from elsewhere with such a
     * cell loses its first quote the same way (docs/IMPORT-FORMATS.md).
     */
    static String unguard(String cell) {
        int quotes = 0;
        while (quotes < cell.length() && cell.charAt(quotes) == '\'') {
            quotes++;
        }
        if (quotes == 0 || quotes == cell.length()) {
            return cell;
        }
        char next = cell.charAt(quotes);
        return next == '=' || next == '+' || next == '-' || next == '@' || next == '\t' || next == '\r'
                ? cell.substring(1)
                : cell;
    }
}
