package dev.k3slab.observe;

/**
 * Input that does not have the shape a parser expects. The message quotes the offending line,
 * gives its 1-based line number and names the format expected. Parsers throw nothing else.
 */
public class ParseException extends RuntimeException {
    private final String format;
    private final int lineNumber;
    private final String line;

    public ParseException(String format, int lineNumber, String line, String problem) {
        super(format + ": line " + lineNumber + ": " + problem + (line == null ? "" : ": '" + line + "'"));
        this.format = format;
        this.lineNumber = lineNumber;
        this.line = line;
    }

    /** The format expected, e.g. {@code kubectl get nodes -o wide}. */
    public String format() {
        return format;
    }

    /** 1-based line number; 0 when the whole input is at fault (e.g. empty). */
    public int lineNumber() {
        return lineNumber;
    }

    /** The offending line, or null. */
    public String line() {
        return line;
    }
}
