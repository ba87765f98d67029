package dev.k3slab.observe;

import dev.k3slab.observe.Lines.Line;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** What every etcdctl output shares: its client's log lines, its error lines, its member IDs. */
final class Etcdctl {
    private static final Pattern HEX_ID = Pattern.compile("[0-9a-f]{1,16}");

    private Etcdctl() {
    }

    /**
     * The lines without the etcd client's own zap log lines ({@code {"level":"warn","ts":...}}),
     * which reach stderr (and so a merged capture) when an endpoint is slow or down.
     */
    static List<Line> withoutClientLogs(List<Line> lines) {
        List<Line> kept = new ArrayList<>(lines.size());
        for (Line l : lines) {
            if (!isClientLog(l)) {
                kept.add(l);
            }
        }
        return Lines.trimmed(kept);
    }

    private static boolean isClientLog(Line l) {
        return l.text().startsWith("{\"level\":");
    }

    /** Rejects etcdctl's own {@code Error: ...} line: the command failed and printed no output to read. */
    static void rejectError(List<Line> lines, String format) {
        for (Line l : lines) {
            if (l.text().startsWith("Error: ")) {
                throw Lines.at(format, l, "etcdctl reported an error instead of output");
            }
        }
    }

    /**
     * A member ID cell ({@code %x}: lower-case hex, no leading zeros) as the canonical hex string,
     * or null when the cell is not one.
     */
    static String hexId(String cell) {
        if (!HEX_ID.matcher(cell).matches()) {
            return null;
        }
        return Long.toHexString(Long.parseUnsignedLong(cell, 16));
    }

    static boolean isBoolean(String cell) {
        return cell.equals("true") || cell.equals("false");
    }

    /** Comma-joined URLs (PEER ADDRS, CLIENT ADDRS) as a list; an empty cell is an empty list. */
    static List<String> urls(String cell) {
        return cell.isEmpty() ? List.of() : List.of(cell.split(",", -1));
    }
}
