package org.supportdesk.imports;

import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Reads test files and strings through the parsers. */
final class ImportFixtures {

    private ImportFixtures() {}

    static List<ImportRecord> read(ImportFormat format, String content) {
        return read(format, content.getBytes(StandardCharsets.UTF_8));
    }

    static List<ImportRecord> read(ImportFormat format, byte[] content) {
        return readAll(format, new ByteArrayInputStream(content));
    }

    static List<ImportRecord> readFile(ImportFormat format, String name) {
        return readAll(format, resource(name));
    }

    static MalformedImportException failure(ImportFormat format, String content) {
        return failure(format, content.getBytes(StandardCharsets.UTF_8));
    }

    static MalformedImportException failure(ImportFormat format, byte[] content) {
        return catchThrowableOfType(MalformedImportException.class, () -> read(format, content));
    }

    static MalformedImportException fileFailure(ImportFormat format, String name) {
        return catchThrowableOfType(MalformedImportException.class, () -> readFile(format, name));
    }

    static InputStream resource(String name) {
        InputStream in = ImportFixtures.class.getResourceAsStream("/imports/" + name);
        if (in == null) {
            throw new IllegalArgumentException("no fixture imports/" + name);
        }
        return in;
    }

    private static List<ImportRecord> readAll(ImportFormat format, InputStream in) {
        List<ImportRecord> records = new ArrayList<>();
        try (TicketRecordReader reader = TicketFileParsers.open(format, in)) {
            reader.forEachRemaining(records::add);
        }
        return records;
    }
}
