package org.supportdesk.imports;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.util.Locale;
import java.util.Optional;

/** The import file formats, and how {@code POST /tickets/import} tells them apart. */
public enum ImportFormat {
    CSV,
    JSON,
    XML;

    /** How many bytes {@link #sniff(BufferedInputStream)} looks at. */
    public static final int SNIFF_BYTES = 4096;

    /** By extension: .csv; .json, .ndjson, .jsonl; .xml (any case). */
    public static Optional<ImportFormat> fromFileName(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String lower = name.strip().toLowerCase(Locale.ROOT);
        if (lower.endsWith(".csv")) {
            return Optional.of(CSV);
        }
        if (lower.endsWith(".json") || lower.endsWith(".ndjson") || lower.endsWith(".jsonl")) {
            return Optional.of(JSON);
        }
        if (lower.endsWith(".xml")) {
            return Optional.of(XML);
        }
        return Optional.empty();
    }

    /**
     * By media type, parameters ignored: text/csv, application/csv; application/json,
     * application/x-ndjson, application/ndjson, application/jsonl, *&#47;*+json; application/xml,
     * text/xml, *&#47;*+xml. Anything else (text/plain, application/octet-stream) is empty.
     */
    public static Optional<ImportFormat> fromContentType(String contentType) {
        if (contentType == null) {
            return Optional.empty();
        }
        int semicolon = contentType.indexOf(';');
        String type = (semicolon < 0 ? contentType : contentType.substring(0, semicolon))
                .strip()
                .toLowerCase(Locale.ROOT);
        return switch (type) {
            case "text/csv", "application/csv" -> Optional.of(CSV);
            case "application/json", "application/x-ndjson", "application/ndjson", "application/jsonl" ->
                Optional.of(JSON);
            case "application/xml", "text/xml" -> Optional.of(XML);
            default ->
                type.endsWith("+json")
                        ? Optional.of(JSON)
                        : type.endsWith("+xml") ? Optional.of(XML) : Optional.empty();
        };
    }

    /**
     * By content: skips a UTF-8 BOM and whitespace; '[' or '{' is JSON, '<' is XML, anything else
     * (including nothing) is CSV.
     */
    public static ImportFormat sniff(byte[] firstBytes, int length) {
        int i = 0;
        if (length >= 3
                && (firstBytes[0] & 0xFF) == 0xEF
                && (firstBytes[1] & 0xFF) == 0xBB
                && (firstBytes[2] & 0xFF) == 0xBF) {
            i = 3;
        }
        while (i < length && isWhitespace(firstBytes[i])) {
            i++;
        }
        if (i == length) {
            return CSV;
        }
        return switch (firstBytes[i]) {
            case '[', '{' -> JSON;
            case '<' -> XML;
            default -> CSV;
        };
    }

    /** Sniffs the first {@link #SNIFF_BYTES} of a stream and resets it, so it can still be parsed whole. */
    public static ImportFormat sniff(BufferedInputStream in) throws IOException {
        byte[] head = new byte[SNIFF_BYTES];
        in.mark(SNIFF_BYTES);
        int length = in.readNBytes(head, 0, SNIFF_BYTES);
        in.reset();
        return sniff(head, length);
    }

    /** File name first, then content type, then the content (see {@link #sniff(BufferedInputStream)}). */
    public static ImportFormat detect(String fileName, String contentType, BufferedInputStream in) throws IOException {
        Optional<ImportFormat> known = fromFileName(fileName).or(() -> fromContentType(contentType));
        return known.isPresent() ? known.get() : sniff(in);
    }

    private static boolean isWhitespace(byte b) {
        return b == ' ' || b == '\t' || b == '\r' || b == '\n';
    }
}
