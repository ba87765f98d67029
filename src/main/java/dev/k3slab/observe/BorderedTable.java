package dev.k3slab.observe;

import dev.k3slab.observe.Lines.Line;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * An etcdctl {@code -w table} (olekukonko/tablewriter): a {@code +---+} border, the header row, a
 * border, the data rows, a border. Cells are found between {@code |} characters and trimmed, so
 * padding (right-aligned cells, centred headers, or spaces collapsed to one) does not matter.
 * tablewriter wraps a long cell holding spaces onto extra lines whose key cell is empty; such a
 * line continues the row above.
 */
final class BorderedTable {
    private static final Pattern BORDER = Pattern.compile("\\+(?:-+\\+)+");

    /** One data row: the line it starts on and its cells by header name. */
    record Row(Line line, Map<String, Integer> columns, String[] cells) {
        String get(String header) {
            return cells[columns.get(header)];
        }
    }

    private BorderedTable() {
    }

    static boolean isBorder(String line) {
        return BORDER.matcher(line.strip()).matches();
    }

    /**
     * Reads a whole table from {@code lines} (nothing else may be there) and checks that every
     * column of {@code required} is in the header.
     */
    static List<Row> read(List<Line> lines, String format, List<String> required) {
        if (lines.isEmpty()) {
            throw Lines.empty(format);
        }
        if (lines.size() < 4) {
            throw Lines.at(format, lines.get(lines.size() - 1), "a table needs a border, a header row and two more borders");
        }
        expectBorder(lines.get(0), format);
        Line headerLine = lines.get(1);
        String[] headers = cells(headerLine, format, -1);
        Map<String, Integer> columns = new HashMap<>();
        for (int i = 0; i < headers.length; i++) {
            columns.put(headers[i], i);
        }
        for (String column : required) {
            if (!columns.containsKey(column)) {
                throw Lines.at(format, headerLine, "the header has no " + column + " column (expected " + String.join(" | ", required) + ")");
            }
        }
        expectBorder(lines.get(2), format);
        expectBorder(lines.get(lines.size() - 1), format);
        List<Row> rows = new ArrayList<>();
        for (Line line : lines.subList(3, lines.size() - 1)) {
            String[] cells = cells(line, format, headers.length);
            if (cells[0].isEmpty() && !rows.isEmpty()) {
                continueRow(rows.get(rows.size() - 1).cells(), cells);
            } else if (cells[0].isEmpty()) {
                throw Lines.at(format, line, "the first row has an empty " + headers[0] + " cell");
            } else {
                rows.add(new Row(line, columns, cells));
            }
        }
        return rows;
    }

    private static void continueRow(String[] row, String[] more) {
        for (int i = 0; i < row.length; i++) {
            if (!more[i].isEmpty()) {
                row[i] = row[i].isEmpty() ? more[i] : row[i] + " " + more[i];
            }
        }
    }

    private static void expectBorder(Line line, String format) {
        if (!isBorder(line.text())) {
            throw Lines.at(format, line, "expected a border line like +----+----+");
        }
    }

    private static String[] cells(Line line, String format, int expected) {
        String t = line.text().strip();
        if (t.length() < 2 || t.charAt(0) != '|' || t.charAt(t.length() - 1) != '|') {
            throw Lines.at(format, line, "expected a table row: | cell | cell |");
        }
        String[] cells = t.substring(1, t.length() - 1).split("\\|", -1);
        if (expected >= 0 && cells.length != expected) {
            throw Lines.at(format, line, "expected " + expected + " cells, found " + cells.length);
        }
        for (int i = 0; i < cells.length; i++) {
            cells[i] = cells[i].strip();
        }
        return cells;
    }
}
