package org.supportdesk.imports;

/** Finds our own exception when a parser library wrapped it. */
final class Causes {

    private Causes() {}

    static MalformedImportException find(Throwable e) {
        for (Throwable t = e; t != null && t != t.getCause(); t = t.getCause()) {
            if (t instanceof MalformedImportException m) {
                return m;
            }
        }
        return null;
    }

    static boolean tooLarge(Throwable e) {
        for (Throwable t = e; t != null && t != t.getCause(); t = t.getCause()) {
            if (t instanceof Utf8Text.RecordTooLarge) {
                return true;
            }
        }
        return false;
    }
}
