package org.supportdesk.system;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Timestamps as the API writes them: RFC 3339 in UTC with milliseconds and a `Z`, fixed width
 * (2026-11-25T17:16:59.296Z), written and read by hand for speed (see JsonConfig); the JSON
 * mapper and the exports use it.
 */
public final class Timestamps {

    private Timestamps() {}

    public static String format(Instant instant) {
        LocalDateTime t = LocalDateTime.ofEpochSecond(instant.getEpochSecond(), instant.getNano(), ZoneOffset.UTC);
        int year = t.getYear();
        if (year < 0 || year > 9999) {
            return instant.toString();
        }
        char[] c = new char[24];
        digits(c, 0, year, 4);
        c[4] = '-';
        digits(c, 5, t.getMonthValue(), 2);
        c[7] = '-';
        digits(c, 8, t.getDayOfMonth(), 2);
        c[10] = 'T';
        digits(c, 11, t.getHour(), 2);
        c[13] = ':';
        digits(c, 14, t.getMinute(), 2);
        c[16] = ':';
        digits(c, 17, t.getSecond(), 2);
        c[19] = '.';
        digits(c, 20, t.getNano() / 1_000_000, 3);
        c[23] = 'Z';
        return new String(c);
    }

    private static void digits(char[] c, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            c[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }

    /** Our own fixed-width form fast, anything else ISO-8601 through {@link Instant#parse}. */
    public static Instant parse(String s) {
        if (s.length() == 24
                && s.charAt(4) == '-'
                && s.charAt(10) == 'T'
                && s.charAt(19) == '.'
                && s.charAt(23) == 'Z') {
            try {
                return LocalDateTime.of(
                                num(s, 0, 4),
                                num(s, 5, 2),
                                num(s, 8, 2),
                                num(s, 11, 2),
                                num(s, 14, 2),
                                num(s, 17, 2),
                                num(s, 20, 3) * 1_000_000)
                        .toInstant(ZoneOffset.UTC);
            } catch (RuntimeException notOurs) {
                return Instant.parse(s);
            }
        }
        return Instant.parse(s);
    }

    private static int num(String s, int at, int width) {
        int value = 0;
        for (int i = at; i < at + width; i++) {
            char ch = s.charAt(i);
            if (ch < '0' || ch > '9') {
                throw new NumberFormatException(s);
            }
            value = value * 10 + (ch - '0');
        }
        return value;
    }
}
