package org.supportdesk.imports;

import java.io.InputStream;
import java.util.Objects;

/**
 * Opens a streaming reader of ticket records for an import file. Nothing is read until the first
 * {@code hasNext()}; see {@link TicketRecordReader} for how failures surface.
 */
public final class TicketFileParsers {

    private TicketFileParsers() {}

    public static TicketRecordReader open(ImportFormat format, InputStream in) {
        Objects.requireNonNull(format, "format");
        Utf8Text text = new Utf8Text(Objects.requireNonNull(in, "in"));
        return switch (format) {
            case CSV -> new CsvTicketReader(text);
            case JSON -> new JsonTicketReader(text);
            case XML -> new XmlTicketReader(text);
        };
    }
}
