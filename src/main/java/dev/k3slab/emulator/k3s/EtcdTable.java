package dev.k3slab.emulator.k3s;

import java.util.List;

/**
 * etcdctl's {@code -w table}: olekukonko/tablewriter v0.0.5 with right-aligned cells, headers
 * centred (odd leftover space to the right), one space of padding, width = widest cell.
 */
final class EtcdTable {
    private EtcdTable() {
    }

    static String render(List<String> headers, List<List<String>> rows) {
        int[] w = new int[headers.size()];
        for (int i = 0; i < w.length; i++) {
            w[i] = headers.get(i).length();
            for (List<String> r : rows) {
                w[i] = Math.max(w[i], r.get(i).length());
            }
        }
        StringBuilder border = new StringBuilder("+");
        for (int width : w) {
            border.append("-".repeat(width + 2)).append('+');
        }
        StringBuilder sb = new StringBuilder();
        sb.append(border).append('\n');
        sb.append('|');
        for (int i = 0; i < w.length; i++) {
            String h = headers.get(i);
            int gap = w[i] - h.length();
            int left = gap / 2;
            sb.append(' ').append(" ".repeat(left)).append(h).append(" ".repeat(gap - left)).append(" |");
        }
        sb.append('\n').append(border).append('\n');
        for (List<String> r : rows) {
            sb.append('|');
            for (int i = 0; i < w.length; i++) {
                String c = r.get(i);
                sb.append(' ').append(" ".repeat(w[i] - c.length())).append(c).append(" |");
            }
            sb.append('\n');
        }
        if (!rows.isEmpty()) {
            sb.append(border).append('\n');
        }
        return sb.toString();
    }

    /** go-humanize {@code Bytes}: SI units, one decimal below 10 ({@code 4.1 MB}, {@code 25 kB}). */
    static String humanBytes(long n) {
        if (n < 10) {
            return n + " B";
        }
        String[] units = {"B", "kB", "MB", "GB", "TB", "PB", "EB"};
        int e = (int) Math.floor(Math.log(n) / Math.log(1000));
        double val = Math.floor(n / Math.pow(1000, e) * 10 + 0.5) / 10;
        return val < 10 ? String.format(java.util.Locale.ROOT, "%.1f %s", val, units[e])
                : String.format(java.util.Locale.ROOT, "%.0f %s", val, units[e]);
    }

    /** Go's {@code time.Duration.String} for durations under a second ({@code 7.305542ms}). */
    static String goDuration(long nanos) {
        if (nanos < 1_000) {
            return nanos + "ns";
        }
        String unit = nanos < 1_000_000 ? "µs" : "ms";
        long div = nanos < 1_000_000 ? 1_000 : 1_000_000;
        String frac = String.format(java.util.Locale.ROOT, "%0" + (div == 1_000 ? 3 : 6) + "d", nanos % div)
                .replaceFirst("0+$", "");
        return (nanos / div) + (frac.isEmpty() ? "" : "." + frac) + unit;
    }
}
