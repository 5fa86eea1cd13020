package org.supportdesk.export;

import java.util.Locale;

/** The formats of an export: exactly those the import reads (docs/IMPORT-FORMATS.md). */
enum ExportFormat {
    CSV("text/csv;charset=UTF-8", "csv"),
    JSON("application/json", "json"),
    NDJSON("application/x-ndjson", "ndjson"),
    XML("application/xml;charset=UTF-8", "xml");

    final String contentType;
    final String extension;

    ExportFormat(String contentType, String extension) {
        this.contentType = contentType;
        this.extension = extension;
    }

    /** The format of that name (any case), or null. */
    static ExportFormat of(String name) {
        for (ExportFormat f : values()) {
            if (f.extension.equals(name.toLowerCase(Locale.ROOT))) {
                return f;
            }
        }
        return null;
    }
}
