package dev.k3slab.cli;

import dev.k3slab.record.RunRecord;
import dev.k3slab.report.ReportException;
import dev.k3slab.report.ReportLocator;
import dev.k3slab.report.ReportWriter;
import dev.k3slab.report.UnreadableReportException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ./lab report [RUN] [--report-dir DIR]}: re-renders a stored run's {@code report.html} and
 * {@code report.md} from its {@code report.json}, without touching any machine.
 */
@Command(name = "report",
        mixinStandardHelpOptions = true,
        description = {"Re-render a stored run's report.html and report.md from its report.json.",
                "Touches no machine: it only reads report.json and writes the two files beside it."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the report was rendered",
                "1:the report could not be written",
                "2:no such run, or its report.json is missing or unreadable"})
public final class ReportCommand implements Callable<Integer> {
    static final int EXIT_WRITE_FAILED = ExitCodes.CHECKS_FAILED;
    static final int EXIT_UNREADABLE = ExitCodes.UNKNOWN_OR_BROKEN;

    @Parameters(index = "0", arity = "0..1", defaultValue = "latest", paramLabel = "RUN",
            description = "a run id, a run folder or a report.json path (default: ${DEFAULT-VALUE})")
    String run;

    @Option(names = "--report-dir", paramLabel = "DIR",
            description = "where runs are stored (default: reports/ in the k3s-lab checkout)")
    Path reportDir;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ReportWriter writer = new ReportWriter();
        try {
            Path json = ReportLocator.reportJson(run, reportDir == null ? ReportDirs.defaultDir() : reportDir);
            RunRecord record = writer.read(json);
            ReportWriter.Written written = writer.render(record, json.toAbsolutePath().getParent());
            out.println("re-rendered run " + record.runId() + " from " + json);
            out.println("  " + written.html());
            out.println("  " + written.markdown());
            out.flush();
            return 0;
        } catch (UnreadableReportException e) {
            err.println("cannot re-render: " + e.getMessage());
            err.flush();
            return EXIT_UNREADABLE;
        } catch (ReportException e) {
            err.println("cannot re-render: " + e.getMessage());
            err.flush();
            return EXIT_WRITE_FAILED;
        }
    }
}
