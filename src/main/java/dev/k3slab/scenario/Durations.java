package dev.k3slab.scenario;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as scenarios write them: {@code 30s}, {@code 5m}, {@code 1h30m}, {@code 500ms}; and
 * back into the same short form for progress lines and messages.
 */
public final class Durations {
    /** What a scenario may write, for messages. */
    public static final String FORMAT = "a duration such as 500ms, 30s, 5m or 1h30m";

    private static final Pattern SHAPE = Pattern.compile("(?:([0-9]+)h)?(?:([0-9]+)m(?!s))?(?:([0-9]+)s)?(?:([0-9]+)ms)?");

    private Durations() {
    }

    /** The duration written as {@code text}; empty when it has another shape or is zero. */
    public static Optional<Duration> parse(String text) {
        Matcher m = SHAPE.matcher(text.trim());
        if (text.isBlank() || !m.matches()) {
            return Optional.empty();
        }
        Duration d = Duration.ofHours(part(m, 1)).plusMinutes(part(m, 2)).plusSeconds(part(m, 3)).plusMillis(part(m, 4));
        return d.isZero() ? Optional.empty() : Optional.of(d);
    }

    private static long part(Matcher m, int group) {
        return m.group(group) == null ? 0 : Long.parseLong(m.group(group));
    }

    /** {@code 1h30m}, {@code 2m5s}, {@code 35s}, {@code 250ms}. */
    public static String format(Duration d) {
        if (d.compareTo(Duration.ofSeconds(1)) < 0 && !d.isZero()) {
            return d.toMillis() + "ms";
        }
        long s = d.getSeconds();
        StringBuilder sb = new StringBuilder();
        if (s >= 3600) {
            sb.append(s / 3600).append('h');
        }
        if (s % 3600 >= 60) {
            sb.append(s % 3600 / 60).append('m');
        }
        if (s % 60 != 0 || s < 60) {
            sb.append(s % 60).append('s');
        }
        return sb.toString();
    }
}
