package org.supportdesk.classification;

/** A classification rules file that cannot be used; the message names the key, line and problem. */
public final class RulesFormatException extends RuntimeException {

    RulesFormatException(String message) {
        super(message);
    }

    RulesFormatException(String message, Throwable cause) {
        super(message, cause);
    }

    static RulesFormatException at(String where, String problem) {
        return new RulesFormatException("Invalid classification rules: " + where + ": " + problem);
    }
}
