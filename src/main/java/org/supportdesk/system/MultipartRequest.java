package org.supportdesk.system;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A multipart request whose parts {@link MultipartParser} reads, on the first call that needs
 * them: getParts() (Spring's multipart resolver, before any controller runs), getPart() or a
 * getParameter...() (the workspace's CSRF check reads its token from the form). The text fields are
 * also parameters, after those of the query string, as the Servlet spec has it. A failure is kept
 * and thrown again to every later caller: a body is read once.
 */
final class MultipartRequest extends HttpServletRequestWrapper {

    private final MultipartParser parser;
    private List<Part> parts;
    private Exception failure;
    private Map<String, String[]> parameters;

    MultipartRequest(HttpServletRequest request, MultipartParser parser) {
        super(request);
        this.parser = parser;
    }

    @Override
    public Collection<Part> getParts() throws IOException {
        return parsed();
    }

    @Override
    public Part getPart(String name) throws IOException {
        for (Part part : parsed()) {
            if (part.getName().equals(name)) {
                return part;
            }
        }
        return null;
    }

    private List<Part> parsed() throws IOException {
        if (failure instanceof IOException e) {
            throw e;
        }
        if (failure instanceof RuntimeException e) {
            throw e;
        }
        if (parts == null) {
            try {
                parts = Collections.unmodifiableList(parser.parse(
                        getRequest().getInputStream(),
                        getContentType(),
                        getContentLengthLong(),
                        charset().name()));
            } catch (IOException | RuntimeException e) {
                failure = e;
                throw e;
            }
        }
        return parts;
    }

    /** Whether {@code e} is, or was caused by, the failure to read this request's parts. */
    boolean failedWith(Throwable e) {
        for (Throwable t = e; t != null && failure != null; t = t.getCause()) {
            if (t == failure) {
                return true;
            }
        }
        return false;
    }

    Exception failure() {
        return failure;
    }

    /** Deletes the parts' temporary files, once the request is over. */
    void delete() {
        if (parts != null) {
            for (Part part : parts) {
                try {
                    part.delete();
                } catch (IOException e) {
                    // A file that cannot be deleted now is left to the temporary directory's cleaning.
                }
            }
        }
    }

    @Override
    public String getParameter(String name) {
        String[] values = parameters().get(name);
        return values == null ? null : values[0];
    }

    @Override
    public String[] getParameterValues(String name) {
        String[] values = parameters().get(name);
        return values == null ? null : values.clone();
    }

    @Override
    public Enumeration<String> getParameterNames() {
        return Collections.enumeration(parameters().keySet());
    }

    @Override
    public Map<String, String[]> getParameterMap() {
        return Collections.unmodifiableMap(parameters());
    }

    private Map<String, String[]> parameters() {
        if (parameters == null) {
            List<Part> read;
            try {
                read = parsed();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            // The body has been read through getInputStream(): Tomcat's own parameters are now
            // those of the query string alone (it does not parse a body that was read).
            var all = new LinkedHashMap<String, List<String>>();
            super.getParameterMap()
                    .forEach((k, v) ->
                            all.computeIfAbsent(k, x -> new ArrayList<>()).addAll(List.of(v)));
            // The parser has held the text fields to the form size limit.
            for (Part part : read) {
                if (part.getSubmittedFileName() == null) {
                    all.computeIfAbsent(part.getName(), x -> new ArrayList<>()).add(text(part));
                }
            }
            var map = new LinkedHashMap<String, String[]>();
            all.forEach((k, v) -> map.put(k, v.toArray(String[]::new)));
            parameters = map;
        }
        return parameters;
    }

    private String text(Part part) {
        try (InputStream in = part.getInputStream()) {
            return new String(in.readAllBytes(), charset());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Charset charset() {
        String encoding = getCharacterEncoding();
        try {
            return encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
        } catch (IllegalArgumentException e) {
            return StandardCharsets.UTF_8;
        }
    }
}
