package dev.k3slab.observe;

import dev.k3slab.observe.Lines.Line;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A kubectl text table read into cells by header name. Two shapes are read:
 * <ul>
 *   <li>as kubectl prints it: Go tabwriter with padding 3, so every column starts where its header
 *       starts and cells may hold single spaces ({@code Ubuntu 22.04.5 LTS});</li>
 *   <li>with runs of spaces collapsed to one (copied from a web page, as in the seed write-up): then
 *       every cell is one word except the one column allowed to hold spaces, which takes the words
 *       its neighbours leave over.</li>
 * </ul>
 * The header tells the two apart: an aligned header has at least two spaces between names.
 */
final class KubectlTable {

    /** One data row: its line and its cells, looked up by header name. */
    record Row(Line line, Map<String, Integer> columns, String[] cells) {
        /** The cell under {@code header}, or null when the table has no such column. */
        String get(String header) {
            Integer i = columns.get(header);
            return i == null ? null : cells[i];
        }
    }

    /** The header names in order, and the data rows. */
    record Table(List<String> headers, List<Row> rows) {
        boolean has(String header) {
            return headers.contains(header);
        }
    }

    private KubectlTable() {
    }

    /**
     * Reads {@code lines} (the first is the header) into a table.
     *
     * @param spacey the one column whose cells may hold spaces in the collapsed shape, or null
     */
    static Table read(List<Line> lines, String format, String spacey) {
        if (lines.isEmpty()) {
            throw Lines.empty(format);
        }
        Line headerLine = lines.get(0);
        List<String> headers = new ArrayList<>();
        List<Integer> starts = new ArrayList<>();
        String h = headerLine.text();
        for (int i = 0; i < h.length(); ) {
            if (Character.isWhitespace(h.charAt(i))) {
                i++;
                continue;
            }
            int end = i;
            while (end < h.length() && !Character.isWhitespace(h.charAt(end))) {
                end++;
            }
            starts.add(i);
            headers.add(h.substring(i, end));
            i = end;
        }
        Map<String, Integer> columns = new HashMap<>();
        for (int i = 0; i < headers.size(); i++) {
            if (columns.put(headers.get(i), i) != null) {
                throw Lines.at(format, headerLine, "column " + headers.get(i) + " appears twice in the header");
            }
        }
        boolean aligned = h.strip().contains("  ");
        int[] at = starts.stream().mapToInt(Integer::intValue).toArray();
        int spaceyIndex = spacey == null ? -1 : columns.getOrDefault(spacey, -1);
        List<Row> rows = new ArrayList<>(lines.size() - 1);
        for (Line line : lines.subList(1, lines.size())) {
            String[] cells = aligned
                    ? alignedCells(line, at, headers, format)
                    : collapsedCells(line, headers, spaceyIndex, format);
            rows.add(new Row(line, columns, cells));
        }
        return new Table(List.copyOf(headers), rows);
    }

    private static String[] alignedCells(Line line, int[] starts, List<String> headers, String format) {
        String t = line.text();
        String[] cells = new String[starts.length];
        for (int i = 0; i < starts.length; i++) {
            int start = starts[i];
            if (t.length() <= start || t.charAt(start) == ' ' || (i > 0 && t.charAt(start - 1) != ' ')) {
                throw Lines.at(format, line, "no cell starts under column " + headers.get(i)
                        + " (character " + (start + 1) + "); expected the columns aligned under the header");
            }
            int end = i + 1 < starts.length ? Math.min(starts[i + 1], t.length()) : t.length();
            cells[i] = t.substring(start, end).strip();
        }
        return cells;
    }

    private static String[] collapsedCells(Line line, List<String> headers, int spacey, String format) {
        String[] words = line.text().strip().split("\\s+");
        int n = headers.size();
        if (words.length == n) {
            return words;
        }
        if (words.length < n || spacey < 0) {
            throw Lines.at(format, line, "expected " + n + " cells (" + String.join(" ", headers) + "), found "
                    + (line.isBlank() ? 0 : words.length));
        }
        String[] cells = new String[n];
        System.arraycopy(words, 0, cells, 0, spacey);
        int after = n - spacey - 1;
        System.arraycopy(words, words.length - after, cells, spacey + 1, after);
        cells[spacey] = String.join(" ", Arrays.copyOfRange(words, spacey, words.length - after));
        return cells;
    }
}
