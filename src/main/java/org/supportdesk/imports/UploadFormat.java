package org.supportdesk.imports;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.util.Locale;
import org.supportdesk.system.MalformedRequest;

/** Which format an upload is: what its name, its type and its first bytes say, against the endpoint's. */
final class UploadFormat {

    private UploadFormat() {}

    /**
     * The file's format: the endpoint's, checked against what the name, type and content say, or
     * for `/tickets/import` whatever they say.
     */
    static ImportFormat of(ImportFormat expected, ImportService.Upload upload, BufferedInputStream in) {
        try {
            ImportFormat byName = ImportFormat.fromFileName(upload.fileName()).orElse(null);
            ImportFormat byType =
                    ImportFormat.fromContentType(upload.contentType()).orElse(null);
            ImportFormat sniffed = ImportFormat.sniff(in);
            if (expected == null) {
                return byName != null ? byName : byType != null ? byType : sniffed;
            }
            // Content that opens like JSON or XML is that, whatever its label says; anything else may
            // be CSV, so then the name or type decides.
            ImportFormat claimed = byName != null ? byName : byType;
            ImportFormat found = sniffed != ImportFormat.CSV ? sniffed : claimed != null ? claimed : expected;
            if (found != expected) {
                throw new MalformedRequest("Expected a " + expected + " file but got " + found
                        + (found == byName && found != sniffed ? " (by its name)" : "")
                        + "; send it to /import/" + found.name().toLowerCase(Locale.ROOT)
                        + " or /tickets/import");
            }
            return expected;
        } catch (IOException e) {
            throw new MalformedRequest("Cannot read the upload", e);
        }
    }
}
