package org.supportdesk.conversation;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.UUID;

/** A file of a comment, as the API lists it; its bytes are at {@code url}. */
record Attachment(
        UUID id,
        String filename,
        String contentType,
        long size,
        String sha256,
        @JsonIgnore UUID commentId) {

    /** Where the bytes are served: `GET /attachments/{id}`. */
    @JsonProperty("url")
    public String url() {
        return "/attachments/" + id;
    }
}
