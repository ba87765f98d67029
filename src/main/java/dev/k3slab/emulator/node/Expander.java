package dev.k3slab.emulator.node;

import dev.k3slab.emulator.node.Ast.CommandSubstitution;
import dev.k3slab.emulator.node.Ast.Literal;
import dev.k3slab.emulator.node.Ast.Parameter;
import dev.k3slab.emulator.node.Ast.Part;
import dev.k3slab.emulator.node.Ast.Tilde;
import dev.k3slab.emulator.node.Ast.Word;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * Word expansion as dash does it: tilde, parameters, command substitution, field splitting of
 * unquoted expansions on blanks, then pathname globbing on the node's disk.
 */
final class Expander {
    private final Shell shell;
    /** The status of the last command substitution: {@code $?} of a command with no words. */
    private int substitutionStatus;

    Expander(Shell shell) {
        this.shell = shell;
    }

    int substitutionStatus() {
        return substitutionStatus;
    }

    /** Expands words into the fields of a command. */
    List<String> fields(List<Word> words, Streams io, int line) {
        substitutionStatus = 0;
        List<String> out = new ArrayList<>();
        for (Word w : words) {
            Fields f = new Fields();
            for (Part p : w.parts()) {
                expandPart(p, f, io, line);
            }
            f.end();
            for (int i = 0; i < f.values.size(); i++) {
                out.addAll(Glob.expand(f.values.get(i), f.globbable.get(i), shell.host(), shell.state().cwd));
            }
        }
        return out;
    }

    /** Expands a word into one string: no splitting, no globbing (assignments, redirection targets). */
    String single(Word w, Streams io, int line) {
        StringBuilder sb = new StringBuilder();
        for (Part p : w.parts()) {
            if (p instanceof Literal l) {
                sb.append(l.text());
            } else if (p instanceof Tilde) {
                sb.append(home());
            } else {
                sb.append(value(p, io, line));
            }
        }
        return sb.toString();
    }

    private void expandPart(Part p, Fields f, Streams io, int line) {
        if (p instanceof Literal l) {
            f.append(l.text(), !l.quoted());
        } else if (p instanceof Tilde) {
            f.append(home(), false);
        } else {
            boolean quoted = p instanceof Parameter pa ? pa.quoted() : ((CommandSubstitution) p).quoted();
            String v = value(p, io, line);
            if (quoted) {
                f.append(v, false);
            } else {
                f.split(v);
            }
        }
    }

    private String home() {
        String h = shell.state().vars.get("HOME");
        return h != null ? h : new Proc(shell.state().user, "/", java.util.Map.of()).home();
    }

    private String value(Part p, Streams io, int line) {
        if (p instanceof CommandSubstitution cs) {
            return substitute(cs, io);
        }
        Parameter pa = (Parameter) p;
        String v = parameter(pa.name());
        String op = pa.op();
        if (op == null) {
            if (v == null) {
                if (shell.state().nounset && !"@*".contains(pa.name())) {
                    throw new ShellError(shell.state().prefix(line) + pa.name() + ": parameter not set", 2);
                }
                return "";
            }
            return v;
        }
        if (op.equals("#")) {
            return String.valueOf(v == null ? 0 : v.length());
        }
        boolean set = op.startsWith(":") ? v != null && !v.isEmpty() : v != null;
        switch (op) {
            case ":-", "-" -> {
                return set ? v : single(pa.argument(), io, line);
            }
            case ":+", "+" -> {
                return set ? single(pa.argument(), io, line) : "";
            }
            default -> {
                if (set) {
                    return v;
                }
                String d = single(pa.argument(), io, line);
                shell.state().set(pa.name(), d);
                return d;
            }
        }
    }

    private String parameter(String name) {
        ShellState s = shell.state();
        switch (name) {
            case "?":
                return String.valueOf(s.lastStatus);
            case "!":
                return s.lastBackgroundPid;
            case "$":
                return String.valueOf(s.pid);
            case "#":
                return String.valueOf(s.positional.size());
            case "0":
                return s.name;
            case "@", "*":
                return String.join(" ", s.positional);
            case "-":
                return (s.errexit ? "e" : "") + (s.nounset ? "u" : "");
            default:
                if (Character.isDigit(name.charAt(0))) {
                    int i = Integer.parseInt(name);
                    return i <= s.positional.size() ? s.positional.get(i - 1) : null;
                }
                return s.vars.get(name);
        }
    }

    private String substitute(CommandSubstitution cs, Streams io) {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        Shell sub = shell.subshell();
        substitutionStatus = sub.run(cs.script(), new Streams(new ByteArrayInputStream(new byte[0]), buf, io.err()));
        String out = buf.toString(StandardCharsets.UTF_8);
        int end = out.length();
        while (end > 0 && out.charAt(end - 1) == '\n') {
            end--;
        }
        return out.substring(0, end);
    }

    /** Fields being built, with the characters that may glob (unquoted *, ? and [). */
    private static final class Fields {
        final List<String> values = new ArrayList<>();
        final List<BitSet> globbable = new ArrayList<>();
        private final StringBuilder cur = new StringBuilder();
        private BitSet curGlob = new BitSet();
        private boolean started;

        void append(String text, boolean mayGlob) {
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (mayGlob && (c == '*' || c == '?' || c == '[')) {
                    curGlob.set(cur.length());
                }
                cur.append(c);
            }
            started = true;
        }

        /** An unquoted expansion: split on blanks (IFS is never changed by the lab). */
        void split(String text) {
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == ' ' || c == '\t' || c == '\n') {
                    end();
                } else {
                    append(String.valueOf(c), true);
                }
            }
        }

        void end() {
            if (started) {
                values.add(cur.toString());
                globbable.add(curGlob);
            }
            cur.setLength(0);
            curGlob = new BitSet();
            started = false;
        }
    }
}
