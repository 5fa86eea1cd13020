package org.supportdesk.conversation;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The attachments table and the bytes of each file in attachment_chunks, 256 KiB a row. A file is
 * written and read a chunk at a time: neither JDBC driver streams a single large value (SQLite's
 * reads a BLOB whole, PostgreSQL's a bytea whole), so chunks keep an upload or a download of any
 * size to one chunk of heap, on both databases and every instance.
 */
@Component
class Attachments {

    static final int CHUNK = 256 * 1024;

    private static final String COLUMNS = "id, comment_id, filename, content_type, size, sha256";

    private final JdbcClient jdbc;

    Attachments(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores a file of a comment, the {@code position}th; to be called inside the comment's write. */
    Attachment store(UUID commentId, int position, Upload file, Instant at) {
        var id = UUID.randomUUID();
        jdbc.sql("INSERT INTO attachments (id, comment_id, position, filename, content_type, size, sha256, created_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        id.toString(),
                        commentId.toString(),
                        position,
                        file.filename(),
                        file.contentType(),
                        file.size(),
                        file.sha256(),
                        at.toEpochMilli())
                .update();
        long stored = 0;
        byte[] buffer = new byte[CHUNK];
        try (InputStream in = file.open()) {
            for (int n = 0; ; n++) {
                int read = in.readNBytes(buffer, 0, CHUNK);
                if (read == 0) {
                    break;
                }
                jdbc.sql("INSERT INTO attachment_chunks (attachment_id, n, data) VALUES (?, ?, ?)")
                        .params(id.toString(), n, read == CHUNK ? buffer : Arrays.copyOf(buffer, read))
                        .update();
                stored += read;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read an uploaded file", e);
        }
        if (stored != file.size()) {
            throw new IllegalStateException("Uploaded file changed while it was stored");
        }
        return new Attachment(id, file.filename(), file.contentType(), file.size(), file.sha256(), commentId);
    }

    Optional<Attachment> find(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM attachments WHERE id = ?")
                .param(id.toString())
                .query(Attachments::read)
                .optional();
    }

    /** The files of each of these comments, in the order they came; comments without files are absent. */
    Map<UUID, List<Attachment>> of(Collection<UUID> commentIds) {
        var files = new LinkedHashMap<UUID, List<Attachment>>();
        if (commentIds.isEmpty()) {
            return files;
        }
        jdbc.sql("SELECT " + COLUMNS + " FROM attachments WHERE comment_id IN (" + "?, ".repeat(commentIds.size() - 1)
                        + "?) ORDER BY comment_id, position")
                .params(commentIds.stream().map(UUID::toString).toList())
                .query(Attachments::read)
                .list()
                .forEach(a -> files.computeIfAbsent(a.commentId(), c -> new java.util.ArrayList<>())
                        .add(a));
        return files;
    }

    /** Writes the file's bytes to {@code out}, a chunk at a time. */
    void copy(Attachment file, OutputStream out) throws IOException {
        long chunks = (file.size() + CHUNK - 1) / CHUNK;
        for (int n = 0; n < chunks; n++) {
            byte[] data = jdbc.sql("SELECT data FROM attachment_chunks WHERE attachment_id = ? AND n = ?")
                    .params(file.id().toString(), n)
                    .query(byte[].class)
                    .optional()
                    .orElseThrow(() -> new IOException("Attachment deleted while it was being sent"));
            out.write(data);
        }
    }

    /** Deletes a comment's files and their bytes (the chunks go with them: foreign key). */
    void deleteOf(UUID commentId) {
        jdbc.sql("DELETE FROM attachments WHERE comment_id = ?")
                .param(commentId.toString())
                .update();
    }

    private static Attachment read(ResultSet rs, int n) throws SQLException {
        return new Attachment(
                UUID.fromString(rs.getString("id")),
                rs.getString("filename"),
                rs.getString("content_type"),
                rs.getLong("size"),
                rs.getString("sha256"),
                UUID.fromString(rs.getString("comment_id")));
    }
}
