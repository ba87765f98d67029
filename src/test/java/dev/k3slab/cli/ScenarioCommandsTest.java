package dev.k3slab.cli;

import static dev.k3slab.cli.CliRun.lab;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ScenarioCommandsTest {

    @Test
    void validateWithoutFilesChecksTheTenExperiments() {
        CliRun r = lab("validate");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(r.out()).isEqualTo("10 scenarios valid: 1, 2, 3a, 3b, 4a, 4b, 4c, 5a, 5b, 5c\n");
    }

    @Test
    void validateChecksNamedFilesBesideTheExperimentsAndPrintsEveryProblemWithItsPlace() {
        CliRun r = lab("validate", "scenarios/examples/4b-on-cp-2.yaml",
                "src/test/resources/scenarios/invalid/bad-duration.yaml", "src/test/resources/scenarios/invalid/unknown-node.yaml");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.UNKNOWN_OR_BROKEN);
        assertThat(r.err()).contains(
                "src/test/resources/scenarios/invalid/bad-duration.yaml:6: steps[0].within: expected a duration such as 500ms, 30s, 5m or 1h30m, found 'five minutes'",
                "src/test/resources/scenarios/invalid/unknown-node.yaml:6: steps[0].on: unknown node 'cp-9'",
                "2 problems; nothing was run");
    }

    @Test
    void validateSaysWhichNamedFileDoesNotExist() {
        CliRun r = lab("validate", "no-such-scenario.yaml");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.UNKNOWN_OR_BROKEN);
        assertThat(r.err()).isEqualTo("no-such-scenario.yaml: no such file\n");
    }

    @Test
    void scenariosListsTheExperimentsInRunOrderWithWhatEachStartsFrom() {
        CliRun r = lab("scenarios", "--with", "scenarios/examples/4b-on-cp-2.yaml");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(r.out().lines().map(l -> l.split("\\s+")[0]).toList())
                .containsExactly("ID", "1", "2", "3a", "3b", "4a", "4b", "4c", "5a", "5b", "5c", "4b-on-cp-2");
        assertThat(r.out()).contains("4b           4a ").contains("1            (a fresh lab)");
    }
}
