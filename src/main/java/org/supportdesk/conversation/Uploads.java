package org.supportdesk.conversation;

import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.springframework.stereotype.Component;
import org.supportdesk.system.InvalidRequest;
import org.supportdesk.system.Problem;
import org.supportdesk.system.SupportdeskProperties;
import org.supportdesk.system.TooLarge;

/**
 * Checks the files of a new comment before anything is stored: each within the file limit, all
 * together within the comment's, not empty, with a declared type that is a media type and that
 * the content does not contradict (FileTypes). Reading each file once here, off the database's
 * writer, also gives its size and SHA-256.
 */
@Component
class Uploads {

    private final long maxFileSize;
    private final long maxTotalSize;

    Uploads(SupportdeskProperties properties) {
        this.maxFileSize = properties.attachments().maxFileSize().toBytes();
        this.maxTotalSize = properties.attachments().maxTotalSize().toBytes();
    }

    /**
     * @throws TooLarge when a file, or all of them, are over their limit
     * @throws InvalidRequest with every other problem, on ["body", "files", index]
     */
    List<Upload> check(List<Part> parts) {
        var problems = new ArrayList<Problem>();
        var uploads = new ArrayList<Upload>(parts.size());
        long total = 0;
        for (int i = 0; i < parts.size(); i++) {
            Part part = parts.get(i);
            String name = FileNames.clean(part.getSubmittedFileName());
            if (part.getSize() > maxFileSize) {
                throw new TooLarge(
                        "File '" + name + "' is larger than the limit of " + maxFileSize + " bytes for one attachment");
            }
            total += part.getSize();
            if (total > maxTotalSize) {
                throw new TooLarge("The files are larger together than the limit of " + maxTotalSize
                        + " bytes for the attachments of one comment");
            }
            if (FileNames.undecodable(part.getSubmittedFileName())) {
                problems.add(Problem.body(
                        "File name should be valid UTF-8: bytes of it could not be read as text",
                        "string_unicode",
                        "files",
                        i));
                continue;
            }
            String type = FileTypes.declared(part.getContentType());
            if (type == null) {
                problems.add(Problem.body("Content type is not a media type (type/subtype)", "file_type", "files", i));
                continue;
            }
            if (type.length() > FileTypes.MAX_LENGTH) {
                problems.add(Problem.body(
                        "Content type should have at most " + FileTypes.MAX_LENGTH + " characters",
                        "file_type",
                        "files",
                        i));
                continue;
            }
            if (part.getSize() == 0) {
                problems.add(Problem.body("File is empty", "file_empty", "files", i));
                continue;
            }
            Read read = read(part);
            if (!FileTypes.matches(type, read.head())) {
                problems.add(Problem.body(
                        "File is declared as " + type + " but its content is not: it does not begin as " + type
                                + " files do",
                        "file_type",
                        "files",
                        i));
                continue;
            }
            uploads.add(new Upload(name, type, read.size(), read.sha256(), part::getInputStream));
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequest(problems);
        }
        return uploads;
    }

    private record Read(byte[] head, long size, String sha256) {}

    private static Read read(Part part) {
        try (var in = new DigestInputStream(part.getInputStream(), MessageDigest.getInstance("SHA-256"))) {
            byte[] head = in.readNBytes(FileTypes.HEAD);
            long size = head.length + in.transferTo(OutputStream.nullOutputStream());
            return new Read(
                    head, size, HexFormat.of().formatHex(in.getMessageDigest().digest()));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read an uploaded file", e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
