package dev.k3slab.emulator.k3s;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads what systemd reads from a K3s unit: the ExecStart words and the EnvironmentFile lines. */
final class UnitFile {
    private UnitFile() {
    }

    /** The ExecStart words (backslash continuations joined, quotes removed as systemd does); empty when none. */
    static List<String> execStart(String unitText) {
        String[] lines = unitText.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (!lines[i].startsWith("ExecStart=")) {
                continue;
            }
            StringBuilder cmd = new StringBuilder(lines[i].substring("ExecStart=".length()));
            while (cmd.toString().stripTrailing().endsWith("\\") && i + 1 < lines.length) {
                String s = cmd.toString().stripTrailing();
                cmd.setLength(0);
                cmd.append(s, 0, s.length() - 1).append(' ').append(lines[++i]);
            }
            return words(cmd.toString());
        }
        return List.of();
    }

    /** The {@code EnvironmentFile=} paths (a leading {@code -} means optional, {@code %N} the unit name). */
    static List<String> environmentFiles(String unitText, String unitName) {
        List<String> files = new ArrayList<>();
        String prefix = unitName.replaceFirst("\\.service$", "");
        for (String line : unitText.split("\n")) {
            if (line.startsWith("EnvironmentFile=")) {
                files.add(line.substring("EnvironmentFile=".length()).replaceFirst("^-", "").replace("%N", prefix).trim());
            }
        }
        return files;
    }

    /** An environment file: {@code KEY=value}, {@code KEY='value'} or {@code KEY="value"} lines. */
    static Map<String, String> environment(String text) {
        Map<String, String> env = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            String l = line.strip();
            int eq = l.indexOf('=');
            if (l.isEmpty() || l.startsWith("#") || eq <= 0) {
                continue;
            }
            List<String> value = words(l.substring(eq + 1));
            env.put(l.substring(0, eq).replaceFirst("^export\\s+", ""), value.isEmpty() ? "" : String.join(" ", value));
        }
        return env;
    }

    /** Splits on blanks, honouring single quotes, double quotes and backslash escapes. */
    static List<String> words(String s) {
        List<String> words = new ArrayList<>();
        StringBuilder w = new StringBuilder();
        boolean in = false;
        char quote = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else if (c == '\\' && quote == '"' && i + 1 < s.length()) {
                    w.append(s.charAt(++i));
                } else {
                    w.append(c);
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
                in = true;
            } else if (c == '\\' && i + 1 < s.length()) {
                w.append(s.charAt(++i));
                in = true;
            } else if (Character.isWhitespace(c)) {
                if (in) {
                    words.add(w.toString());
                    w.setLength(0);
                    in = false;
                }
            } else {
                w.append(c);
                in = true;
            }
        }
        if (in) {
            words.add(w.toString());
        }
        return words;
    }
}
