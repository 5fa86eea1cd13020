package org.supportdesk.system;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Strict decoding of percent-encoded UTF-8, for the checks that run before Tomcat decodes a query
 * or a path (whose own failures quote the values): QueryStringFilter and InvalidPaths for the API,
 * the workspace's check of its pages (web/) for people.
 */
public final class PercentEncoding {

    private PercentEncoding() {}

    /** As a form value is decoded (`+` is a space), strictly: null when it is not UTF-8. */
    public static String decode(String raw) {
        var bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                int high = i + 2 < raw.length() ? Character.digit(raw.charAt(i + 1), 16) : -1;
                int low = high < 0 ? -1 : Character.digit(raw.charAt(i + 2), 16);
                if (low < 0) {
                    return null;
                }
                bytes.write(high << 4 | low);
                i += 2;
            } else if (c == '+') {
                bytes.write(' ');
            } else if (c < 0x80) {
                bytes.write(c);
            } else {
                // Tomcat refuses raw non-ASCII in the request line; were it let through, as UTF-8.
                int codePoint = raw.codePointAt(i);
                bytes.writeBytes(Character.toString(codePoint).getBytes(StandardCharsets.UTF_8));
                i += Character.charCount(codePoint) - 1;
            }
        }
        return StrictUtf8.decodeOrNull(bytes.toByteArray());
    }

    /**
     * The names of the parameters of {@code query} whose name or value does not decode, each as far
     * as it can be read (a name that does not decode itself is "?"), in order, at most once each.
     */
    public static List<String> notText(String query) {
        var names = new ArrayList<String>();
        if (query == null || query.indexOf('%') < 0) {
            // Without an escape, the query is ASCII (Tomcat refuses raw bytes above 127) and decodes.
            return names;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            if (name == null || (eq >= 0 && decode(pair.substring(eq + 1)) == null)) {
                String shown = name == null ? "?" : name;
                if (!names.contains(shown)) {
                    names.add(shown);
                }
            }
        }
        return names;
    }
}
