package dev.k3slab.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.k3slab.record.RunRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportWriterTest {
    @TempDir
    Path reports;

    private final ReportWriter writer = new ReportWriter();

    @Test
    void writingARunCreatesItsFolderWithTheThreeFilesAndPointsLatestAtIt() throws IOException {
        Path folder = writer.write(SourceRun.run(), reports);

        assertThat(folder).isEqualTo(reports.resolve("20260222-050000-emulated"));
        assertThat(folder.resolve("report.json")).isRegularFile();
        assertThat(folder.resolve("report.html")).isRegularFile();
        assertThat(folder.resolve("report.md")).isRegularFile();
        Path latest = reports.resolve("latest");
        assertThat(Files.isSymbolicLink(latest)).isTrue();
        assertThat(Files.readSymbolicLink(latest)).isEqualTo(Path.of("20260222-050000-emulated"));
        assertThat(LatestLink.resolve(reports)).isEqualTo(folder);
    }

    @Test
    void aSecondRunMovesLatestOn() {
        writer.write(SourceRun.run(), reports);
        RunRecord first = SourceRun.run();
        RunRecord second = new RunRecord("20260223-090000-emulated", first.provider(), first.providerDescription(), true,
                first.k3sVersion(), first.nodes(), first.started(), 1, first.verdict(), first.experiments(), List.of(), List.of());
        Path folder = writer.write(second, reports);
        assertThat(LatestLink.resolve(reports)).isEqualTo(folder);
        assertThat(ReportLocator.reportJson("latest", reports)).isEqualTo(folder.resolve("report.json"));
    }

    @Test
    void reportJsonHoldsTheProviderAndEveryExperimentWithItsVerdictAndReadsBackToTheSameRecord() throws IOException {
        RunRecord run = SourceRun.run();
        Path folder = writer.write(run, reports);

        JsonNode json = new ObjectMapper().readTree(folder.resolve("report.json").toFile());
        assertThat(json.get("provider").asText()).isEqualTo("emulated");
        assertThat(json.get("experiments")).hasSize(10);
        assertThat(json.get("experiments").get(5).get("id").asText()).isEqualTo("4b");
        assertThat(json.get("experiments").get(5).get("verdict").asText()).isIn("PASS", "FAIL", "UNKNOWN");
        assertThat(json.get("started").asText()).isEqualTo("2026-12-04T15:30:00Z");
        assertThat(json.at("/experiments/1/observations/1/joinFlags/server").asText()).isEqualTo(SourceRun.CP1_URL);

        RunRecord back = writer.read(folder.resolve("report.json"));
        // The writer masks: the planted token in the transcripts is the one difference.
        assertThat(back.experiments().get(4)).isEqualTo(run.experiments().get(4));
        assertThat(back.timeline()).isEqualTo(run.timeline());
        assertThat(back.experiments().get(1).observations()).isEqualTo(run.experiments().get(1).observations());
    }

    @Test
    void theHtmlHoldsTheComparisonTableAsTheSourceHasItWithThePart1ReferenceRow() throws IOException {
        String html = Files.readString(writer.write(SourceRun.run(), reports).resolve("report.html"));

        List<List<String>> rows = HtmlTables.rows(html, "comparison");
        assertThat(rows).hasSize(4);
        assertThat(rows.get(0)).startsWith("4a: etcd data kept: k3s server without flags", "cp-3",
                "control-plane,etcd,master", "kept (56m)", "all 5 (cp-1, cp-2, cp-3, w-1, w-2)", "etcd");
        assertThat(rows.get(0).get(6)).startsWith("no");
        assertThat(rows.get(1)).startsWith("4b: etcd WAL deleted: k3s server without flags", "cp-3", "control-plane,master",
                "new (30s)", "only cp-3", "SQLite (kine)");
        assertThat(rows.get(1).get(6)).startsWith("yes");
        assertThat(rows.get(2).subList(2, 6)).containsExactly("control-plane,master", "new (10m)", "only cp-3", "SQLite (kine)");
        assertThat(rows.subList(0, 3)).allSatisfy(r -> assertThat(r.get(7)).isEqualTo("✓ agrees with the source"));
        assertThat(rows.get(3)).containsSequence("control-plane,master", "19h", "only cp-node-c",
                "presumed SQLite (not observed)");
        assertThat(rows.get(3).get(0)).contains("Part 1", "reference", "not observed by this run");
        assertThat(html).contains("<a href=\"#exp-4b\">4b: etcd WAL deleted");
        assertThat(html).contains("<section class=\"exp\" id=\"exp-4b\">");
    }

    @Test
    void theHtmlBootMatrixLinksEachObservedCellAndMarksTheOthersNotObserved() throws IOException {
        String html = Files.readString(writer.write(SourceRun.run(), reports).resolve("report.html"));

        List<List<String>> rows = HtmlTables.rows(html, "boot-matrix-table");
        assertThat(rows).extracting(r -> r.get(0)).containsExactly("k3s server (no join flags)",
                "k3s server --server URL --token T", "k3s server --cluster-init", "k3s server --cluster-reset");
        assertThat(rows.get(0).get(1)).contains("3a (cp-2): rejoined as the existing member", "4a (cp-3)");
        assertThat(rows.get(0).get(2)).contains("4b (cp-3): new single-node SQLite cluster: split brain", "4c (cp-3)");
        assertThat(rows.get(1).get(1)).startsWith("not observed by this run").contains("words only");
        assertThat(rows.get(1).get(2)).contains("5c (cp-3): joined as a learner");
        assertThat(rows.get(3).get(1)).startsWith("not observed by this run").contains("words only");
        assertThat(rows.get(3).get(2)).startsWith("not observed by this run");
        String table = HtmlTables.table(html, "boot-matrix-table");
        assertThat(table).contains("<a href=\"#exp-4b\">4b</a>", "<a href=\"#exp-5c\">5c</a>", "<a href=\"#exp-3a\">3a</a>");
    }

    @Test
    void theHtmlHas5a5b5cJoinFlagsChecksWithPredictionsAndCollapsedTranscripts() throws IOException {
        String html = Files.readString(writer.write(SourceRun.run(), reports).resolve("report.html"));

        List<List<String>> members = HtmlTables.rows(html, "member-removal-table");
        assertThat(members).extracting(r -> r.get(0)).containsExactly("5a", "5b", "5c");
        assertThat(members).allSatisfy(r -> assertThat(r.get(5)).isEqualTo("✓ agrees with the source"));
        assertThat(members.get(1).get(2)).contains("member cp-3 removed");

        List<List<String>> flags = HtmlTables.rows(html, "join-flags-table");
        assertThat(flags).extracting(r -> r.get(0)).containsExactly("cp-1", "cp-2", "cp-3");
        assertThat(flags.get(0).get(2)).startsWith("--cluster-init ✓ source: --cluster-init");
        assertThat(flags.get(1).get(3)).startsWith("no join flags (token set) ✓ source: no join flags");

        assertThat(html).contains("<th>Expected</th><th>Observed</th><th>K3s model predicts</th>");
        assertThat(html).contains("kept: the WAL exists, so cp-3 starts as the existing member (reference §1)");
        assertThat(html).contains("<details class=\"step\" id=\"exp-4a-step-2\">");
        assertThat(html).contains("<span class=\"prompt\">$ k3s server --node-ip 192.168.56.13 --advertise-address 192.168.56.13</span>");
        assertThat(html).doesNotContain("<details class=\"step\" id=\"exp-4a-step-2\" open");
    }

    @Test
    void theHtmlIsSelfContainedAndCarriesTheEmulatedBannerAndTheTimeline() throws IOException {
        String html = Files.readString(writer.write(SourceRun.run(), reports).resolve("report.html"));

        assertThat(html).contains("<div class=\"banner\" id=\"emulated-banner\" role=\"note\">Emulated lab — an in-process "
                + "model of K3s v1.27.9, not real VMs; durations on the lab clock are emulated</div>");
        assertThat(html).doesNotContainPattern("(?i)<script|<link |<img |<iframe|@import|url\\(|src=");
        assertThat(html).doesNotContainPattern("href=\"(?!#)");
        assertThat(html).contains("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"timeline\"");
        List<List<String>> verdicts = HtmlTables.rows(html, "verdicts");
        assertThat(verdicts).hasSize(10);
        assertThat(verdicts.get(4)).startsWith("4a", "etcd data kept: k3s server without flags", "PASS", "2 of 2");
    }

    @Test
    void aRealVmRunHasNoEmulatedBannerAndAnEmptyTimelineSaysSo() throws IOException {
        RunRecord e = SourceRun.run(SourceRun.experiments(), List.of());
        RunRecord real = new RunRecord("20260101-000000-vagrant", "vagrant", "VirtualBox VMs driven by Vagrant", false,
                e.k3sVersion(), e.nodes(), e.started(), e.tookMillis(), e.verdict(), e.experiments(), List.of(), List.of());
        Path folder = writer.write(real, reports);
        String html = Files.readString(folder.resolve("report.html"));
        String md = Files.readString(folder.resolve("report.md"));

        assertThat(html).doesNotContain("emulated-banner").contains("no monitor samples in this run");
        assertThat(md).doesNotContain("Emulated lab");
    }

    @Test
    void theMarkdownCarriesTheSummaryAndTheTablesAsPullRequestCommentMarkdown() throws IOException {
        String md = Files.readString(writer.write(SourceRun.run(), reports).resolve("report.md"));

        assertThat(md).startsWith("# k3s-lab report 20260222-050000-emulated: PASS\n");
        assertThat(md).contains("> ⚠️ **Emulated lab — an in-process model of K3s v1.27.9, not real VMs; durations on the "
                + "lab clock are emulated**");
        assertThat(md).contains("| K3s version | v1.27.9+k3s1 |");
        assertThat(md).contains("| 4b | etcd WAL deleted: k3s server without flags | **PASS** | 2 of 2 |");
        assertThat(md).contains("| 4a: etcd data kept: k3s server without flags | control-plane,etcd,master | kept (56m) "
                + "| all 5 (cp-1, cp-2, cp-3, w-1, w-2) | etcd | **no** | ✓ agrees with the source |");
        assertThat(md).contains("| 4c: K3s uninstalled and reinstalled without flags | control-plane,master | new (10m) "
                + "| only cp-3 | SQLite (kine) | **yes** | ✓ agrees with the source |");
        assertThat(md).contains("| *Part 1 field observation (reference, not observed by this run)* | control-plane,master "
                + "| 19h | only cp-node-c | presumed SQLite (not observed) | **yes** | reference row |");
        assertThat(md).contains("| k3s server --server URL --token T | *not observed by this run*<br>source: join mostly fails");
        assertThat(md).contains("| cp-1 | no join flags | --cluster-init<br>✓ source: --cluster-init | ");
        assertThat(md).contains("Every check passed.");
        // Every table row has as many cells as its header.
        for (String table : md.split("\n\n")) {
            List<String> lines = table.lines().filter(l -> l.startsWith("|")).toList();
            if (lines.size() > 1) {
                long columns = cells(lines.get(0));
                assertThat(lines).allSatisfy(l -> assertThat(cells(l)).as(l).isEqualTo(columns));
            }
        }
    }

    @Test
    void theMarkdownListsTheChecksThatDidNotPassAndEscapesWhatMarkdownWouldMisread() throws IOException {
        SourceRun.Exp e = new SourceRun.Exp("4b", "etcd WAL deleted | pipes <none> *stars*", 50);
        e.failedCheck("cp-3 sees only itself", "visible-only-self", "only cp-3", "cp-1|cp-3 <none>", "kubectl get nodes");
        RunRecord run = SourceRun.run(SourceRun.with(e.build(null, List.of())), List.of());
        String md = Files.readString(writer.write(run, reports).resolve("report.md"));

        assertThat(md).contains("- **FAIL** 4b: cp-3 sees only itself: expected only cp-3, observed cp-1\\|cp-3 &lt;none&gt;");
        assertThat(md).contains("| 4b | etcd WAL deleted \\| pipes &lt;none&gt; \\*stars\\* | **FAIL** | 0 of 1 |");
        assertThat(md).doesNotContain("Every check passed.");
    }

    @Test
    void aRunIdThatIsNotAPlainFolderNameIsRefused() {
        RunRecord r = SourceRun.run();
        RunRecord bad = new RunRecord("../escape", r.provider(), r.providerDescription(), true, r.k3sVersion(), r.nodes(),
                r.started(), 1, r.verdict(), List.of(), List.of(), List.of());
        assertThatThrownBy(() -> writer.write(bad, reports)).isInstanceOf(ReportException.class)
                .hasMessageContaining("run id '../escape' cannot name a report folder").hasMessageContaining("fix:");
        assertThat(reports).isEmptyDirectory();
    }

    @Test
    void readingAFileThatIsNotARunRecordNamesTheFileAndTheFix() throws IOException {
        Path file = reports.resolve("report.json");
        Files.writeString(file, "{\"provider\": \"emulated\", \"experiments\": 3}");
        assertThatThrownBy(() -> writer.read(file)).isInstanceOf(UnreadableReportException.class)
                .hasMessageStartingWith(file + ": not a k3s-lab run record at line 1")
                .hasMessageContaining("fix: re-render only report.json files written by `./lab run`");
        assertThatThrownBy(() -> writer.read(reports.resolve("missing.json"))).isInstanceOf(UnreadableReportException.class)
                .hasMessageContaining("missing.json: no such file");
    }

    private static long cells(String line) {
        return line.replace("\\|", "").chars().filter(c -> c == '|').count();
    }
}
