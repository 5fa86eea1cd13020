package org.supportdesk.security;

import java.util.List;
import org.supportdesk.system.Problem;
import org.supportdesk.system.StorableText;

/**
 * The name of an agent or an API key, shown as the actor in every history entry: trimmed, at most
 * {@value #MAX} characters counted as code points (an emoji is one, as in comments and tickets),
 * text every database stores as sent (no NUL, no lone surrogate), and no control character within
 * it: a line break in an actor's name would forge a line of every log and list that shows it.
 */
final class Names {

    static final int MAX = 100;

    private Names() {}

    /** {@code raw} trimmed, with its problem at {@code field} added when it has one; an empty one is the caller's to judge. */
    static String clean(String raw, String field, List<Problem> problems) {
        // Checked before trimming: a trailing NUL would otherwise be dropped silently.
        Problem unstorable = StorableText.check(raw, field);
        if (unstorable != null) {
            problems.add(unstorable);
            return "";
        }
        String clean = raw.strip();
        if (clean.codePoints().anyMatch(Character::isISOControl)) {
            problems.add(Problem.body(
                    "Name should not contain a control character (a line break, a tab...)", "value_error", field));
        } else if (clean.codePointCount(0, clean.length()) > MAX) {
            problems.add(Problem.body("String should have at most " + MAX + " characters", "string_too_long", field));
        }
        return clean;
    }
}
