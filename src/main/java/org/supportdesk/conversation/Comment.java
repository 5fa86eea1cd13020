package org.supportdesk.conversation;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A comment on a ticket, as the API shows it. The body is plain text, stored and returned exactly
 * as sent. A deleted comment is a tombstone: no body, no attachments, who deleted it and when.
 * `merged_from` names the ticket a merge brought it from.
 */
record Comment(
        UUID id,
        UUID ticketId,
        String author,
        UUID authorId,
        AuthorType authorType,
        Visibility visibility,
        String body,
        List<Attachment> attachments,
        Instant createdAt,
        Instant editedAt,
        Instant deletedAt,
        String deletedBy,
        UUID mergedFrom,
        @JsonIgnore long seq) {

    Comment withAttachments(List<Attachment> files) {
        return new Comment(
                id,
                ticketId,
                author,
                authorId,
                authorType,
                visibility,
                body,
                List.copyOf(files),
                createdAt,
                editedAt,
                deletedAt,
                deletedBy,
                mergedFrom,
                seq);
    }

    boolean deleted() {
        return deletedAt != null;
    }
}
