package dev.k3slab.cli;

import static dev.k3slab.cli.CliRun.lab;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunCommandTest {
    @TempDir
    Path reports;

    @Test
    void experimentOneOnTheEmulatedLabPassesPrintsProgressAndWritesTheReport() {
        CliRun r = lab("run", "--only", "1", "--report-dir", reports.toString());
        assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(ExitCodes.OK);
        assertThat(r.out()).contains("== 1 — single control plane: cp-1 on SQLite, two agents",
                "[1] 1/28 cp-1 gets a K3s server without join flags ...",
                "[1] 2/28 PASS  wait until cp-1 is Ready seen from cp-1 (",
                "on the lab clock)",
                "== 1 PASS: 16 of 16 checks passed");
        assertThat(r.out()).containsPattern("run [0-9-]+-emulated: PASS \\(1 of 1 experiments passed, 16 checks\\)");
        assertThat(reports.resolve("latest/report.json")).exists();
        assertThat(reports.resolve("latest/report.html")).exists();
    }

    @Test
    void anUnknownScenarioIdIsAUsageErrorNamingTheKnownOnes() {
        CliRun r = lab("run", "--from", "4d", "--report-dir", reports.toString());
        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("no scenario has the id '4d'; known: 1, 2, 3a, 3b, 4a, 4b, 4c, 5a, 5b, 5c");
    }

    @Test
    void anUnknownProviderIsAUsageError() {
        CliRun r = lab("run", "--provider", "docker", "--report-dir", reports.toString());
        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("--provider is emulated or vagrant, not 'docker'");
    }

    @Test
    void anInvalidScenarioFileStopsTheRunBeforeAnyMachineStarts() throws Exception {
        CliRun r = lab("run", "--with", "src/test/resources/scenarios/invalid/unknown-node.yaml", "--report-dir", reports.toString());
        assertThat(r.exitCode()).isEqualTo(ExitCodes.UNKNOWN_OR_BROKEN);
        assertThat(r.err()).contains("unknown-node.yaml:6: steps[0].on: unknown node 'cp-9'",
                "nothing was run: fix the scenario files (./lab validate checks them)");
        try (var files = Files.list(reports)) {
            assertThat(files).isEmpty();
        }
    }
}
