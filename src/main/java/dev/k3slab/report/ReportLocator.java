package dev.k3slab.report;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds a stored run's {@code report.json} from what a user types: {@code latest}, a run id, a folder or the file. */
public final class ReportLocator {
    private ReportLocator() {
    }

    /**
     * The {@code report.json} that {@code run} names. Does not check that the file exists (reading does,
     * with a message that names it).
     *
     * @param run        {@code latest}, a run id under {@code reportsDir}, a run folder, or a {@code report.json} path
     * @param reportsDir where runs are stored
     * @throws UnreadableReportException when nothing by that name exists
     */
    public static Path reportJson(String run, Path reportsDir) {
        if (run == null || run.isBlank() || run.equals(LatestLink.NAME)) {
            return LatestLink.resolve(reportsDir).resolve(ReportWriter.JSON);
        }
        Path given = Path.of(run);
        if (Files.isRegularFile(given)) {
            return given;
        }
        if (Files.isDirectory(given)) {
            return given.resolve(ReportWriter.JSON);
        }
        Path byId = reportsDir.resolve(run);
        if (Files.isDirectory(byId)) {
            return byId.resolve(ReportWriter.JSON);
        }
        throw new UnreadableReportException(byId, "no run folder or report.json by the name '" + run + "'",
                "RUN is a run id (see `ls " + reportsDir + "`), a run folder, or a report.json path; "
                        + "or point --report-dir at the folder that holds your runs");
    }
}
