package org.supportdesk.conversation;

import java.io.IOException;
import java.io.InputStream;

/** A file of a new comment, checked and measured, ready to be stored; {@link #open} reads it again. */
record Upload(String filename, String contentType, long size, String sha256, Content content) {

    /** Where the bytes are until they are stored (Tomcat keeps a large part in a temporary file). */
    interface Content {
        InputStream open() throws IOException;
    }

    InputStream open() throws IOException {
        return content.open();
    }
}
