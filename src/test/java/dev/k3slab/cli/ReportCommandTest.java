package dev.k3slab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.k3slab.report.ReportWriter;
import dev.k3slab.report.SourceRunFixture;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ReportCommandTest {
    private static final String RUN_ID = "20260222-050000-emulated";

    @TempDir
    Path reports;

    private Path folder;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void storeARun() throws IOException {
        folder = new ReportWriter().write(SourceRunFixture.run(), reports);
        Files.delete(folder.resolve("report.html"));
        Files.writeString(folder.resolve("report.md"), "stale");
    }

    @Test
    void reportWithoutArgumentsReRendersTheLatestRunAndPrintsThePaths() throws IOException {
        FileTime jsonBefore = Files.getLastModifiedTime(folder.resolve("report.json"));

        assertThat(lab("report", "--report-dir", reports.toString())).isZero();

        assertThat(folder.resolve("report.html")).content().contains("<table id=\"comparison\"");
        assertThat(folder.resolve("report.md")).content().startsWith("# k3s-lab report " + RUN_ID);
        assertThat(Files.getLastModifiedTime(folder.resolve("report.json"))).isEqualTo(jsonBefore);
        assertThat(out.toString()).contains("re-rendered run " + RUN_ID, "report.html", "report.md");
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void aRunCanBeNamedByItsIdItsFolderOrItsReportJson() {
        for (String run : new String[] {RUN_ID, folder.toString(), folder.resolve("report.json").toString()}) {
            assertThat(lab("report", run, "--report-dir", reports.toString())).as(run).isZero();
        }
        assertThat(folder.resolve("report.html")).exists();
    }

    @Test
    void latestAsATextFileHoldingTheRunIdIsUnderstoodToo() throws IOException {
        Files.delete(reports.resolve("latest"));
        Files.writeString(reports.resolve("latest"), RUN_ID + "\n");

        assertThat(lab("report", "latest", "--report-dir", reports.toString())).isZero();
        assertThat(folder.resolve("report.html")).exists();
    }

    @Test
    void anUnknownRunExitsWith2AndSaysWhatToDo() {
        assertThat(lab("report", "no-such-run", "--report-dir", reports.toString())).isEqualTo(2);
        assertThat(err.toString()).contains(reports.resolve("no-such-run").toString(),
                "no run folder or report.json by the name 'no-such-run'", "fix:", "ls " + reports);
    }

    @Test
    void aMissingOrBrokenReportJsonExitsWith2NamingTheFile() throws IOException {
        Files.writeString(folder.resolve("report.json"), "{ not json");
        assertThat(lab("report", RUN_ID, "--report-dir", reports.toString())).isEqualTo(2);
        assertThat(err.toString()).contains(folder.resolve("report.json") + ": not a k3s-lab run record at line 1");

        Files.delete(folder.resolve("report.json"));
        assertThat(lab("report", RUN_ID, "--report-dir", reports.toString())).isEqualTo(2);
        assertThat(err.toString()).contains(folder.resolve("report.json") + ": no such file", "run `./lab run` first");
    }

    @Test
    void anEmptyReportsFolderHasNoLatestRun() throws IOException {
        Path empty = Files.createDirectory(reports.resolve("empty"));
        assertThat(lab("report", "--report-dir", empty.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("latest: does not exist: no run has been recorded", "./lab run");
    }

    @Test
    void helpListsTheExitCodes() {
        assertThat(lab("report", "--help")).isZero();
        assertThat(out.toString()).contains("Usage: lab report [-hV] [--report-dir=DIR] [RUN]", "Exit codes:",
                "2   no such run, or its report.json is missing or unreadable");
    }

    private int lab(String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        return new CommandLine(new LabCommand()).setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute(args);
    }
}
