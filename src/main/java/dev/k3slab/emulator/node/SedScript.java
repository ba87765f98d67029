package dev.k3slab.emulator.node;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A parsed sed script: commands {@code d p = s a i c q Q} with addresses (line number, {@code $},
 * {@code /re/}, {@code /re/I}) and ranges ({@code a,b}, {@code a,+N}), optionally negated with
 * {@code !}. Other GNU sed commands are refused as not modelled.
 */
final class SedScript {
    private static final String UNMODELLED_COMMANDS = "bDeFgGhHlnNPrRtTvwWxyz:{}";

    enum Kind { LINE, LAST, REGEX, PLUS }

    record Address(Kind kind, long number, Pattern regex) {
    }

    /** A substitution's replacement: literal text and group references ({@code &} is group 0). */
    record Replacement(List<Object> parts) {
        String expand(Matcher m) {
            StringBuilder sb = new StringBuilder();
            for (Object p : parts) {
                if (p instanceof Integer g) {
                    String v = g <= m.groupCount() ? m.group(g) : "";
                    sb.append(v == null ? "" : v);
                } else {
                    sb.append((String) p);
                }
            }
            return sb.toString();
        }
    }

    record Substitution(Pattern regex, Replacement replacement, boolean global, int occurrence, boolean print) {
    }

    record Command(Address first, Address second, boolean negated, char name, Substitution substitution, String text,
                   int exitStatus) {
    }

    /** A script error, GNU's text after {@code sed: -e expression #1, char N: }. */
    static final class Error extends Exception {
        final int position;

        Error(int position, String message) {
            super(message);
            this.position = position;
        }
    }

    private final String s;
    private final boolean extended;
    private int pos;

    private SedScript(String script, boolean extended) {
        this.s = script;
        this.extended = extended;
    }

    static List<Command> parse(String script, boolean extended) throws Error {
        return new SedScript(script, extended).commands();
    }

    private List<Command> commands() throws Error {
        List<Command> out = new ArrayList<>();
        while (true) {
            while (pos < s.length() && (Character.isWhitespace(s.charAt(pos)) || s.charAt(pos) == ';')) {
                pos++;
            }
            if (pos >= s.length()) {
                return out;
            }
            if (s.charAt(pos) == '#') {
                while (pos < s.length() && s.charAt(pos) != '\n') {
                    pos++;
                }
                continue;
            }
            out.add(command());
        }
    }

    private Command command() throws Error {
        Address first = address(false);
        Address second = null;
        if (first != null && pos < s.length() && s.charAt(pos) == ',') {
            pos++;
            second = address(true);
            if (second == null) {
                throw new Error(pos, "unexpected `,'");
            }
        }
        skipBlanks();
        boolean negated = false;
        if (pos < s.length() && s.charAt(pos) == '!') {
            negated = true;
            pos++;
            skipBlanks();
        }
        if (pos >= s.length()) {
            throw new Error(pos, "missing command");
        }
        char name = s.charAt(pos++);
        Command c;
        switch (name) {
            case 'd', 'p', '=' -> c = new Command(first, second, negated, name, null, null, 0);
            case 'q', 'Q' -> {
                skipBlanks();
                int start = pos;
                while (pos < s.length() && Character.isDigit(s.charAt(pos))) {
                    pos++;
                }
                int status = pos > start ? Integer.parseInt(s.substring(start, pos)) : 0;
                c = new Command(first, second, negated, name, null, null, status);
            }
            case 's' -> c = new Command(first, second, negated, name, substitution(), null, 0);
            case 'a', 'i', 'c' -> c = new Command(first, second, negated, name, null, text(), 0);
            default -> {
                if (UNMODELLED_COMMANDS.indexOf(name) >= 0) {
                    throw new NotModelledException("sed command '" + name + "'");
                }
                throw new Error(pos, "unknown command: `" + name + "'");
            }
        }
        skipBlanks();
        if (pos < s.length() && s.charAt(pos) != ';' && s.charAt(pos) != '\n') {
            throw new Error(pos + 1, "extra characters after command");
        }
        return c;
    }

    private Address address(boolean second) throws Error {
        if (pos >= s.length()) {
            return null;
        }
        char c = s.charAt(pos);
        if (Character.isDigit(c)) {
            return new Address(Kind.LINE, number(), null);
        }
        if (second && c == '+') {
            pos++;
            return new Address(Kind.PLUS, number(), null);
        }
        if (c == '$') {
            pos++;
            return new Address(Kind.LAST, 0, null);
        }
        if (c == '/' || c == '\\') {
            char delim = c == '/' ? '/' : s.charAt(++pos);
            pos++;
            String re = delimited(delim, "unterminated address regex");
            boolean ignoreCase = false;
            if (pos < s.length() && s.charAt(pos) == 'I') {
                ignoreCase = true;
                pos++;
            }
            return new Address(Kind.REGEX, 0, regex(re, ignoreCase));
        }
        if (second && c == '~') {
            throw new NotModelledException("sed address ~N");
        }
        return null;
    }

    private long number() {
        int start = pos;
        while (pos < s.length() && Character.isDigit(s.charAt(pos))) {
            pos++;
        }
        return Long.parseLong(s.substring(start, pos));
    }

    private Substitution substitution() throws Error {
        if (pos >= s.length()) {
            throw new Error(pos, "unterminated `s' command");
        }
        char delim = s.charAt(pos++);
        String re = delimited(delim, "unterminated `s' command");
        String rep = delimited(delim, "unterminated `s' command");
        boolean global = false;
        boolean print = false;
        boolean ignoreCase = false;
        int occurrence = 1;
        while (pos < s.length() && s.charAt(pos) != ';' && s.charAt(pos) != '\n' && s.charAt(pos) != '}'
                && !Character.isWhitespace(s.charAt(pos))) {
            char f = s.charAt(pos);
            if (f == 'g') {
                global = true;
            } else if (f == 'p') {
                print = true;
            } else if (f == 'i' || f == 'I') {
                ignoreCase = true;
            } else if (Character.isDigit(f)) {
                occurrence = (int) number();
                continue;
            } else if ("ewmM".indexOf(f) >= 0) {
                throw new NotModelledException("sed s///" + f + " flag");
            } else {
                throw new Error(pos + 1, "unknown option to `s'");
            }
            pos++;
        }
        return new Substitution(regex(re, ignoreCase), replacement(rep), global, occurrence, print);
    }

    /** Reads up to the unescaped delimiter; {@code \<delim>} becomes the delimiter itself. */
    private String delimited(char delim, String unterminated) throws Error {
        StringBuilder sb = new StringBuilder();
        while (pos < s.length()) {
            char c = s.charAt(pos);
            if (c == '\\' && pos + 1 < s.length()) {
                char n = s.charAt(pos + 1);
                if (n == delim) {
                    sb.append(delim);
                } else if (n == '\n') {
                    sb.append('\n');
                } else {
                    sb.append(c).append(n);
                }
                pos += 2;
                continue;
            }
            if (c == delim) {
                pos++;
                return sb.toString();
            }
            if (c == '\n') {
                break;
            }
            sb.append(c);
            pos++;
        }
        throw new Error(pos, unterminated);
    }

    private Pattern regex(String re, boolean ignoreCase) {
        if (re.isEmpty()) {
            throw new NotModelledException("sed empty regular expression (reusing the last one)");
        }
        return PosixRegex.compile(re, extended, ignoreCase);
    }

    private static Replacement replacement(String rep) {
        List<Object> parts = new ArrayList<>();
        StringBuilder lit = new StringBuilder();
        for (int i = 0; i < rep.length(); i++) {
            char c = rep.charAt(i);
            if (c == '&') {
                flush(lit, parts);
                parts.add(0);
            } else if (c == '\\' && i + 1 < rep.length()) {
                char n = rep.charAt(++i);
                if (Character.isDigit(n)) {
                    flush(lit, parts);
                    parts.add(n - '0');
                } else if (n == 'n') {
                    lit.append('\n');
                } else if (n == 't') {
                    lit.append('\t');
                } else if ("LUluE".indexOf(n) >= 0) {
                    throw new NotModelledException("sed case conversion \\" + n + " in a replacement");
                } else {
                    lit.append(n);
                }
            } else {
                lit.append(c);
            }
        }
        flush(lit, parts);
        return new Replacement(parts);
    }

    private static void flush(StringBuilder lit, List<Object> parts) {
        if (!lit.isEmpty()) {
            parts.add(lit.toString());
            lit.setLength(0);
        }
    }

    /** GNU's one-liner {@code a text}, {@code a\text} and {@code a\<newline>text}. */
    private String text() {
        skipBlanks();
        if (pos < s.length() && s.charAt(pos) == '\\') {
            pos++;
            if (pos < s.length() && s.charAt(pos) == '\n') {
                pos++;
            }
        }
        StringBuilder sb = new StringBuilder();
        while (pos < s.length() && s.charAt(pos) != '\n') {
            char c = s.charAt(pos);
            if (c == '\\' && pos + 1 < s.length()) {
                pos++;
                c = s.charAt(pos);
            }
            sb.append(c);
            pos++;
        }
        return sb.toString();
    }

    private void skipBlanks() {
        while (pos < s.length() && (s.charAt(pos) == ' ' || s.charAt(pos) == '\t')) {
            pos++;
        }
    }
}
