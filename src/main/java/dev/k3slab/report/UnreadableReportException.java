package dev.k3slab.report;

import java.nio.file.Path;

/** A stored run could not be found or its {@code report.json} could not be read back. */
public final class UnreadableReportException extends ReportException {
    public UnreadableReportException(Path file, String problem, String fix, Throwable cause) {
        super(file, problem, fix, cause);
    }

    public UnreadableReportException(Path file, String problem, String fix) {
        this(file, problem, fix, null);
    }
}
