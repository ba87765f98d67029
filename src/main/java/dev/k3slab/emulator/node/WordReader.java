package dev.k3slab.emulator.node;

import dev.k3slab.emulator.node.Ast.CommandSubstitution;
import dev.k3slab.emulator.node.Ast.Literal;
import dev.k3slab.emulator.node.Ast.Parameter;
import dev.k3slab.emulator.node.Ast.Part;
import dev.k3slab.emulator.node.Ast.Tilde;
import dev.k3slab.emulator.node.Ast.Word;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads one word at the parser's position: unquoted text, {@code '...'}, {@code "..."},
 * backslash escapes, {@code $name}, {@code ${...}}, {@code $(...)} and backquotes.
 */
final class WordReader {
    private static final String META = " \t\r\n;&|<>()";
    private static final String SPECIAL_PARAMETERS = "?!$#@*-0123456789";

    private final ShellParser p;

    WordReader(ShellParser parser) {
        this.p = parser;
    }

    Word word() throws ShellSyntaxException {
        List<Part> parts = new ArrayList<>();
        StringBuilder lit = new StringBuilder();
        String src = p.src();
        if (p.peek() == '~') {
            int end = p.pos() + 1;
            if (end >= src.length() || src.charAt(end) == '/' || META.indexOf(src.charAt(end)) >= 0) {
                parts.add(new Tilde());
                p.pos(end);
            }
        }
        while (!p.atEnd()) {
            char c = p.peek();
            if (META.indexOf(c) >= 0) {
                break;
            }
            if (c == '\\') {
                if (p.peek(1) == '\n') {
                    p.pos(p.pos() + 2);
                    p.newline();
                } else if (p.pos() + 1 < src.length()) {
                    flush(lit, parts);
                    parts.add(new Literal(String.valueOf(p.peek(1)), true));
                    p.pos(p.pos() + 2);
                } else {
                    lit.append('\\');
                    p.pos(p.pos() + 1);
                }
            } else if (c == '\'') {
                flush(lit, parts);
                parts.add(new Literal(singleQuoted(), true));
            } else if (c == '"') {
                flush(lit, parts);
                doubleQuoted(parts);
            } else if (c == '$') {
                flush(lit, parts);
                dollar(parts, false);
            } else if (c == '`') {
                flush(lit, parts);
                parts.add(backquoted(false));
            } else {
                lit.append(c);
                p.pos(p.pos() + 1);
            }
        }
        flush(lit, parts);
        return new Word(parts);
    }

    private static void flush(StringBuilder lit, List<Part> parts) {
        if (!lit.isEmpty()) {
            parts.add(new Literal(lit.toString(), false));
            lit.setLength(0);
        }
    }

    private String singleQuoted() throws ShellSyntaxException {
        int start = p.pos() + 1;
        int end = p.src().indexOf('\'', start);
        if (end < 0) {
            throw ShellSyntaxException.unterminated(p.line(), '\'');
        }
        String text = p.src().substring(start, end);
        text.chars().filter(ch -> ch == '\n').forEach(ch -> p.newline());
        p.pos(end + 1);
        return text;
    }

    private void doubleQuoted(List<Part> parts) throws ShellSyntaxException {
        int startLine = p.line();
        p.pos(p.pos() + 1);
        StringBuilder buf = new StringBuilder();
        boolean any = false;
        while (true) {
            if (p.atEnd()) {
                throw ShellSyntaxException.unterminated(startLine, '"');
            }
            char c = p.peek();
            if (c == '"') {
                p.pos(p.pos() + 1);
                break;
            }
            if (c == '\\') {
                char n = p.peek(1);
                if (n == '\n') {
                    p.pos(p.pos() + 2);
                    p.newline();
                    continue;
                }
                if (n == '$' || n == '`' || n == '"' || n == '\\') {
                    buf.append(n);
                    p.pos(p.pos() + 2);
                    continue;
                }
                buf.append(c);
                p.pos(p.pos() + 1);
            } else if (c == '$' || c == '`') {
                if (!buf.isEmpty()) {
                    parts.add(new Literal(buf.toString(), true));
                    buf.setLength(0);
                }
                any = true;
                if (c == '$') {
                    dollar(parts, true);
                } else {
                    parts.add(backquoted(true));
                }
            } else {
                if (c == '\n') {
                    p.newline();
                }
                buf.append(c);
                p.pos(p.pos() + 1);
            }
        }
        if (!buf.isEmpty() || !any) {
            parts.add(new Literal(buf.toString(), true));
        }
    }

    private void dollar(List<Part> parts, boolean quoted) throws ShellSyntaxException {
        String src = p.src();
        char n = p.peek(1);
        if (n == '(') {
            if (p.peek(2) == '(') {
                throw new NotModelledException("arithmetic expansion $(( ... ))");
            }
            int startLine = p.line();
            p.pos(p.pos() + 2);
            Ast.Script inner = p.list(true);
            if (p.atEnd() || p.peek() != ')') {
                throw ShellSyntaxException.unterminated(startLine, ')');
            }
            p.pos(p.pos() + 1);
            parts.add(new CommandSubstitution(inner, quoted));
        } else if (n == '{') {
            parts.add(braced(quoted));
        } else if (Character.isLetter(n) || n == '_') {
            int start = p.pos() + 1;
            int end = start;
            while (end < src.length() && (Character.isLetterOrDigit(src.charAt(end)) || src.charAt(end) == '_')) {
                end++;
            }
            parts.add(new Parameter(src.substring(start, end), null, null, quoted));
            p.pos(end);
        } else if (n != '\0' && SPECIAL_PARAMETERS.indexOf(n) >= 0) {
            parts.add(new Parameter(String.valueOf(n), null, null, quoted));
            p.pos(p.pos() + 2);
        } else {
            parts.add(new Literal("$", quoted));
            p.pos(p.pos() + 1);
        }
    }

    private Parameter braced(boolean quoted) throws ShellSyntaxException {
        String src = p.src();
        int startLine = p.line();
        int start = p.pos();
        p.pos(p.pos() + 2);
        boolean length = false;
        if (!p.atEnd() && p.peek() == '#' && p.peek(1) != '}') {
            length = true;
            p.pos(p.pos() + 1);
        }
        int nameStart = p.pos();
        while (!p.atEnd() && (Character.isLetterOrDigit(p.peek()) || p.peek() == '_')) {
            p.pos(p.pos() + 1);
        }
        if (p.pos() == nameStart && !p.atEnd() && SPECIAL_PARAMETERS.indexOf(p.peek()) >= 0) {
            p.pos(p.pos() + 1);
        }
        String name = src.substring(nameStart, p.pos());
        if (p.atEnd()) {
            throw ShellSyntaxException.unterminated(startLine, '}');
        }
        if (p.peek() == '}') {
            p.pos(p.pos() + 1);
            if (name.isEmpty()) {
                throw ShellSyntaxException.badSubstitution(startLine, src.substring(start, p.pos()));
            }
            return new Parameter(name, length ? "#" : null, null, quoted);
        }
        String op = null;
        for (String candidate : new String[] {":-", ":+", ":=", ":?", "-", "+", "=", "?"}) {
            if (p.startsWith(candidate)) {
                op = candidate;
                break;
            }
        }
        if (op == null || length || name.isEmpty()) {
            int close = src.indexOf('}', p.pos());
            String text = src.substring(start, close < 0 ? src.length() : close + 1);
            if (op == null && close >= 0 && "%#/".indexOf(p.peek()) >= 0) {
                throw new NotModelledException("parameter expansion " + text);
            }
            throw ShellSyntaxException.badSubstitution(startLine, text);
        }
        if (op.endsWith("?")) {
            throw new NotModelledException("parameter expansion ${" + name + op + "...}");
        }
        p.pos(p.pos() + op.length());
        Word argument = argumentWord(startLine);
        return new Parameter(name, op, argument, quoted);
    }

    /** The word after the operator in {@code ${name:-word}}: up to the closing brace, blanks kept. */
    private Word argumentWord(int startLine) throws ShellSyntaxException {
        List<Part> parts = new ArrayList<>();
        StringBuilder lit = new StringBuilder();
        while (true) {
            if (p.atEnd()) {
                throw ShellSyntaxException.unterminated(startLine, '}');
            }
            char c = p.peek();
            if (c == '}') {
                p.pos(p.pos() + 1);
                break;
            }
            if (c == '\'') {
                flush(lit, parts);
                parts.add(new Literal(singleQuoted(), true));
            } else if (c == '"') {
                flush(lit, parts);
                doubleQuoted(parts);
            } else if (c == '$') {
                flush(lit, parts);
                dollar(parts, false);
            } else if (c == '\\' && p.pos() + 1 < p.src().length()) {
                flush(lit, parts);
                parts.add(new Literal(String.valueOf(p.peek(1)), true));
                p.pos(p.pos() + 2);
            } else {
                lit.append(c);
                p.pos(p.pos() + 1);
            }
        }
        flush(lit, parts);
        return new Word(parts);
    }

    private CommandSubstitution backquoted(boolean quoted) throws ShellSyntaxException {
        int startLine = p.line();
        String src = p.src();
        StringBuilder inner = new StringBuilder();
        int i = p.pos() + 1;
        while (true) {
            if (i >= src.length()) {
                throw ShellSyntaxException.unterminated(startLine, '`');
            }
            char c = src.charAt(i);
            if (c == '`') {
                break;
            }
            if (c == '\\' && i + 1 < src.length() && "$`\\".indexOf(src.charAt(i + 1)) >= 0) {
                inner.append(src.charAt(i + 1));
                i += 2;
                continue;
            }
            if (c == '\n') {
                p.newline();
            }
            inner.append(c);
            i++;
        }
        p.pos(i + 1);
        return new CommandSubstitution(ShellParser.parse(inner.toString()), quoted);
    }
}
