package dev.k3slab.observe;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * kubectl's AGE column: {@code HumanDuration} of apimachinery v0.27.9 ({@code pkg/util/duration}),
 * and the way back from a printed AGE to the least number of seconds it can stand for.
 */
final class HumanDuration {
    static final String FORMAT = "kubectl AGE (apimachinery HumanDuration)";

    // One or two "<number><unit>" parts; HumanDuration never prints more.
    private static final Pattern AGE = Pattern.compile("(\\d{1,18})([smhdy])(?:(\\d{1,18})([smhdy]))?");
    private static final long MINUTE = 60;
    private static final long HOUR = 60 * MINUTE;
    private static final long DAY = 24 * HOUR;
    private static final long YEAR = 365 * DAY;

    private HumanDuration() {
    }

    /** Formats {@code d} exactly as kubectl prints AGE. Go truncates every unit toward zero. */
    static String format(Duration d) {
        long seconds = truncatedSeconds(d);
        if (seconds < -1) {
            return "<invalid>";
        } else if (seconds < 0) {
            return "0s";
        } else if (seconds < 2 * MINUTE) {
            return seconds + "s";
        }
        long minutes = seconds / MINUTE;
        if (minutes < 10) {
            long s = seconds % MINUTE;
            return s == 0 ? minutes + "m" : minutes + "m" + s + "s";
        } else if (minutes < 3 * 60) {
            return minutes + "m";
        }
        long hours = seconds / HOUR;
        if (hours < 8) {
            long m = minutes % 60;
            return m == 0 ? hours + "h" : hours + "h" + m + "m";
        } else if (hours < 48) {
            return hours + "h";
        } else if (hours < 24 * 8) {
            long h = hours % 24;
            return h == 0 ? hours / 24 + "d" : hours / 24 + "d" + h + "h";
        } else if (hours < 24 * 365 * 2) {
            return hours / 24 + "d";
        } else if (hours < 24 * 365 * 8) {
            long dy = hours / 24 % 365;
            return dy == 0 ? hours / 24 / 365 + "y" : hours / 24 / 365 + "y" + dy + "d";
        }
        return hours / 24 / 365 + "y";
    }

    /**
     * The least number of whole seconds that {@code age} can stand for ({@code 3m48s} → 228,
     * {@code 14m} → 840). Only what {@link #format} can print is accepted: the lower bound must
     * format back to {@code age}.
     *
     * @return the lower bound, or -1 when {@code age} is not something kubectl prints
     */
    static long lowerBoundOrMinusOne(String age) {
        Matcher m = AGE.matcher(age);
        if (!m.matches()) {
            return -1;
        }
        try {
            long seconds = Math.multiplyExact(Long.parseLong(m.group(1)), unit(m.group(2)));
            if (m.group(3) != null) {
                seconds = Math.addExact(seconds, Math.multiplyExact(Long.parseLong(m.group(3)), unit(m.group(4))));
            }
            return format(Duration.ofSeconds(seconds)).equals(age) ? seconds : -1;
        } catch (ArithmeticException tooLarge) {
            return -1;
        }
    }

    static long lowerBound(String age) {
        long seconds = lowerBoundOrMinusOne(age);
        if (seconds < 0) {
            throw new ParseException(FORMAT, 1, age, "not an AGE kubectl prints (expected e.g. 17s, 3m48s, 14m, 3h5m, 19h, 2d3h, 10d, 2y10d)");
        }
        return seconds;
    }

    private static long unit(String u) {
        return switch (u) {
            case "s" -> 1;
            case "m" -> MINUTE;
            case "h" -> HOUR;
            case "d" -> DAY;
            default -> YEAR;
        };
    }

    // Go's int(d.Seconds()) truncates toward zero; Duration.getSeconds() floors.
    private static long truncatedSeconds(Duration d) {
        long s = d.getSeconds();
        return s < 0 && d.getNano() > 0 ? s + 1 : s;
    }
}
