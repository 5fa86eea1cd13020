package org.supportdesk.system;

import java.util.regex.Pattern;

/**
 * What is wrong with a request path Tomcat refused before any filter saw it, in words a caller can
 * act on. Tomcat says only "Invalid URI" for a '%' without two hex digits, and nothing at all for
 * escapes that are not UTF-8 (%FF, or %ED%A0%80, a lone surrogate), which left those answered as
 * if the headers were broken.
 */
final class InvalidPaths {

    private static final Pattern BROKEN_ESCAPE = Pattern.compile("%(?![0-9A-Fa-f]{2})");

    private InvalidPaths() {}

    /** Why the raw (still percent-encoded) path is refused, or null when it is none of these. */
    static String why(String raw) {
        int query = raw.indexOf('?');
        String path = query < 0 ? raw : raw.substring(0, query);
        if (BROKEN_ESCAPE.matcher(path).find()) {
            return "a '%' must be followed by two hexadecimal digits (write a '%' itself as %25)";
        }
        // Decoded strictly as a query value is (QueryStringFilter): a '+' there is a space, which
        // changes nothing about whether the escapes are UTF-8.
        if (PercentEncoding.decode(path) == null) {
            return "its percent-escapes must encode UTF-8 text (%FF, or a lone surrogate such as %ED%A0%80, is not)";
        }
        return null;
    }
}
