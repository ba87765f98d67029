package dev.k3slab.observe;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Command output cut into numbered lines, so that a parser can quote the line it rejects and say
 * where it is. Lines end at {@code \n}; a {@code \r} before it is dropped; the empty piece after a
 * final newline is not a line.
 */
final class Lines {

    /** One line of input and its 1-based number. */
    record Line(int number, String text) {
        boolean isBlank() {
            return text.isBlank();
        }
    }

    private Lines() {
    }

    static List<Line> of(String text) {
        Objects.requireNonNull(text, "text");
        List<Line> lines = new ArrayList<>();
        int start = 0;
        int number = 1;
        while (start < text.length()) {
            int end = text.indexOf('\n', start);
            int next = end < 0 ? text.length() : end + 1;
            int stop = end < 0 ? text.length() : end;
            if (stop > start && text.charAt(stop - 1) == '\r') {
                stop--;
            }
            lines.add(new Line(number++, text.substring(start, stop)));
            start = next;
        }
        return lines;
    }

    /** The lines without blank ones at the start and the end (commands often end with an empty line). */
    static List<Line> trimmed(List<Line> lines) {
        int from = 0;
        int to = lines.size();
        while (from < to && lines.get(from).isBlank()) {
            from++;
        }
        while (to > from && lines.get(to - 1).isBlank()) {
            to--;
        }
        return lines.subList(from, to);
    }

    /**
     * Text made of {@code kept} at their own line numbers, every other line left empty: a parser
     * of the whole text (JSON) then reports the same line numbers as the original.
     */
    static String textOf(List<Line> kept) {
        StringBuilder sb = new StringBuilder();
        int next = 1;
        for (Line l : kept) {
            while (next < l.number()) {
                sb.append('\n');
                next++;
            }
            sb.append(l.text()).append('\n');
            next++;
        }
        return sb.toString();
    }

    /** The text of line {@code number} (1-based), or null when there is no such line. */
    static String lineAt(String text, int number) {
        List<Line> all = of(text);
        return number >= 1 && number <= all.size() ? all.get(number - 1).text() : null;
    }

    /** A ParseException for a whole input that is empty: the format expected is all there is to say. */
    static ParseException empty(String format) {
        return new ParseException(format, 0, null, "no output to read (expected " + format + " output)");
    }

    static ParseException at(String format, Line line, String problem) {
        return new ParseException(format, line.number(), line.text(), problem);
    }
}
