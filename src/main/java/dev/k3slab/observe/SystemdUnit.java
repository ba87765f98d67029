package dev.k3slab.observe;

import dev.k3slab.observe.Lines.Line;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A unit file as {@code systemctl cat} prints it (with its {@code # /path} lines, drop-ins
 * included) or as the install script writes it: {@code ExecStart=/usr/local/bin/k3s \}, then
 * {@code     server \} and one TAB-indented single-quoted argument per line, then an empty line.
 * Also reads an ExecStart block on its own (the output of {@code grep ExecStart -A 10}).
 */
final class SystemdUnit {
    static final String FORMAT = "systemd unit (systemctl cat: [Section], Key=value, comments; values continued by '\\')";
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_.-]+");
    private static final String PREFIXES = "-@:+!";

    /** One assignment, its continuation lines joined, and the line it starts on. */
    private record Entry(Line line, String section, String key, String value) {
    }

    private SystemdUnit() {
    }

    static UnitFile parse(String text) {
        List<String> exec = null;
        Line execLine = null;
        for (Entry e : entries(text)) {
            // Only ExecStart= of [Service] (or of a bare ExecStart block) counts; an empty one resets it.
            if (!e.key().equals("ExecStart") || !(e.section() == null || e.section().equals("Service"))) {
                continue;
            }
            List<String> words;
            try {
                words = ShellWords.split(e.value());
            } catch (ShellWords.Unbalanced bad) {
                throw Lines.at(FORMAT, e.line(), "ExecStart= cannot be split into words: " + bad.getMessage());
            }
            if (words.isEmpty()) {
                exec = null;
            } else if (exec != null) {
                throw Lines.at(FORMAT, e.line(), "a second ExecStart= with no empty ExecStart= before it (the first is on line "
                        + execLine.number() + "); systemd refuses this for Type=notify");
            } else {
                exec = words;
                execLine = e.line();
            }
        }
        if (exec == null) {
            throw new ParseException(FORMAT, 0, null, "no ExecStart= line in [Service]");
        }
        String binary = exec.get(0);
        int skip = 0;
        while (skip < binary.length() - 1 && PREFIXES.indexOf(binary.charAt(skip)) >= 0) {
            skip++;
        }
        return new UnitFile(exec.subList(1, exec.size()), binary.substring(skip));
    }

    private static List<Entry> entries(String text) {
        List<Entry> entries = new ArrayList<>();
        String section = null;
        Entry open = null;
        StringBuilder value = new StringBuilder();
        for (Line line : Lines.of(text)) {
            String t = line.text().stripTrailing();
            String s = t.strip();
            if (open != null) {
                // systemd skips comment lines inside a continued value; an empty line ends it.
                if (s.startsWith("#") || s.startsWith(";")) {
                    continue;
                }
                boolean more = t.endsWith("\\");
                value.append(more ? t.substring(0, t.length() - 1) + " " : t);
                if (!more) {
                    entries.add(new Entry(open.line(), open.section(), open.key(), value.toString()));
                    open = null;
                }
                continue;
            }
            if (s.isEmpty() || s.startsWith("#") || s.startsWith(";")) {
                continue;
            }
            if (s.startsWith("[") && s.endsWith("]")) {
                section = s.substring(1, s.length() - 1);
                continue;
            }
            int eq = s.indexOf('=');
            String key = eq > 0 ? s.substring(0, eq).strip() : "";
            if (!KEY.matcher(key).matches()) {
                throw Lines.at(FORMAT, line, "expected [Section], Key=value or a comment");
            }
            String v = s.substring(eq + 1).strip();
            if (v.endsWith("\\")) {
                open = new Entry(line, section, key, null);
                value.setLength(0);
                value.append(v, 0, v.length() - 1).append(' ');
            } else {
                entries.add(new Entry(line, section, key, v));
            }
        }
        if (open != null) {
            entries.add(new Entry(open.line(), open.section(), open.key(), value.toString()));
        }
        return entries;
    }
}
