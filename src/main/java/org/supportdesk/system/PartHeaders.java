package org.supportdesk.system;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.tomcat.util.http.fileupload.FileItemHeaders;
import org.apache.tomcat.util.http.fileupload.ParameterParser;

/**
 * The header block of one part of a multipart/form-data body, judged. Tomcat's parser skips,
 * without a word, a part it cannot name: no Content-Disposition, a disposition other than
 * `form-data` (`attachment; name="files"; filename="a.pdf"`), no `name`. It reads a nested
 * multipart/mixed part (RFC 2388's several files in one field) and keeps only its parts that have
 * a file name. It ignores a part's Content-Transfer-Encoding (a base64 file would be stored as
 * base64 text) and its charset, skips header lines without a colon, and takes the last of two
 * `name` parameters (or the last of `filename` and `filename*`). Each of these is a {@link Problem} here (RFC 7578 allows none of them), so that
 * the request is refused instead of losing the part.
 *
 * <p>A part that passes is named as Tomcat names it: the same parameter parser (quotes, RFC 2231
 * `name*=`, RFC 2047 encoded words), so the endpoints see the names and file names they always saw.
 */
record PartHeaders(String name, String fileName, String contentType, Problem problem) {

    /** What a part is called in a problem's loc when it has no usable name: its place in the body. */
    static final String PARTS = "parts";

    private static final Set<String> IDENTITY_ENCODINGS = Set.of("7bit", "8bit", "binary");
    private static final int SHOWN = 60;

    static PartHeaders of(int index, String raw, FileItemHeaders headers) {
        String disposition = headers.getHeader("Content-Disposition");
        String contentType = headers.getHeader("Content-Type");
        Map<String, String> params = parameters(disposition);
        String name = params.get("name") == null ? null : params.get("name").trim();
        PartNames.requireWhole(disposition, name == null ? "(no name)" : name);
        List<Object> loc = name == null || name.isEmpty() ? List.of("body", PARTS, index) : List.of("body", name);
        String fileName = fileName(params);
        Issue issue = issue(raw, headers, disposition, name, fileName, contentType);
        return new PartHeaders(
                name, fileName, contentType, issue == null ? null : new Problem(loc, issue.msg(), issue.type()));
    }

    private record Issue(String msg, String type) {}

    private static Issue issue(
            String raw, FileItemHeaders headers, String disposition, String name, String fileName, String contentType) {
        String twice = repeated(headers, "Content-Disposition", "Content-Type", "Content-Transfer-Encoding");
        if (twice != null) {
            return new Issue("Part has " + twice + " twice: which one is meant?", "header_repeated");
        }
        if (hasLineWithoutColon(raw)) {
            return new Issue("Part has a header line without a colon, which would be ignored", "header_malformed");
        }
        if (disposition == null) {
            return new Issue(
                    "Part has no Content-Disposition header: a part of multipart/form-data says"
                            + " 'Content-Disposition: form-data; name=\"...\"' (RFC 7578)",
                    "part_disposition");
        }
        String type = disposition.split(";", 2)[0].trim();
        if (!type.equalsIgnoreCase("form-data")) {
            return new Issue(
                    "Part is sent as Content-Disposition '" + shown(type) + "', not 'form-data', so it would be"
                            + " left out: send it as 'form-data; name=\"...\""
                            + (fileName == null ? "" : "; filename=\"...\"")
                            + "' (RFC 7578)",
                    "part_disposition");
        }
        String repeatedParameter = repeatedParameter(disposition);
        if (repeatedParameter != null) {
            return new Issue(
                    "Part's Content-Disposition gives '" + repeatedParameter + "' twice: which one is meant?",
                    "part_name");
        }
        if (name == null || name.isEmpty()) {
            return new Issue("Part has no name: its Content-Disposition needs 'name=\"...\"'", "part_name");
        }
        Issue twoFileNames = twoFileNames(disposition);
        if (twoFileNames != null) {
            return twoFileNames;
        }
        if (contentType != null && contentType.trim().toLowerCase(Locale.ROOT).startsWith("multipart/")) {
            return new Issue(
                    "Part is itself multipart (" + shown(contentType.split(";", 2)[0].trim())
                            + ", RFC 2388's way of sending several files in one field), which is not read: send each"
                            + " file as a part of its own with the same name (RFC 7578)",
                    "part_nested");
        }
        String encoding = headers.getHeader("Content-Transfer-Encoding");
        if (encoding != null && !IDENTITY_ENCODINGS.contains(encoding.trim().toLowerCase(Locale.ROOT))) {
            return new Issue(
                    "Part has Content-Transfer-Encoding '" + shown(encoding.trim())
                            + "', which is not decoded (its bytes would be kept encoded): send the bytes as they are"
                            + " (RFC 7578)",
                    "part_encoding");
        }
        String charset = charset(contentType);
        if (fileName == null && charset != null && !isUtf8(charset)) {
            return new Issue(
                    "Text field is declared as charset '" + shown(charset)
                            + "'; text fields are read as UTF-8: send UTF-8",
                    "part_charset");
        }
        return null;
    }

    static boolean isUtf8(String charset) {
        String c = charset.trim().toLowerCase(Locale.ROOT);
        return c.equals("utf-8") || c.equals("utf8") || c.equals("us-ascii");
    }

    /** As Tomcat reads them (FileUploadBase): names lower-cased, `name*=` decoded into `name`. */
    private static Map<String, String> parameters(String disposition) {
        var parser = new ParameterParser();
        parser.setLowerCaseNames(true);
        return parser.parse(disposition, ';');
    }

    /** As Tomcat's ApplicationPart gives it; "" when the parameter has no value. */
    private static String fileName(Map<String, String> params) {
        if (!params.containsKey("filename")) {
            return null;
        }
        String value = params.get("filename");
        return value == null ? "" : value.trim();
    }

    /**
     * `filename` beside `filename*` naming another file. RFC 7578 4.2 says `filename*` is not used
     * in multipart/form-data, and the layers disagree on which one counts: Tomcat's Part takes the
     * last of the two, Spring's MultipartFile the `filename*` (so an import could pick its format
     * by one name and record the other). The same name twice, as a careful client sends it, passes.
     */
    private static Issue twoFileNames(String disposition) {
        String plain = null;
        String extended = null;
        for (String item : parameterItems(disposition)) {
            String key = parameterName(item);
            if (key.equals("filename")) {
                plain = fileName(parameters("form-data; " + item));
            } else if (key.equals("filename*")) {
                extended = fileName(parameters("form-data; " + item));
            }
        }
        if (plain == null || extended == null || plain.equals(extended)) {
            return null;
        }
        return new Issue(
                "Part's Content-Disposition names two files, filename '" + shown(plain) + "' and filename* '"
                        + shown(extended) + "': which one is meant? Send the name in filename alone (RFC 7578"
                        + " 4.2: filename* is not used in multipart/form-data)",
                "part_name");
    }

    private static String charset(String contentType) {
        if (contentType == null) {
            return null;
        }
        var parser = new ParameterParser();
        parser.setLowerCaseNames(true);
        return parser.parse(contentType, ';').get("charset");
    }

    private static String repeated(FileItemHeaders headers, String... names) {
        for (String name : names) {
            Iterator<String> values = headers.getHeaders(name);
            if (values.hasNext() && values.next() != null && values.hasNext()) {
                return name;
            }
        }
        return null;
    }

    /**
     * A parameter of the disposition given twice (Tomcat keeps the last), counting `name*` as
     * `name`. `filename` with `filename*` is RFC 6266's fallback pair, not a repeat: {@link
     * #twoFileNames} judges it.
     */
    private static String repeatedParameter(String disposition) {
        var seen = new ArrayList<String>();
        for (String item : parameterItems(disposition)) {
            String parameter = parameterName(item);
            String key = parameter.equals("filename*") ? parameter : parameter.replace("*", "");
            if (seen.contains(key)) {
                return key;
            }
            seen.add(key);
        }
        return null;
    }

    /** The parameters of a header value as written (`name="a"`), skipping its first item (the type). */
    private static List<String> parameterItems(String value) {
        var items = new ArrayList<String>();
        boolean quoted = false;
        int start = -1; // no item is read until the first ';' outside quotes
        for (int i = 0; i <= value.length(); i++) {
            char c = i < value.length() ? value.charAt(i) : ';';
            if (quoted && c == '\\') {
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && c == ';') {
                if (start >= 0 && !parameterName(value.substring(start, i)).isEmpty()) {
                    items.add(value.substring(start, i).trim());
                }
                start = i + 1;
            }
        }
        return items;
    }

    /** A parameter's name, lower-cased. */
    private static String parameterName(String item) {
        int eq = item.indexOf('=');
        return (eq < 0 ? item : item.substring(0, eq)).trim().toLowerCase(Locale.ROOT);
    }

    private static boolean hasLineWithoutColon(String raw) {
        for (String line : raw.split("\r\n")) {
            if (!line.isEmpty() && line.charAt(0) != ' ' && line.charAt(0) != '\t' && line.indexOf(':') < 0) {
                return true;
            }
        }
        return false;
    }

    private static String shown(String text) {
        String clean = text.replaceAll("\\p{Cntrl}", "?");
        return clean.length() > SHOWN ? clean.substring(0, SHOWN) + "..." : clean;
    }
}
