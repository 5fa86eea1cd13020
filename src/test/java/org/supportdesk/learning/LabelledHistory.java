package org.supportdesk.learning;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * A team's labelled history as an import file: rows of the labelled tickets
 * ({@code classification/team-tickets.csv}), with the import's columns, so that every imported
 * ticket's category and priority are a person's.
 */
final class LabelledHistory {

    private static final String[] COLUMNS = {
        "customer_id", "customer_email", "customer_name", "subject", "description", "category", "priority"
    };
    private static final List<CSVRecord> ROWS = load();

    private LabelledHistory() {}

    static int size() {
        return ROWS.size();
    }

    /** Rows {@code from} (inclusive) to {@code to} (exclusive) as a CSV import file. */
    static String csv(int from, int to) {
        var out = new StringWriter();
        try (var printer = new CSVPrinter(out, CSVFormat.DEFAULT)) {
            printer.printRecord((Object[]) COLUMNS);
            for (CSVRecord row : ROWS.subList(from, to)) {
                var values = new ArrayList<String>();
                for (String column : COLUMNS) {
                    values.add(row.get(column));
                }
                printer.printRecord(values);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    static String subject(int row) {
        return ROWS.get(row).get("subject");
    }

    static String description(int row) {
        return ROWS.get(row).get("description");
    }

    private static List<CSVRecord> load() {
        var format = CSVFormat.DEFAULT
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get();
        try (Reader reader = new InputStreamReader(
                LabelledHistory.class.getResourceAsStream("/classification/team-tickets.csv"),
                StandardCharsets.UTF_8)) {
            return format.parse(reader).getRecords();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
