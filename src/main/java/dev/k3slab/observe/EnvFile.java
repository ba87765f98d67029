package dev.k3slab.observe;

import dev.k3slab.observe.Lines.Line;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A systemd env file such as {@code /etc/systemd/system/k3s.service.env}. The install script
 * writes one {@code NAME='value'} line per variable, quoted by dash ({@code 'it'"'"'s'}); systemd
 * also accepts double quotes, bare values, comments, blank lines and an {@code export} prefix.
 */
final class EnvFile {
    static final String FORMAT = "env file (NAME='value' lines, as the install script writes k3s.service.env)";
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private EnvFile() {
    }

    /** The variables in file order; a name given twice keeps its last value, as systemd does. */
    static Map<String, String> parse(String text) {
        Map<String, String> vars = new LinkedHashMap<>();
        for (Line line : Lines.of(text)) {
            String s = line.text().strip();
            if (s.isEmpty() || s.startsWith("#") || s.startsWith(";")) {
                continue;
            }
            if (s.startsWith("export ")) {
                s = s.substring("export ".length()).strip();
            }
            int eq = s.indexOf('=');
            String name = eq > 0 ? s.substring(0, eq).strip() : "";
            if (!NAME.matcher(name).matches()) {
                throw Lines.at(FORMAT, line, "expected NAME=value");
            }
            List<String> words;
            try {
                words = ShellWords.split(s.substring(eq + 1));
            } catch (ShellWords.Unbalanced bad) {
                throw Lines.at(FORMAT, line, "the value of " + name + " cannot be read: " + bad.getMessage());
            }
            vars.put(name, String.join(" ", words));
        }
        return Collections.unmodifiableMap(vars);
    }
}
