package dev.k3slab.emulator.node;

/**
 * A command line the shell cannot parse. Carries what dash and bash would each say, so the
 * interpreter can print the message of the shell it stands for (exit status 2).
 */
final class ShellSyntaxException extends Exception {
    private final int line;
    private final String dashText;
    private final String bashText;

    private ShellSyntaxException(int line, String dashText, String bashText) {
        super(dashText);
        this.line = line;
        this.dashText = dashText;
        this.bashText = bashText;
    }

    static ShellSyntaxException unexpected(int line, String token) {
        String bashToken = token.equals("end of file") ? "newline" : token;
        return new ShellSyntaxException(line, "Syntax error: \"" + token + "\" unexpected",
                "syntax error near unexpected token `" + bashToken + "'");
    }

    static ShellSyntaxException unterminated(int line, char quote) {
        String what = quote == ')' ? "Missing '))'" : quote == '}' ? "Missing '}'" : "Unterminated quoted string";
        return new ShellSyntaxException(line, "Syntax error: " + what,
                "unexpected EOF while looking for matching `" + quote + "'");
    }

    static ShellSyntaxException badSubstitution(int line, String text) {
        return new ShellSyntaxException(line, text + ": Bad substitution", text + ": bad substitution");
    }

    int line() {
        return line;
    }

    /** The text dash prints after {@code sh: <line>: }. */
    String dashText() {
        return dashText;
    }

    /** The text bash prints after {@code bash: -c: line <line>: }. */
    String bashText() {
        return bashText;
    }
}
