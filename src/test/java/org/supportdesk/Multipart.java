package org.supportdesk;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * A multipart/form-data body for tests, part by part: {@code Multipart.form().field("body",
 * "Screenshot attached").file("files", "shot.png", "image/png", bytes)}; send it with {@link
 * #sendTo}.
 */
public final class Multipart {

    private final String boundary = "----supportdesk-test-" + UUID.randomUUID();
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();

    private Multipart() {}

    public static Multipart form() {
        return new Multipart();
    }

    public Multipart field(String name, String value) {
        return raw(name, null, null, value.getBytes(StandardCharsets.UTF_8));
    }

    /** A field of raw bytes (e.g. not UTF-8). */
    public Multipart fieldBytes(String name, byte[] value) {
        return raw(name, null, null, value);
    }

    public Multipart file(String name, String filename, String contentType, byte[] content) {
        return raw(name, filename == null ? null : filename.getBytes(StandardCharsets.UTF_8), contentType, content);
    }

    /** A file whose name is raw bytes (e.g. not UTF-8). */
    public Multipart fileNamedBytes(String name, byte[] filename, String contentType, byte[] content) {
        return raw(name, filename, contentType, content);
    }

    /**
     * A part with the header lines given as they are (CRLF between them), e.g. {@code
     * "Content-Disposition: attachment; name=\"files\"; filename=\"a.pdf\""}: the parts a browser
     * never sends.
     */
    public Multipart part(String headers, byte[] content) {
        body.writeBytes(("--" + boundary + "\r\n" + headers + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        return this;
    }

    private Multipart raw(String name, byte[] filename, String contentType, byte[] content) {
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + '"')
                .getBytes(StandardCharsets.UTF_8));
        if (filename != null) {
            body.writeBytes("; filename=\"".getBytes(StandardCharsets.UTF_8));
            body.writeBytes(filename);
            body.writeBytes("\"".getBytes(StandardCharsets.UTF_8));
        }
        var head = new StringBuilder("\r\n");
        if (contentType != null) {
            head.append("Content-Type: ").append(contentType).append("\r\n");
        }
        head.append("\r\n");
        body.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        return this;
    }

    public String contentType() {
        return "multipart/form-data; boundary=" + boundary;
    }

    public byte[] bytes() {
        var all = new ByteArrayOutputStream();
        all.writeBytes(body.toByteArray());
        all.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return all.toByteArray();
    }

    public Api.Response sendTo(Api api, String path) {
        return api.sendBytes("POST", path, contentType(), bytes());
    }
}
