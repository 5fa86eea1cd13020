package org.supportdesk.conversation;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.supportdesk.system.Params;

/**
 * `GET /attachments/{id}`: the file's bytes, streamed from the database a chunk at a time, with the
 * stored content type. Only images a browser paints and PDFs are shown inline; everything else is
 * a download. Every answer forbids sniffing and runs in a sandbox without scripts, so an uploaded
 * HTML or SVG file can never run on our origin.
 */
@RestController
class AttachmentController {

    private final Attachments attachments;

    AttachmentController(Attachments attachments) {
        this.attachments = attachments;
    }

    @Operation(summary = "An attachment's bytes, with its content type; a download unless an image or PDF")
    @GetMapping("/attachments/{id}")
    void download(@PathVariable String id, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        serve(attachments, id, request, response);
    }

    /** The file's answer, also for the workspace's address of it (Conversations.serveFile). */
    static void serve(Attachments attachments, String id, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        Attachment file = attachments.find(Params.id(id)).orElseThrow(AttachmentNotFound::new);
        response.setContentType(file.contentType());
        response.setContentLengthLong(file.size());
        response.setHeader(
                HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.builder(FileTypes.inline(file.contentType()) ? "inline" : "attachment")
                        .filename(file.filename(), StandardCharsets.UTF_8)
                        .build()
                        .toString());
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Content-Security-Policy", "default-src 'none'; sandbox");
        response.setHeader(HttpHeaders.ETAG, "\"" + file.sha256() + "\"");
        if (!"HEAD".equals(request.getMethod())) {
            attachments.copy(file, response.getOutputStream());
        }
    }
}
