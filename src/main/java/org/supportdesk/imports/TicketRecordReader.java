package org.supportdesk.imports;

import java.util.Iterator;

/**
 * A lazy, streaming reader of the records of one import file: memory use does not grow with the
 * file. {@link #hasNext()} and {@link #next()} throw {@link MalformedImportException} when the file
 * turns out to be structurally broken, possibly only at its last byte, so a caller must consume
 * every record before committing anything. Once it has thrown, the reader throws the same exception
 * again. {@link #close()} closes the underlying stream.
 */
public interface TicketRecordReader extends Iterator<ImportRecord>, AutoCloseable {

    @Override
    void close();
}
