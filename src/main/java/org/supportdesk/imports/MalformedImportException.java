package org.supportdesk.imports;

/**
 * The file cannot be read as a whole (bad syntax, wrong root element, missing required CSV
 * column, not UTF-8, binary, ...). The import must store nothing and answer 400 with this
 * message, which always says where: {@code "line 17: ..."} or {@code "line 3, column 9 (record 5): ..."}.
 */
public final class MalformedImportException extends RuntimeException {

    public MalformedImportException(String message) {
        super(message);
    }

    MalformedImportException(String message, Throwable cause) {
        super(message, cause);
    }
}
