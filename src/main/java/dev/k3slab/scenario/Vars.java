package dev.k3slab.scenario;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code ${name}} substitution. References are resolved innermost first, so
 * {@code ${nodes.${node}.ip}} works; a reference with no value is left as written (it may be a run
 * variable, filled in when the step runs). {@code $${x}} stands for a literal {@code ${x}} (a shell
 * variable in a command).
 */
public final class Vars {
    private static final Pattern REF = Pattern.compile("(?<!\\$)\\$\\{([^${}]+)}");
    private static final int MAX_ROUNDS = 10;

    private Vars() {
    }

    /** {@code text} with every reference that has a value replaced; escapes are kept for {@link #finish}. */
    public static String resolve(String text, Map<String, String> values) {
        if (text == null) {
            return null;
        }
        String out = text;
        for (int round = 0; round < MAX_ROUNDS; round++) {
            Matcher m = REF.matcher(out);
            StringBuilder sb = new StringBuilder();
            boolean changed = false;
            while (m.find()) {
                String v = values.get(m.group(1));
                changed |= v != null;
                m.appendReplacement(sb, Matcher.quoteReplacement(v != null ? v : m.group()));
            }
            m.appendTail(sb);
            out = sb.toString();
            if (!changed) {
                break;
            }
        }
        return out;
    }

    /** The names referenced in {@code text} that {@link #resolve} could not fill. */
    public static Set<String> unresolved(String text) {
        Set<String> names = new LinkedHashSet<>();
        if (text != null) {
            Matcher m = REF.matcher(text);
            while (m.find()) {
                names.add(m.group(1));
            }
        }
        return names;
    }

    /** Turns {@code $${x}} escapes into the literal {@code ${x}}; call once, on the text that is run. */
    public static String finish(String text) {
        return text == null ? null : text.replace("$${", "${");
    }
}
