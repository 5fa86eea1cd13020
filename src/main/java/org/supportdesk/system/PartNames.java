package org.supportdesk.system;

/**
 * Refuses a multipart file whose name reached us cut. Tomcat reads a part's headers line by line,
 * so a raw line break inside a quoted file name (`filename="ab<CR><LF>cd.csv"`) ends the header
 * there: the name arrives as `"ab`, its closing quote and the rest lost, with no error. What is left
 * shows it: a quoted value that is never closed. Browsers percent-encode line breaks in file names,
 * so only a hand-made request has one; it gets a 400 rather than a file stored under a cut name.
 * MultipartParser checks every part so.
 */
final class PartNames {

    private PartNames() {}

    /** Throws {@link MalformedRequest} when {@code contentDisposition} has a quoted value left open. */
    static void requireWhole(String contentDisposition, String field) {
        if (contentDisposition != null && hasOpenQuote(contentDisposition)) {
            throw new MalformedRequest("The Content-Disposition of part '" + field
                    + "' has a quoted value that does not end on its line (a line break in the file name?),"
                    + " so its file name would be cut short; send the name without line breaks");
        }
    }

    private static boolean hasOpenQuote(String header) {
        boolean quoted = false;
        for (int i = 0; i < header.length(); i++) {
            char c = header.charAt(i);
            if (quoted && c == '\\') {
                i++; // a quoted-pair (RFC 9110): the next character is taken as it is
            } else if (c == '"') {
                quoted = !quoted;
            }
        }
        return quoted;
    }
}
