package dev.k3slab.cli;

import static dev.k3slab.cli.CliRun.lab;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VagrantfileCommandTest {
    private static final String OTHER_LAB = "src/test/resources/topology/five-servers-one-agent.yaml";
    private static final String BROKEN = "src/test/resources/topology/invalid/many-problems.yaml";

    @TempDir
    Path dir;

    @Test
    void theCommittedVagrantfilePassesTheCheck() {
        CliRun run = lab("vagrantfile", "--check");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).isEqualTo("vagrant/Vagrantfile is up to date with vagrant/topology.yaml\n");
    }

    @Test
    void writesTheRenderedVagrantfileAndThenLeavesAnUpToDateOneAlone() throws IOException {
        Path target = dir.resolve("Vagrantfile");

        CliRun first = lab("vagrantfile", "--topology", OTHER_LAB, "--output", target.toString());
        Files.setLastModifiedTime(target, FileTime.from(Instant.parse("2020-01-01T00:00:00Z")));
        CliRun second = lab("vagrantfile", "--topology", OTHER_LAB, "--output", target.toString());

        assertThat(first.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(first.out()).isEqualTo("Wrote " + target + ": 6 machines (s-1, s-2, s-3, s-4, s-5, a-1) from "
                + OTHER_LAB + "\n");
        assertThat(Files.readString(target)).contains("NETWORK_PREFIX = \"192.168.57\"");
        assertThat(second.out()).isEqualTo(target + " is up to date with " + OTHER_LAB + "\n");
        assertThat(Files.getLastModifiedTime(target).toInstant()).isEqualTo(Instant.parse("2020-01-01T00:00:00Z"));
        try (var files = Files.list(dir)) {
            assertThat(files).as("no temporary file left").containsExactly(target);
        }
    }

    @Test
    void checkExitsOneWithADiffWhenTheFileIsNotWhatTheTopologyRenders() throws IOException {
        Path target = dir.resolve("Vagrantfile");
        lab("vagrantfile", "--topology", OTHER_LAB, "--output", target.toString());
        Files.writeString(target, Files.readString(target).replace("cpus: 4, memory: 4096", "cpus: 4, memory: 8192"));

        CliRun run = lab("vagrantfile", "--check", "--topology", OTHER_LAB, "--output", target.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.CHECKS_FAILED);
        assertThat(run.out()).startsWith("--- " + target + "\n+++ " + target + " (as " + OTHER_LAB + " renders it)\n@@ -")
                .contains("\n-  { name: \"s-3\", ip: \"#{NETWORK_PREFIX}.103\", role: \"server\", cpus: 4, memory: 8192 },\n"
                        + "+  { name: \"s-3\", ip: \"#{NETWORK_PREFIX}.103\", role: \"server\", cpus: 4, memory: 4096 },\n");
        assertThat(run.err()).isEqualTo(target + " is not what " + OTHER_LAB + " renders (diff above); run ./lab vagrantfile"
                + " --topology " + OTHER_LAB + " --output " + target + " and commit the result\n");
        assertThat(Files.readString(target)).as("--check writes nothing").contains("memory: 8192");
    }

    @Test
    void checkExitsOneWhenTheFileIsMissing() {
        Path target = dir.resolve("Vagrantfile");

        CliRun run = lab("vagrantfile", "--check", "--topology", OTHER_LAB, "--output", target.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.CHECKS_FAILED);
        assertThat(run.err()).startsWith(target + " does not exist; run ./lab vagrantfile");
        assertThat(target).doesNotExist();
    }

    @Test
    void checkNamesLineEndingsWhenTheyAreTheOnlyDifference() throws IOException {
        Path target = dir.resolve("Vagrantfile");
        lab("vagrantfile", "--topology", OTHER_LAB, "--output", target.toString());
        Files.writeString(target, Files.readString(target).replace("\n", "\r\n"));

        CliRun run = lab("vagrantfile", "--check", "--topology", OTHER_LAB, "--output", target.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.CHECKS_FAILED);
        assertThat(run.err()).contains("differs only in line endings (CRLF instead of LF)");
    }

    @Test
    void aBrokenTopologyWritesNothingAndListsEveryProblemWithItsLine() throws IOException {
        Path absent = dir.resolve("new/Vagrantfile");
        Path existing = Files.writeString(dir.resolve("Vagrantfile"), "keep me\n");

        CliRun toNew = lab("vagrantfile", "--topology", BROKEN, "--output", absent.toString());
        CliRun toExisting = lab("vagrantfile", "--topology", BROKEN, "--output", existing.toString());

        assertThat(toNew.exitCode()).isEqualTo(ExitCodes.UNKNOWN_OR_BROKEN);
        assertThat(toExisting.exitCode()).isEqualTo(ExitCodes.UNKNOWN_OR_BROKEN);
        assertThat(toNew.err()).contains("has 7 problems:",
                BROKEN + ":5: network.prefix: ", BROKEN + ":7: k3s.version: ", BROKEN + ":12: nodes[0].ip: ",
                BROKEN + ":16: nodes[1].name: ", BROKEN + ":20: nodes[1].memory: ", BROKEN + ":21: nodes[2].name: ",
                BROKEN + ":23: nodes[2].role: ", "Nothing was done.");
        assertThat(toNew.out()).isEmpty();
        assertThat(absent.getParent()).doesNotExist();
        assertThat(Files.readString(existing)).isEqualTo("keep me\n");
    }

    @Test
    void outputDashPrintsTheVagrantfile() {
        CliRun run = lab("vagrantfile", "--topology", OTHER_LAB, "--output", "-");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).startsWith("# -*- mode: ruby -*-\n").contains("VM_NAME_PREFIX = \"lab57-\"");
    }
}
