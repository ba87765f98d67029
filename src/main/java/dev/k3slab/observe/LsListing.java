package dev.k3slab.observe;

import dev.k3slab.observe.Lines.Line;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * {@code ls -al} of one folder (GNU coreutils, C locale), and the datastore layout two listings
 * show (reference §4).
 */
final class LsListing {
    static final String FORMAT = "ls -al (mode links owner group size month day time|year name)";

    private static final Pattern MODE = Pattern.compile("[-bcdlps][-rwxsStT]{9}[.+@]?");
    private static final Pattern TOTAL = Pattern.compile("total \\d+(?:[.,]\\d+)?[KMGTPE]?");
    private static final Pattern DIGITS = Pattern.compile("\\d{1,18}");
    private static final Pattern CLOCK_OR_YEAR = Pattern.compile("\\d{1,2}:\\d{2}|\\d{4}");
    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern ISO_TIME = Pattern.compile("\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?");
    private static final Pattern ZONE = Pattern.compile("[+-]\\d{4}");
    private static final Pattern MISSING = Pattern.compile("ls: cannot access '?.*'?: No such file or directory");

    private LsListing() {
    }

    static boolean missing(String text) {
        return Lines.of(text).stream().anyMatch(l -> MISSING.matcher(l.text().strip()).matches());
    }

    static List<LsEntry> parse(String text) {
        List<Line> lines = Lines.trimmed(Lines.of(text));
        if (lines.isEmpty()) {
            throw Lines.empty(FORMAT);
        }
        List<LsEntry> entries = new ArrayList<>();
        for (Line l : lines) {
            String t = l.text();
            if (t.isBlank() || t.startsWith("#") || TOTAL.matcher(t.strip()).matches()) {
                continue;
            }
            if (t.startsWith("ls: ")) {
                throw Lines.at(FORMAT, l, "ls reported an error instead of a listing"
                        + (MISSING.matcher(t.strip()).matches() ? " (the folder does not exist; Parsers.lsMissing tells this apart)" : ""));
            }
            entries.add(entry(l));
        }
        return entries;
    }

    private static LsEntry entry(Line line) {
        String t = line.text();
        List<int[]> words = words(t);
        // mode, links, owner, group, size (or "major," minor), then the date, then the name.
        if (words.size() < 8) {
            throw Lines.at(FORMAT, line, "too few fields for an ls -al line");
        }
        String mode = word(t, words.get(0));
        if (!MODE.matcher(mode).matches()) {
            throw Lines.at(FORMAT, line, "'" + mode + "' is not a file mode like drwx------ or -rw-r--r--");
        }
        if (!DIGITS.matcher(word(t, words.get(1))).matches()) {
            throw Lines.at(FORMAT, line, "the link count '" + word(t, words.get(1)) + "' is not a number");
        }
        int next = 4;
        long size;
        String sizeWord = word(t, words.get(next));
        if ((mode.charAt(0) == 'b' || mode.charAt(0) == 'c') && sizeWord.endsWith(",")) {
            size = 0; // a device shows "major, minor" where the size would be
            next += 2;
        } else if (DIGITS.matcher(sizeWord).matches()) {
            size = Long.parseLong(sizeWord);
            next++;
        } else {
            throw Lines.at(FORMAT, line, "the size '" + sizeWord + "' is not a number of bytes");
        }
        int dateWords = dateWords(t, words, next);
        if (dateWords < 0) {
            throw Lines.at(FORMAT, line, "expected a date like 'Feb 22 04:51', 'Feb 22  2025' or '2026-02-22 04:51' after the size");
        }
        int last = next + dateWords - 1;
        int nameStart = words.get(last)[1] + 1;
        if (last + 1 >= words.size() || nameStart >= t.length()) {
            throw Lines.at(FORMAT, line, "no file name after the date");
        }
        String name = t.substring(nameStart);
        String type = switch (mode.charAt(0)) {
            case 'd' -> "directory";
            case '-' -> "file";
            case 'l' -> "symlink";
            default -> "other";
        };
        if (type.equals("symlink")) {
            int arrow = name.indexOf(" -> ");
            name = arrow > 0 ? name.substring(0, arrow) : name;
        }
        return new LsEntry(name, type, mode, size);
    }

    // How many words the date takes at index i: 3 (Feb 22 04:51), 2 (2026-02-22 04:51) or 3 with a zone; -1 if none.
    private static int dateWords(String t, List<int[]> words, int i) {
        if (i + 2 < words.size() && ISO_DATE.matcher(word(t, words.get(i))).matches()
                && ISO_TIME.matcher(word(t, words.get(i + 1))).matches()) {
            return ZONE.matcher(word(t, words.get(i + 2))).matches() ? 3 : 2;
        }
        if (i + 2 < words.size() && DIGITS.matcher(word(t, words.get(i + 1))).matches()
                && word(t, words.get(i + 1)).length() <= 2 && CLOCK_OR_YEAR.matcher(word(t, words.get(i + 2))).matches()) {
            return 3;
        }
        return -1;
    }

    // Start and end index of every space-separated word, so that the name keeps its own spaces.
    private static List<int[]> words(String t) {
        List<int[]> words = new ArrayList<>();
        int i = 0;
        while (i < t.length()) {
            while (i < t.length() && t.charAt(i) == ' ') {
                i++;
            }
            int start = i;
            while (i < t.length() && t.charAt(i) != ' ') {
                i++;
            }
            if (i > start) {
                words.add(new int[] {start, i});
            }
        }
        return words;
    }

    private static String word(String t, int[] w) {
        return t.substring(w[0], w[1]);
    }

    /**
     * The datastore {@code db/} shows: a live {@code state.db} means kine/SQLite, even beside an old
     * {@code etcd/member/} whose WAL is gone (experiment 4b); otherwise {@code etcd/member/} means
     * embedded etcd, migrated when {@code state.db.migrated} is beside it.
     */
    static DbLayout layout(List<LsEntry> db, List<LsEntry> dbEtcd) {
        Set<String> inDb = db.stream().map(LsEntry::name).collect(Collectors.toSet());
        boolean member = dbEtcd.stream().anyMatch(e -> e.name().equals("member") && e.isDirectory());
        if (inDb.contains("state.db")) {
            return DbLayout.SQLITE;
        }
        if (member) {
            return inDb.contains("state.db.migrated") ? DbLayout.MIGRATED : DbLayout.ETCD;
        }
        return DbLayout.NONE;
    }
}
