package dev.k3slab.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * A line diff of two texts in the unified format of {@code diff -u} (3 lines of context). Meant for
 * files of a few hundred lines, such as a Vagrantfile: it compares every line with every line.
 */
final class UnifiedDiff {
    private static final int CONTEXT = 3;
    /** Beyond this many line pairs the longest-common-subsequence table gets too big; show a whole replacement. */
    private static final long MAX_CELLS = 4_000_000L;

    private record Edit(char op, String line) {
    }

    private UnifiedDiff() {
    }

    /** The diff from {@code before} to {@code after}, empty when they are equal. */
    static String diff(String beforeName, String before, String afterName, String after) {
        if (before.equals(after)) {
            return "";
        }
        List<Edit> edits = edits(lines(before), lines(after));
        StringBuilder out = new StringBuilder("--- ").append(beforeName).append('\n')
                .append("+++ ").append(afterName).append('\n');
        int i = 0;
        while (i < edits.size()) {
            if (edits.get(i).op() == ' ') {
                i++;
                continue;
            }
            int start = Math.max(0, i - CONTEXT);
            int end = hunkEnd(edits, i);
            appendHunk(out, edits, start, end);
            i = end;
        }
        return out.toString();
    }

    /** The end (exclusive) of the hunk whose first change is at {@code i}: changes closer than 2*CONTEXT join. */
    private static int hunkEnd(List<Edit> edits, int i) {
        int lastChange = i;
        for (int j = i; j < edits.size() && j <= lastChange + 2 * CONTEXT; j++) {
            if (edits.get(j).op() != ' ') {
                lastChange = j;
            }
        }
        return Math.min(edits.size(), lastChange + CONTEXT + 1);
    }

    private static void appendHunk(StringBuilder out, List<Edit> edits, int start, int end) {
        int beforeLine = 1;
        int afterLine = 1;
        for (int k = 0; k < start; k++) {
            beforeLine += edits.get(k).op() == '+' ? 0 : 1;
            afterLine += edits.get(k).op() == '-' ? 0 : 1;
        }
        int beforeCount = 0;
        int afterCount = 0;
        for (int k = start; k < end; k++) {
            beforeCount += edits.get(k).op() == '+' ? 0 : 1;
            afterCount += edits.get(k).op() == '-' ? 0 : 1;
        }
        out.append("@@ -").append(range(beforeLine, beforeCount)).append(" +").append(range(afterLine, afterCount))
                .append(" @@\n");
        for (int k = start; k < end; k++) {
            out.append(edits.get(k).op()).append(edits.get(k).line()).append('\n');
        }
    }

    /** As diff -u writes it: an empty range names the line before it; a count of 1 is left out. */
    private static String range(int first, int count) {
        if (count == 0) {
            return (first - 1) + ",0";
        }
        return count == 1 ? String.valueOf(first) : first + "," + count;
    }

    private static List<Edit> edits(List<String> a, List<String> b) {
        List<Edit> edits = new ArrayList<>();
        if ((long) a.size() * b.size() > MAX_CELLS) {
            a.forEach(l -> edits.add(new Edit('-', l)));
            b.forEach(l -> edits.add(new Edit('+', l)));
            return edits;
        }
        int[][] lcs = new int[a.size() + 1][b.size() + 1];
        for (int i = a.size() - 1; i >= 0; i--) {
            for (int j = b.size() - 1; j >= 0; j--) {
                lcs[i][j] = a.get(i).equals(b.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        int i = 0;
        int j = 0;
        while (i < a.size() || j < b.size()) {
            if (i < a.size() && j < b.size() && a.get(i).equals(b.get(j))) {
                edits.add(new Edit(' ', a.get(i++)));
                j++;
            } else if (i < a.size() && (j == b.size() || lcs[i + 1][j] >= lcs[i][j + 1])) {
                edits.add(new Edit('-', a.get(i++))); // removals before additions, as diff -u shows them
            } else {
                edits.add(new Edit('+', b.get(j++)));
            }
        }
        return edits;
    }

    /** The lines of {@code text}; a missing final newline shows as a line of its own, as diff -u marks it. */
    private static List<String> lines(String text) {
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        if (text.endsWith("\n") || text.isEmpty()) {
            lines.remove(lines.size() - 1);
        } else {
            lines.add("\\ No newline at end of file");
        }
        return lines;
    }
}
