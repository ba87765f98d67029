package dev.k3slab.emulator.node;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * {@code date} by the lab clock, in UTC, in the en_US.UTF-8 locale of the lab VMs: the default
 * output is {@code Sun Feb 22 07:00:10 AM UTC 2026} (as in the source's monitor log). Supports
 * {@code +FORMAT}, {@code -u}, {@code -R}, {@code -I[date|seconds]} and {@code -d @EPOCH}.
 */
final class DateCommand {
    private DateCommand() {
    }

    static int run(CommandContext c, List<String> args) {
        Instant t = c.host().now();
        String format = "%a %b %e %r %Z %Y";
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.startsWith("+")) {
                format = a.substring(1);
            } else if (a.equals("-u") || a.equals("--utc") || a.equals("--universal")) {
                continue;
            } else if (a.equals("-R") || a.equals("--rfc-email")) {
                format = "%a, %d %b %Y %H:%M:%S %z";
            } else if (a.equals("-I") || a.equals("-Idate") || a.equals("--iso-8601") || a.equals("--iso-8601=date")) {
                format = "%Y-%m-%d";
            } else if (a.equals("-Iseconds") || a.equals("--iso-8601=seconds")) {
                format = "%Y-%m-%dT%H:%M:%S+00:00";
            } else if ((a.equals("-d") || a.equals("--date")) && i + 1 < args.size() && args.get(i + 1).matches("@\\d+")) {
                t = Instant.ofEpochSecond(Long.parseLong(args.get(++i).substring(1)));
            } else if (a.matches("(-d|--date=)@\\d+")) {
                t = Instant.ofEpochSecond(Long.parseLong(a.substring(a.indexOf('@') + 1)));
            } else {
                throw new NotModelledException("date " + String.join(" ", args));
            }
        }
        c.out(strftime(format, t.atZone(ZoneOffset.UTC)) + "\n");
        return 0;
    }

    static String strftime(String format, ZonedDateTime t) {
        return PercentFormat.expand(format, k -> switch (k) {
            case 'a' -> f(t, "EEE");
            case 'A' -> f(t, "EEEE");
            case 'b', 'h' -> f(t, "MMM");
            case 'B' -> f(t, "MMMM");
            case 'd' -> f(t, "dd");
            case 'e' -> f(t, "ppd");
            case 'H' -> f(t, "HH");
            case 'I' -> f(t, "hh");
            case 'k' -> f(t, "ppH");
            case 'l' -> f(t, "pph");
            case 'M' -> f(t, "mm");
            case 'S' -> f(t, "ss");
            case 'p' -> f(t, "a").toUpperCase(Locale.ROOT);
            case 'P' -> f(t, "a").toLowerCase(Locale.ROOT);
            case 'Y' -> f(t, "yyyy");
            case 'y' -> f(t, "yy");
            case 'm' -> f(t, "MM");
            case 'j' -> f(t, "DDD");
            case 'u' -> String.valueOf(t.getDayOfWeek().getValue());
            case 'w' -> String.valueOf(t.getDayOfWeek().getValue() % 7);
            case 'Z' -> "UTC";
            case 'z' -> "+0000";
            case 's' -> String.valueOf(t.toEpochSecond());
            case 'N' -> String.format("%09d", t.getNano());
            case 'F' -> f(t, "yyyy-MM-dd");
            case 'T' -> f(t, "HH:mm:ss");
            case 'R' -> f(t, "HH:mm");
            case 'D' -> f(t, "MM/dd/yy");
            case 'r' -> f(t, "hh:mm:ss ") + f(t, "a").toUpperCase(Locale.ROOT);
            case 'n' -> "\n";
            case 't' -> "\t";
            case '%' -> "%";
            default -> throw new NotModelledException("date format %" + k);
        });
    }

    private static String f(ZonedDateTime t, String pattern) {
        return DateTimeFormatter.ofPattern(pattern, Locale.ENGLISH).format(t);
    }
}
