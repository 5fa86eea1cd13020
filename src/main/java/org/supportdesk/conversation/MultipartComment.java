package org.supportdesk.conversation;

import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import org.springframework.stereotype.Component;
import org.supportdesk.system.InvalidRequest;
import org.supportdesk.system.Problem;
import org.supportdesk.system.StrictUtf8;

/**
 * A new comment sent as multipart/form-data: the text fields `body`, `visibility` and
 * `author_type`, each at most once, and any number of parts `files`. Text fields are read as UTF-8,
 * strictly: bytes that are not UTF-8 are a 422, not replaced silently. Every problem, of the text
 * and of the files, is reported at once.
 */
@Component
class MultipartComment {

    // UTF-8 takes at most 4 bytes a character; a longer field is too long whatever it holds.
    private static final int MAX_FIELD_BYTES = CommentInput.MAX_CHARACTERS * 4;

    private final Uploads uploads;

    MultipartComment(Uploads uploads) {
        this.uploads = uploads;
    }

    record Read(CommentInput input, List<Upload> files) {}

    Read read(Collection<Part> parts) {
        var problems = new ArrayList<Problem>();
        var fields = new HashMap<String, String>();
        var files = new ArrayList<Part>();
        for (Part part : parts) {
            String name = part.getName();
            if (name.equals("files")) {
                files.add(part);
            } else if (!CommentInput.FIELDS.contains(name)) {
                problems.add(Problem.body("Extra inputs are not permitted", "extra_forbidden", name));
            } else if (fields.containsKey(name)) {
                // Which of two texts is meant? Neither is dropped silently.
                problems.add(Problem.body("Field should be sent once, not twice", "value_error", name));
            } else if (part.getSubmittedFileName() != null) {
                problems.add(Problem.body("Input should be a text field, not a file", "string_type", name));
                fields.put(name, null); // present, so not also reported as missing
            } else {
                fields.put(name, text(part, name, problems));
            }
        }
        List<Upload> checked = List.of();
        try {
            checked = uploads.check(files);
        } catch (InvalidRequest e) {
            problems.addAll(e.problems());
        }
        CommentInput input;
        try {
            input = CommentInput.of(fields, problems);
        } catch (InvalidRequest e) {
            throw new InvalidRequest(sorted(e.problems()));
        }
        return new Read(input, checked);
    }

    private static List<Problem> sorted(List<Problem> problems) {
        var list = new ArrayList<>(problems);
        list.sort(java.util.Comparator.comparing(p -> p.loc().toString()));
        return list;
    }

    private static String text(Part part, String name, List<Problem> problems) {
        if (part.getSize() > MAX_FIELD_BYTES) {
            problems.add(Problem.body(
                    "String should have at most " + CommentInput.MAX_CHARACTERS + " characters",
                    "string_too_long",
                    name));
            return null;
        }
        try (InputStream in = part.getInputStream()) {
            String text = StrictUtf8.decodeOrNull(in.readAllBytes());
            if (text == null) {
                problems.add(Problem.body(
                        "Input should be a valid string, unable to parse raw data as a unicode string",
                        "string_unicode",
                        name));
            }
            return text;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read a part of the request", e);
        }
    }
}
