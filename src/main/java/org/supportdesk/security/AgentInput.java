package org.supportdesk.security;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.apache.commons.validator.routines.EmailValidator;
import org.supportdesk.system.InvalidRequest;
import org.supportdesk.system.Problem;
import org.supportdesk.system.StorableText;

/** What an agent's email, name and password must be: each check adds its problem, {@link #fail} reports them all. */
final class AgentInput {

    static final int MIN_PASSWORD = 12;
    // BCrypt reads at most 72 bytes; Spring Security refuses longer ones rather than cut them.
    static final int MAX_PASSWORD_BYTES = 72;

    private AgentInput() {}

    static String email(String email, List<Problem> problems) {
        Problem unstorable = email == null ? null : StorableText.check(email, "email");
        if (unstorable != null) {
            problems.add(unstorable);
            return "";
        }
        String clean = normal(email);
        if (clean.isEmpty()) {
            problems.add(Problem.body("Field required", "missing", "email"));
        } else if (clean.length() > 254 || !EmailValidator.getInstance().isValid(clean)) {
            problems.add(Problem.body("value is not a valid email address", "value_error", "email"));
        }
        return clean;
    }

    /**
     * An email address as accounts are stored and looked up: without the spaces around it (any
     * Unicode space, such as the ideographic one an input method types) and in lower case. Invitations,
     * sign-ins and their throttle all read an address so, or one address would be two.
     */
    static String normal(String email) {
        return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
    }

    static String name(String name, List<Problem> problems) {
        int before = problems.size();
        String clean = Names.clean(name == null ? "" : name, "name", problems);
        if (clean.isEmpty() && problems.size() == before) {
            problems.add(Problem.body("Field required", "missing", "name"));
        }
        return clean;
    }

    static void checkPassword(String password, List<Problem> problems) {
        // A lone surrogate would be hashed as '?': a password other than the one typed.
        Problem unstorable = password == null ? null : StorableText.check(password, "password");
        if (unstorable != null) {
            problems.add(unstorable);
        } else if (password == null || password.codePointCount(0, password.length()) < MIN_PASSWORD) {
            problems.add(Problem.body(
                    "Password should have at least " + MIN_PASSWORD + " characters", "string_too_short", "password"));
        } else if (password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            problems.add(Problem.body(
                    "Password should have at most " + MAX_PASSWORD_BYTES + " bytes (about 72 letters)",
                    "string_too_long",
                    "password"));
        }
    }

    static void fail(List<Problem> problems) {
        if (!problems.isEmpty()) {
            throw new InvalidRequest(problems);
        }
    }
}
