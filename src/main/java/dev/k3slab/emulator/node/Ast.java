package dev.k3slab.emulator.node;

import java.util.List;

/**
 * The parsed form of a command line, as the node interpreter runs it: lists of and-or chains of
 * pipelines of simple commands. Compound commands (if, while, for, case, subshells, functions) and
 * here-documents have no node here: the parser refuses them.
 */
final class Ast {
    private Ast() {
    }

    /** Statements separated by {@code ;}, {@code &} or newlines. */
    record Script(List<Statement> statements) {
        Script {
            statements = List.copyOf(statements);
        }
    }

    /** One and-or chain; {@code background} when it ended with {@code &}. */
    record Statement(AndOr body, boolean background) {
    }

    /**
     * Pipelines joined by {@code &&} and {@code ||}: {@code and.get(i)} is the operator between
     * pipeline i and i+1 (true for {@code &&}).
     */
    record AndOr(List<Pipeline> pipelines, List<Boolean> and) {
        AndOr {
            pipelines = List.copyOf(pipelines);
            and = List.copyOf(and);
        }
    }

    /** Simple commands joined by {@code |}; {@code negated} when it started with {@code !}. */
    record Pipeline(List<SimpleCommand> commands, boolean negated) {
        Pipeline {
            commands = List.copyOf(commands);
        }
    }

    /** {@code VAR=value ... word ... redirections}; {@code line} is where it starts (for messages). */
    record SimpleCommand(List<Assignment> assignments, List<Word> words, List<Redirect> redirects, int line) {
        SimpleCommand {
            assignments = List.copyOf(assignments);
            words = List.copyOf(words);
            redirects = List.copyOf(redirects);
        }
    }

    record Assignment(String name, Word value) {
    }

    /** {@code fd} op {@code target}; for the DUP kinds the target is a file descriptor number or {@code -}. */
    record Redirect(int fd, RedirectKind kind, Word target) {
    }

    enum RedirectKind { IN, OUT, APPEND, DUP_OUT, DUP_IN }

    /** A word before expansion: literal pieces, parameters and command substitutions. */
    record Word(List<Part> parts) {
        Word {
            parts = List.copyOf(parts);
        }

        /** The word when it is made of literal text only, else null. */
        String literalText() {
            StringBuilder sb = new StringBuilder();
            for (Part p : parts) {
                if (!(p instanceof Literal l)) {
                    return null;
                }
                sb.append(l.text());
            }
            return sb.toString();
        }

        /** True when the word is one unquoted literal equal to {@code s} (reserved-word check). */
        boolean isPlain(String s) {
            return parts.size() == 1 && parts.get(0) instanceof Literal l && !l.quoted() && l.text().equals(s);
        }
    }

    sealed interface Part permits Literal, Parameter, CommandSubstitution, Tilde {
    }

    /** Text; {@code quoted} when it came from quotes or a backslash (no field splitting, no globbing). */
    record Literal(String text, boolean quoted) implements Part {
    }

    /**
     * {@code $name} or {@code ${name<op>argument}}. {@code op} is null, {@code :-}, {@code -},
     * {@code :+}, {@code +}, {@code :=}, {@code =} or {@code #} (length, no argument).
     */
    record Parameter(String name, String op, Word argument, boolean quoted) implements Part {
    }

    /** {@code $(...)} or a backquoted command. */
    record CommandSubstitution(Script script, boolean quoted) implements Part {
    }

    /** A leading unquoted {@code ~}: the user's home folder. */
    record Tilde() implements Part {
    }
}
