package dev.k3slab.emulator.k3s;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Test-side readers of the model's tables, columns by header name (the project's parsers are another helper's). */
final class Tables {
    private Tables() {
    }

    /** kubectl's aligned table: each column starts where its header starts. */
    static List<Map<String, String>> kubectl(String text) {
        String[] lines = text.split("\n");
        String header = lines[0];
        List<String> names = new ArrayList<>();
        List<Integer> starts = new ArrayList<>();
        for (int i = 0; i < header.length(); i++) {
            if (header.charAt(i) != ' ' && (i == 0 || header.charAt(i - 1) == ' ')) {
                starts.add(i);
                int end = header.indexOf(' ', i);
                names.add(header.substring(i, end < 0 ? header.length() : end));
            }
        }
        List<Map<String, String>> rows = new ArrayList<>();
        for (int l = 1; l < lines.length; l++) {
            Map<String, String> row = new LinkedHashMap<>();
            for (int c = 0; c < names.size(); c++) {
                int from = starts.get(c);
                int to = c + 1 < starts.size() ? starts.get(c + 1) : lines[l].length();
                row.put(names.get(c), lines[l].substring(Math.min(from, lines[l].length()), Math.min(to, lines[l].length())).trim());
            }
            rows.add(row);
        }
        return rows;
    }

    /** etcdctl's bordered table. */
    static List<Map<String, String>> etcd(String text) {
        List<String> data = text.lines().filter(l -> l.startsWith("|")).toList();
        List<String> header = cells(data.get(0));
        List<Map<String, String>> rows = new ArrayList<>();
        for (String line : data.subList(1, data.size())) {
            List<String> cells = cells(line);
            Map<String, String> row = new LinkedHashMap<>();
            for (int i = 0; i < header.size(); i++) {
                row.put(header.get(i), cells.get(i));
            }
            rows.add(row);
        }
        return rows;
    }

    private static List<String> cells(String line) {
        String[] parts = line.split("\\|", -1);
        List<String> cells = new ArrayList<>();
        for (int i = 1; i < parts.length - 1; i++) {
            cells.add(parts[i].trim());
        }
        return cells;
    }

    static Map<String, String> row(List<Map<String, String>> rows, String column, String value) {
        return rows.stream().filter(r -> value.equals(r.get(column))).findFirst()
                .orElseThrow(() -> new AssertionError("no row with " + column + "=" + value + " in " + rows));
    }

    static List<String> column(List<Map<String, String>> rows, String column) {
        return rows.stream().map(r -> r.get(column)).toList();
    }
}
