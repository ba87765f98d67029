package dev.k3slab.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.k3slab.emulator.EmulatedLab;
import dev.k3slab.record.ExperimentRecord;
import dev.k3slab.record.MonitorSample;
import dev.k3slab.record.RunRecord;
import dev.k3slab.record.StepRecord;
import dev.k3slab.record.Verdict;
import dev.k3slab.report.ReportWriter;
import dev.k3slab.shell.CommandLog;
import dev.k3slab.shell.SecretMasker;
import dev.k3slab.shell.ssh.HostKeyTrust;
import dev.k3slab.shell.ssh.SshNodeShell;
import dev.k3slab.shell.ssh.SshSettings;
import dev.k3slab.topology.Topology;
import dev.k3slab.topology.TopologyLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One full emulated run of 1-5c through the real sshj shells, with a command listener and the
 * report written, and what must hold of it as a whole: the node token read in clear once, used by
 * 2's joins and 5c's {@code --token}, and in clear text nowhere the harness writes; the monitor's
 * RAFT TERM rising when the leader restarts.
 */
class FullEmulatedRunTest {

    @TempDir
    static Path dir;
    static Path labDir;
    static RunRecord run;
    static Path reports;
    static final CommandLog HEARD = new CommandLog();
    static final List<String> CONSOLE = new ArrayList<>();

    @BeforeAll
    static void playOnce() throws IOException {
        Topology topology = TopologyLoader.loadDefault();
        ScenarioLoader.Loaded loaded = new ScenarioLoader(topology).load(ScenarioLoader.filesIn(Path.of("scenarios")));
        SecretMasker masker = new SecretMasker();
        labDir = dir.resolve("lab");
        Path runDir = Files.createDirectories(dir.resolve("runs/full-emulated-run"));
        try (EmulatedLab lab = EmulatedLab.withK3sModel(topology, labDir)) {
            HostKeyTrust trust = new HostKeyTrust();
            try (LabSession session = new LabSession(lab, topology, node -> new SshNodeShell(node,
                    () -> lab.sshEndpoint(node), SshSettings.defaults(), trust, masker, HEARD), masker, runDir,
                    labDir.resolve("observations"))) {
                run = new ScenarioEngine(session, recording(CONSOLE)).run(loaded.set().orElseThrow(), RunPlan.Selection.all());
            }
        }
        reports = new ReportWriter(masker).write(run, dir.resolve("reports"));
        assertThat(run.verdict()).as(run.notes().toString()).isEqualTo(Verdict.PASS);
    }

    @Test
    void theTokenReachesTheJoinsInClearAndNoListenerRecordLogOrReportFile() throws IOException {
        String token = Files.readString(disk(labDir, "cp-1", "var/lib/rancher/k3s/server/token")).strip();
        String password = token.substring(token.indexOf("::server:") + "::server:".length());
        assertThat(token).matches("K10[0-9a-f]{64}::server:[0-9a-f]+");

        // The joins got the real value: the emulated K3s refuses a wrong token, and the units keep what they were given.
        assertThat(Files.readString(disk(labDir, "cp-2", "etc/systemd/system/k3s.service.env"))).contains(token);
        assertThat(Files.readString(disk(labDir, "cp-3", "etc/systemd/system/k3s.service"))).contains("'--token'")
                .contains(token);
        StepRecord read = run.experiments().get(0).steps().stream().filter(s -> s.name().equals("read the node token on cp-1"))
                .findFirst().orElseThrow();
        assertThat(read.commands()).singleElement().satisfies(c -> {
            assertThat(c.command()).isEqualTo("cat /var/lib/rancher/k3s/server/node-token");
            assertThat(c.stdout()).isEqualTo("******** (captured as token)");
        });

        assertThat(HEARD.results()).hasSizeGreaterThan(100);
        for (String secret : List.of(token, password)) {
            assertThat(HEARD.results().toString()).as("what the command listener heard").doesNotContain(secret);
            assertThat(run.toString()).as("the run record").doesNotContain(secret);
            assertThat(String.join("\n", CONSOLE)).as("the console progress").doesNotContain(secret);
            assertThat(filesUnder(reports)).as("the report files").hasSizeGreaterThanOrEqualTo(3)
                    .allSatisfy(f -> assertThat(Files.readString(f)).as(f.toString()).doesNotContain(secret));
            assertThat(filesUnder(labDir.resolve("observations"))).as("observations kept beside checkpoints")
                    .allSatisfy(f -> assertThat(Files.readString(f)).as(f.toString()).doesNotContain(secret));
        }
        assertThat(HEARD.results().toString()).contains("K3S_TOKEN=\"" + SecretMasker.MASK + "\"")
                .contains("--token " + SecretMasker.MASK);
    }

    @Test
    void theMonitorsRaftTermRisesWhenCp1TheLeaderSince2RestartsIn3b() throws IOException {
        List<MonitorSample> in3b = run.timeline().stream().filter(s -> s.experiment().equals("3b")).toList();
        assertThat(in3b).isNotEmpty();
        Long first = in3b.get(0).raftTerm();
        Long last = in3b.get(in3b.size() - 1).raftTerm();
        assertThat(first).as("RAFT TERM before cp-1 restarts").isNotNull();
        assertThat(last).as("RAFT TERM after cp-1 is back").isGreaterThan(first);
        assertThat(run.timeline()).as("every sample reads a term or says why not")
                .allSatisfy(s -> assertThat(s.raftTerm() != null || s.error() != null).as(s.toString()).isTrue());
        List<Long> written = new ArrayList<>();
        new ObjectMapper().readTree(reports.resolve(ReportWriter.JSON).toFile()).get("timeline").forEach(s -> {
            if (s.get("experiment").asText().equals("3b") && s.hasNonNull("raftTerm")) {
                written.add(s.get("raftTerm").asLong());
            }
        });
        assertThat(written).as("3b's terms in report.json").startsWith(first).endsWith(last);
    }

    private static Path disk(Path labDir, String node, String path) {
        return labDir.resolve("nodes").resolve(node).resolve(path);
    }

    private static List<Path> filesUnder(Path root) throws IOException {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).toList();
        }
    }

    private static Progress recording(List<String> console) {
        return new Progress() {
            @Override
            public void note(String line) {
                console.add(line);
            }

            @Override
            public void stepFinished(Scenario scenario, Step step, StepRecord record) {
                console.add(record.toString());
            }

            @Override
            public void experimentFinished(ExperimentRecord record) {
                console.add(record.toString());
            }
        };
    }
}
