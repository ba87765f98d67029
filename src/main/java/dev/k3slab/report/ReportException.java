package dev.k3slab.report;

import java.nio.file.Path;

/**
 * A report could not be written or rendered. The message names the file, the problem and the likely fix.
 */
public class ReportException extends RuntimeException {
    private final transient Path file;

    public ReportException(Path file, String problem, String fix, Throwable cause) {
        super(file + ": " + problem + "\n  fix: " + fix, cause);
        this.file = file;
    }

    /** The file (or folder) the problem is about. */
    public Path file() {
        return file;
    }
}
