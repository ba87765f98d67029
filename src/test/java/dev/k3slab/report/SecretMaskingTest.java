package dev.k3slab.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.k3slab.record.CheckRecord;
import dev.k3slab.record.ExperimentRecord;
import dev.k3slab.record.ObservationRecord;
import dev.k3slab.record.RunRecord;
import dev.k3slab.record.StepRecord;
import dev.k3slab.record.Verdict;
import dev.k3slab.shell.SecretMasker;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretMaskingTest {
    private static final String PASSWORD = "96039607a727f087dece9a9fffa1f0bf";
    private static final String REGISTERED = "s3cr3t-lab-passphrase";

    @TempDir
    Path reports;

    @Test
    void aTokenPlantedInAnOutputAnObservationAndACheckNeverReachesAnyOfTheThreeFiles() throws IOException {
        SecretMasker masker = new SecretMasker();
        masker.register(REGISTERED);
        Path folder = new ReportWriter(masker).write(planted(), reports);

        for (String file : List.of("report.json", "report.html", "report.md")) {
            String text = Files.readString(folder.resolve(file));
            assertThat(text).as(file).doesNotContain(SourceRun.TOKEN).doesNotContain(PASSWORD).doesNotContain(REGISTERED);
        }
        String html = Files.readString(folder.resolve("report.html"));
        assertThat(html).contains("cat /var/lib/rancher/k3s/server/node-token").contains(SecretMasker.MASK);
        // Markdown escapes the mask's stars so that they show as stars.
        assertThat(Files.readString(folder.resolve("report.md"))).contains("K3S\\_TOKEN=" + SecretMasker.MASK.replace("*", "\\*"));
    }

    @Test
    void reRenderingAReportJsonThatHoldsATokenMasksItInTheHtmlAndMarkdown() throws IOException {
        Path folder = reports.resolve("hand-made");
        Files.createDirectories(folder);
        // A report.json written by something that did not mask (an older harness, a hand edit).
        Files.writeString(folder.resolve("report.json"), new com.fasterxml.jackson.databind.ObjectMapper()
                .registerModule(new com.fasterxml.jackson.datatype.jsr310.JavaTimeModule())
                .registerModule(new com.fasterxml.jackson.datatype.jdk8.Jdk8Module())
                .writeValueAsString(planted()));
        ReportWriter writer = new ReportWriter();
        writer.render(writer.read(folder.resolve("report.json")), folder);

        assertThat(Files.readString(folder.resolve("report.html"))).doesNotContain(PASSWORD);
        assertThat(Files.readString(folder.resolve("report.md"))).doesNotContain(PASSWORD);
    }

    /** The source run with the token in a command's stdout, an observation's ExecStart and a failed check. */
    private static RunRecord planted() {
        ExperimentRecord two = SourceRun.two();
        List<StepRecord> steps = new ArrayList<>(two.steps());
        StepRecord first = steps.get(0);
        steps.set(0, new StepRecord(first.index(), first.name(), first.kind(), first.node(), first.started(),
                first.tookMillis(), first.labStarted(), first.labMillis(), Verdict.PASS, "registered: " + REGISTERED,
                List.of(SourceRun.cmd("cp-1", "cat /var/lib/rancher/k3s/server/node-token", 0, SourceRun.TOKEN + "\n"))));
        List<ObservationRecord> observations = new ArrayList<>(two.observations());
        observations.add(SourceRun.unit("unit-with-token", "cp-2", first.labStarted(), SourceRun.flags(SourceRun.CP1_URL,
                true, false), "server", "--token", SourceRun.TOKEN));
        List<CheckRecord> checks = new ArrayList<>(two.checks());
        checks.add(new CheckRecord("the token is set", "token", "set", "K3S_TOKEN=" + PASSWORD, Verdict.FAIL,
                null, "env file: K3S_TOKEN=\"" + SourceRun.TOKEN + "\""));
        ExperimentRecord planted = new ExperimentRecord(two.id(), two.title(), two.file(), Verdict.FAIL, two.started(),
                two.tookMillis(), two.labMillis(), null, steps, observations, checks, null, two.bootCases(), two.evidence());
        return SourceRun.run(SourceRun.with(planted), SourceRun.timeline());
    }
}
