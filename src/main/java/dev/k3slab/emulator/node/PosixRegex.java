package dev.k3slab.emulator.node;

import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Translates POSIX basic (grep, sed) and extended ({@code -E}) regular expressions, with the GNU
 * extensions ({@code \+ \? \| \< \> \w \s}), into Java regular expressions.
 */
final class PosixRegex {
    private static final Map<String, String> CLASSES = Map.ofEntries(
            Map.entry("alpha", "\\p{Alpha}"), Map.entry("digit", "\\p{Digit}"), Map.entry("alnum", "\\p{Alnum}"),
            Map.entry("upper", "\\p{Upper}"), Map.entry("lower", "\\p{Lower}"), Map.entry("space", "\\s"),
            Map.entry("blank", "\\p{Blank}"), Map.entry("punct", "\\p{Punct}"), Map.entry("print", "\\p{Print}"),
            Map.entry("graph", "\\p{Graph}"), Map.entry("cntrl", "\\p{Cntrl}"), Map.entry("xdigit", "\\p{XDigit}"));

    private PosixRegex() {
    }

    static Pattern compile(String posix, boolean extended, boolean ignoreCase) {
        return compileJava(toJava(posix, extended), posix, ignoreCase);
    }

    /** Compiles a translated expression; {@code posix} is what the user wrote, for the refusal. */
    static Pattern compileJava(String java, String posix, boolean ignoreCase) {
        try {
            return Pattern.compile(java, ignoreCase ? Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE : 0);
        } catch (PatternSyntaxException e) {
            throw new NotModelledException("regular expression '" + posix + "' (the emulated node could not "
                    + "translate it: " + e.getDescription() + ")");
        }
    }

    static String toJava(String re, boolean extended) {
        StringBuilder out = new StringBuilder();
        int n = re.length();
        for (int i = 0; i < n; i++) {
            char c = re.charAt(i);
            boolean atStart = i == 0 || (!extended && re.startsWith("\\(", i - 2)) || (extended && re.charAt(i - 1) == '(')
                    || (extended && re.charAt(i - 1) == '|');
            if (c == '\\' && i + 1 < n) {
                char e = re.charAt(++i);
                if (!extended && "(){}|+?".indexOf(e) >= 0) {
                    out.append(e);
                } else if (e == '<' || e == '>') {
                    out.append("\\b");
                } else if ("wWsSbB".indexOf(e) >= 0 || Character.isDigit(e)) {
                    out.append('\\').append(e);
                } else if (e == 'n') {
                    out.append("\\n");
                } else if (e == 't') {
                    out.append("\\t");
                } else {
                    out.append(Pattern.quote(String.valueOf(e)));
                }
            } else if (c == '[') {
                i = bracket(re, i, out);
            } else if (c == '*' && atStart) {
                out.append("\\*");
            } else if (c == '^') {
                out.append(atStart || extended ? "^" : "\\^");
            } else if (c == '$') {
                boolean atEnd = i == n - 1 || (!extended && re.startsWith("\\)", i + 1))
                        || (extended && (re.charAt(i + 1) == ')' || re.charAt(i + 1) == '|'));
                out.append(atEnd || extended ? "$" : "\\$");
            } else if ("(){}|+?".indexOf(c) >= 0) {
                if (!extended) {
                    out.append('\\').append(c);
                } else if (c == '{' && !re.substring(i).matches("(?s)\\{\\d+(,\\d*)?}.*")) {
                    out.append("\\{");
                } else {
                    out.append(c);
                }
            } else if (c == '.' || c == '*') {
                out.append(c);
            } else {
                out.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return out.toString();
    }

    /** Copies a bracket expression starting at {@code start}; returns the index of its closing {@code ]}. */
    private static int bracket(String re, int start, StringBuilder out) {
        int i = start + 1;
        StringBuilder cls = new StringBuilder("[");
        if (i < re.length() && re.charAt(i) == '^') {
            cls.append('^');
            i++;
        }
        boolean first = true;
        for (; i < re.length(); i++) {
            char c = re.charAt(i);
            if (c == ']' && !first) {
                out.append(cls).append(']');
                return i;
            }
            first = false;
            if (c == '[' && i + 1 < re.length() && re.charAt(i + 1) == ':') {
                int end = re.indexOf(":]", i + 2);
                if (end > 0 && CLASSES.containsKey(re.substring(i + 2, end))) {
                    cls.append(CLASSES.get(re.substring(i + 2, end)));
                    i = end + 1;
                    continue;
                }
            }
            if ("\\[&^".indexOf(c) >= 0 || (c == ']')) {
                cls.append('\\');
            }
            cls.append(c);
        }
        // no closing bracket: a literal '['
        out.append("\\[");
        return start;
    }
}
