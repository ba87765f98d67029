package dev.k3slab.machine.vagrant;

/**
 * Text from Vagrant did not have the expected shape. The message quotes the offending line with its
 * number and names the shape that was expected.
 */
public class VagrantFormatException extends RuntimeException {
    private final String format;
    private final int lineNumber;
    private final String line;

    public VagrantFormatException(String format, int lineNumber, String line, String problem) {
        super(format + ", line " + lineNumber + ": " + problem + ": \"" + line + "\"");
        this.format = format;
        this.lineNumber = lineNumber;
        this.line = line;
    }

    /** Which output was being read, e.g. {@code vagrant status --machine-readable}. */
    public String format() {
        return format;
    }

    /** 1-based number of the offending line. */
    public int lineNumber() {
        return lineNumber;
    }

    public String line() {
        return line;
    }
}
