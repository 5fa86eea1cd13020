package org.supportdesk.imports;

/** The first bytes of binary files people upload by mistake instead of CSV, JSON or XML. */
final class BinarySignatures {

    private BinarySignatures() {}

    /** What kind of binary file {@code b[0, n)} starts, or null if none we know. */
    static String kind(byte[] b, int n) {
        if (startsWith(b, n, 0x50, 0x4B, 0x03, 0x04) || startsWith(b, n, 0x50, 0x4B, 0x05, 0x06)) {
            return "a ZIP archive, e.g. an Excel .xlsx file";
        }
        if (startsWith(b, n, 0xD0, 0xCF, 0x11, 0xE0)) {
            return "an Office document, e.g. an Excel .xls file";
        }
        if (startsWith(b, n, 0x1F, 0x8B)) {
            return "gzip-compressed data";
        }
        if (startsWith(b, n, 0x89, 0x50, 0x4E, 0x47)) {
            return "a PNG image";
        }
        if (startsWith(b, n, 0xFF, 0xD8, 0xFF)) {
            return "a JPEG image";
        }
        if (startsWith(b, n, 0x25, 0x50, 0x44, 0x46)) {
            return "a PDF document";
        }
        return null;
    }

    private static boolean startsWith(byte[] b, int n, int... magic) {
        if (n < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((b[i] & 0xFF) != magic[i]) {
                return false;
            }
        }
        return true;
    }
}
