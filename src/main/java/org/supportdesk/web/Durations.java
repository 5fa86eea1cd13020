package org.supportdesk.web;

import java.time.Duration;

/** A duration as people say it: "3 h 20 min", "2 d 4 h". */
final class Durations {

    private Durations() {}

    static String words(Duration d) {
        if (d == null) {
            return null;
        }
        long minutes = d.toMinutes();
        if (minutes < 1) {
            return d.toSeconds() + " s";
        }
        if (minutes < 60) {
            return minutes + " min";
        }
        long hours = d.toHours();
        if (hours < 24) {
            return hours + " h " + (minutes % 60) + " min";
        }
        return d.toDays() + " d " + (hours % 24) + " h";
    }

    /** A share in percent, "–" when there is nothing to share. */
    static String percent(long part, long whole) {
        return whole == 0 ? "–" : Math.round(100.0 * part / whole) + " %";
    }
}
