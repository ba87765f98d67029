package dev.k3slab.emulator.node;

import dev.k3slab.emulator.node.Ast.AndOr;
import dev.k3slab.emulator.node.Ast.Assignment;
import dev.k3slab.emulator.node.Ast.Pipeline;
import dev.k3slab.emulator.node.Ast.Redirect;
import dev.k3slab.emulator.node.Ast.RedirectKind;
import dev.k3slab.emulator.node.Ast.Script;
import dev.k3slab.emulator.node.Ast.SimpleCommand;
import dev.k3slab.emulator.node.Ast.Statement;
import dev.k3slab.emulator.node.Ast.Word;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Parses the POSIX shell subset the lab sends into an {@link Ast}: words with quotes and escapes,
 * backslash-newline continuation, comments, {@code VAR=value} prefixes, {@code ;}, {@code &},
 * {@code &&}, {@code ||}, {@code |}, {@code !}, and the redirections {@code < > >> n>&m}.
 * Compound commands and here-documents are refused with {@link NotModelledException}; anything
 * malformed gives a {@link ShellSyntaxException}.
 */
final class ShellParser {
    private static final Set<String> COMPOUND_WORDS = Set.of("if", "then", "else", "elif", "fi", "do", "done",
            "case", "esac", "while", "until", "for", "{", "}", "function", "select", "[[", "]]");
    private static final Pattern ASSIGNMENT = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*=.*", Pattern.DOTALL);

    private final String src;
    private final WordReader words;
    private int pos;
    private int line = 1;

    private ShellParser(String src) {
        this.src = src;
        this.words = new WordReader(this);
    }

    /** Parses a whole command line or script. */
    static Script parse(String text) throws ShellSyntaxException {
        ShellParser p = new ShellParser(text);
        Script s = p.list(false);
        if (!p.atEnd()) {
            throw ShellSyntaxException.unexpected(p.line, String.valueOf(p.peek()));
        }
        return s;
    }

    // ---- used by WordReader -------------------------------------------------------------------

    String src() {
        return src;
    }

    int pos() {
        return pos;
    }

    void pos(int p) {
        pos = p;
    }

    int line() {
        return line;
    }

    void newline() {
        line++;
    }

    boolean atEnd() {
        return pos >= src.length();
    }

    char peek() {
        return src.charAt(pos);
    }

    char peek(int ahead) {
        return pos + ahead < src.length() ? src.charAt(pos + ahead) : '\0';
    }

    /** The statements up to the end of the text, or up to the {@code )} closing a {@code $(}. */
    Script list(boolean inSubstitution) throws ShellSyntaxException {
        List<Statement> statements = new ArrayList<>();
        while (true) {
            skipBlankLines();
            if (atEnd() || (inSubstitution && peek() == ')')) {
                return new Script(statements);
            }
            AndOr body = andOr(inSubstitution);
            skipSpaces();
            if (atEnd() || (inSubstitution && peek() == ')')) {
                statements.add(new Statement(body, false));
                return new Script(statements);
            }
            char c = peek();
            if (c == '&') {
                pos++;
                statements.add(new Statement(body, true));
            } else if (c == ';') {
                if (peek(1) == ';') {
                    throw ShellSyntaxException.unexpected(line, ";;");
                }
                pos++;
                statements.add(new Statement(body, false));
            } else if (c == '\n') {
                pos++;
                line++;
                statements.add(new Statement(body, false));
            } else {
                throw ShellSyntaxException.unexpected(line, String.valueOf(c));
            }
        }
    }

    private AndOr andOr(boolean inSubstitution) throws ShellSyntaxException {
        List<Pipeline> pipelines = new ArrayList<>();
        List<Boolean> and = new ArrayList<>();
        pipelines.add(pipeline(inSubstitution));
        while (true) {
            skipSpaces();
            if (startsWith("&&") || startsWith("||")) {
                and.add(peek() == '&');
                pos += 2;
                skipBlankLines();
                pipelines.add(pipeline(inSubstitution));
            } else {
                return new AndOr(pipelines, and);
            }
        }
    }

    private Pipeline pipeline(boolean inSubstitution) throws ShellSyntaxException {
        skipSpaces();
        boolean negated = false;
        if (!atEnd() && peek() == '!' && (pos + 1 >= src.length() || " \t\n".indexOf(peek(1)) >= 0)) {
            negated = true;
            pos++;
        }
        List<SimpleCommand> commands = new ArrayList<>();
        commands.add(simpleCommand(inSubstitution));
        while (true) {
            skipSpaces();
            if (!atEnd() && peek() == '|' && peek(1) != '|') {
                pos++;
                skipBlankLines();
                commands.add(simpleCommand(inSubstitution));
            } else {
                return new Pipeline(commands, negated);
            }
        }
    }

    private SimpleCommand simpleCommand(boolean inSubstitution) throws ShellSyntaxException {
        skipSpaces();
        int startLine = line;
        List<Assignment> assignments = new ArrayList<>();
        List<Word> args = new ArrayList<>();
        List<Redirect> redirects = new ArrayList<>();
        while (true) {
            skipSpaces();
            if (atEnd()) {
                break;
            }
            char c = peek();
            if (c == ';' || c == '&' || c == '|' || c == '\n') {
                break;
            }
            if (c == ')') {
                if (inSubstitution) {
                    break;
                }
                throw ShellSyntaxException.unexpected(line, ")");
            }
            if (c == '(') {
                if (args.isEmpty() && assignments.isEmpty()) {
                    throw new NotModelledException("subshell ( ... ); the node interpreter runs simple commands, "
                            + "pipelines, && || ; and &");
                }
                throw ShellSyntaxException.unexpected(line, "(");
            }
            if (c == '#') {
                skipComment();
                break;
            }
            if (isRedirectStart()) {
                redirects.add(redirect());
                continue;
            }
            Word w = words.word();
            if (args.isEmpty()) {
                String plain = w.literalText();
                if (plain != null && w.parts().size() == 1 && COMPOUND_WORDS.contains(plain) && w.isPlain(plain)) {
                    throw new NotModelledException("shell compound command '" + plain + "'; the node interpreter runs "
                            + "simple commands, pipelines, && || ; and &");
                }
                if (isAssignment(w)) {
                    assignments.add(splitAssignment(w));
                    continue;
                }
            }
            args.add(w);
        }
        if (args.isEmpty() && assignments.isEmpty() && redirects.isEmpty()) {
            throw ShellSyntaxException.unexpected(line, atEnd() ? "end of file" : tokenAt());
        }
        return new SimpleCommand(assignments, args, redirects, startLine);
    }

    private String tokenAt() {
        if (startsWith("&&") || startsWith("||") || startsWith(";;")) {
            return src.substring(pos, pos + 2);
        }
        return peek() == '\n' ? "newline" : String.valueOf(peek());
    }

    private boolean isRedirectStart() {
        int p = pos;
        while (p < src.length() && Character.isDigit(src.charAt(p))) {
            p++;
        }
        if (p < src.length() && (src.charAt(p) == '<' || src.charAt(p) == '>')) {
            return p == pos || p - pos <= 2;
        }
        return false;
    }

    private Redirect redirect() throws ShellSyntaxException {
        int fd = -1;
        int start = pos;
        while (Character.isDigit(peek())) {
            pos++;
        }
        if (pos > start) {
            fd = Integer.parseInt(src.substring(start, pos));
        }
        RedirectKind kind;
        if (startsWith("<<")) {
            throw new NotModelledException("here-document (<<); write the file with printf or upload it");
        } else if (startsWith("<>")) {
            throw new NotModelledException("redirection <>");
        } else if (startsWith(">>")) {
            kind = RedirectKind.APPEND;
            pos += 2;
        } else if (startsWith(">&")) {
            kind = RedirectKind.DUP_OUT;
            pos += 2;
        } else if (startsWith("<&")) {
            kind = RedirectKind.DUP_IN;
            pos += 2;
        } else if (startsWith(">|")) {
            kind = RedirectKind.OUT;
            pos += 2;
        } else if (peek() == '>') {
            kind = RedirectKind.OUT;
            pos++;
        } else {
            kind = RedirectKind.IN;
            pos++;
        }
        if (fd < 0) {
            fd = kind == RedirectKind.IN || kind == RedirectKind.DUP_IN ? 0 : 1;
        }
        skipSpaces();
        if (atEnd() || ";&|<>()\n".indexOf(peek()) >= 0) {
            throw ShellSyntaxException.unexpected(line, atEnd() ? "end of file" : tokenAt());
        }
        return new Redirect(fd, kind, words.word());
    }

    private static boolean isAssignment(Word w) {
        return !w.parts().isEmpty() && w.parts().get(0) instanceof Ast.Literal l && !l.quoted()
                && ASSIGNMENT.matcher(l.text()).matches();
    }

    private static Assignment splitAssignment(Word w) {
        Ast.Literal first = (Ast.Literal) w.parts().get(0);
        int eq = first.text().indexOf('=');
        List<Ast.Part> value = new ArrayList<>();
        if (eq + 1 < first.text().length()) {
            value.add(new Ast.Literal(first.text().substring(eq + 1), false));
        }
        value.addAll(w.parts().subList(1, w.parts().size()));
        return new Assignment(first.text().substring(0, eq), new Word(value));
    }

    boolean startsWith(String s) {
        return src.startsWith(s, pos);
    }

    /** Skips blanks and backslash-newline continuations (not newlines). */
    void skipSpaces() {
        while (!atEnd()) {
            char c = peek();
            if (c == ' ' || c == '\t' || c == '\r') {
                pos++;
            } else if (c == '\\' && peek(1) == '\n') {
                pos += 2;
                line++;
            } else {
                return;
            }
        }
    }

    private void skipBlankLines() {
        while (true) {
            skipSpaces();
            if (atEnd()) {
                return;
            }
            if (peek() == '\n') {
                pos++;
                line++;
            } else if (peek() == '#') {
                skipComment();
            } else {
                return;
            }
        }
    }

    private void skipComment() {
        while (!atEnd() && peek() != '\n') {
            pos++;
        }
    }
}
