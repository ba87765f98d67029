package dev.k3slab.report;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/** How the report writes durations, instants and anchors: one place, so HTML and Markdown agree. */
final class Formats {
    private Formats() {
    }

    /** A duration for people: {@code 850 ms}, {@code 12.3 s}, {@code 4 m 05 s}, {@code 2 h 03 m}. */
    static String duration(long millis) {
        if (millis < 0) {
            return "—";
        }
        if (millis < 1_000) {
            return millis + " ms";
        }
        if (millis < 60_000) {
            return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
        }
        long seconds = millis / 1000;
        if (seconds < 3600) {
            return String.format(Locale.ROOT, "%d m %02d s", seconds / 60, seconds % 60);
        }
        return String.format(Locale.ROOT, "%d h %02d m", seconds / 3600, seconds % 3600 / 60);
    }

    /** An instant to the second, in UTC ({@code 2026-02-22T06:30:00Z}); a dash when unknown. */
    static String instant(Instant at) {
        return at == null ? "—" : at.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /** An id usable as an HTML fragment: lower case letters, digits and dashes. */
    static String anchor(String prefix, String id) {
        String safe = id == null ? "" : id.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
        return prefix + "-" + safe;
    }

    /** The anchor of an experiment's section, the target of every link to it. */
    static String experimentAnchor(String experimentId) {
        return anchor("exp", experimentId);
    }

    static String orDash(String s) {
        return s == null || s.isBlank() ? "—" : s;
    }
}
