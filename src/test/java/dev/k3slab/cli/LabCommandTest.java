package dev.k3slab.cli;

import static dev.k3slab.cli.CliRun.lab;
import static org.assertj.core.api.Assertions.assertThat;

import dev.k3slab.machine.MachineException;
import dev.k3slab.shell.ShellException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;

class LabCommandTest {

    @Test
    void helpListsEveryCommandOnOneLine() {
        CliRun run = lab("--help");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
        List<String> commands = run.out().lines()
                .dropWhile(l -> !l.equals("Commands:")).skip(1).takeWhile(l -> !l.isBlank()).toList();
        assertThat(commands).extracting(l -> l.strip().split("\\s+")[0]).contains("help", "vagrantfile", "bench");
        assertThat(run.out()).contains("Any command takes --debug (or LAB_DEBUG=1)");
        assertThat(commands).as("no description wraps onto a second line").allMatch(l -> l.startsWith("  ") && !l.startsWith("   "));
    }

    @Test
    void anUnknownOptionOrCommandIsAUsageErrorWithASuggestion() {
        CliRun option = lab("vagrantfile", "--chek");
        CliRun command = lab("vagrantfil");

        assertThat(option.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(option.err()).contains("Unknown option: '--chek'", "--check");
        assertThat(command.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(command.err()).contains("Unmatched argument at index 0: 'vagrantfil'", "vagrantfile");
    }

    @Test
    void knownFailuresAreOneMessageAndANamedExitCodeWithoutStackTrace() {
        CliRun machine = failing(new MachineException("vagrant up cp-1 exited 1: box not found; run vagrant box add"));
        CliRun shell = failing(new IllegalStateException("wrapped", new ShellException("cp-2", "connection refused")));

        assertThat(machine.exitCode()).isEqualTo(ExitCodes.UNKNOWN_OR_BROKEN);
        assertThat(machine.err()).isEqualTo("lab fail: vagrant up cp-1 exited 1: box not found; run vagrant box add\n");
        assertThat(shell.exitCode()).isEqualTo(ExitCodes.UNKNOWN_OR_BROKEN);
        assertThat(shell.err()).isEqualTo("lab fail: cp-2: connection refused\n");
    }

    @Test
    void anUnexpectedFailureSaysTheResultIsUnknownAndHowToSeeTheStackTrace() {
        CliRun run = failing(new NullPointerException("x is null"));

        assertThat(run.exitCode()).isEqualTo(ExitCodes.UNKNOWN_OR_BROKEN);
        assertThat(run.err()).isEqualTo("lab fail: unexpected java.lang.NullPointerException: x is null\n"
                + "The result is unknown. Run again with --debug (or LAB_DEBUG=1) for the stack trace.\n");
    }

    @Test
    void debugShowsTheStackTraceWhetherGivenBeforeOrAfterTheCommandOrInTheEnvironment() {
        MachineException failure = new MachineException("boom");

        assertThat(failing(failure, Map.of(), "--debug", "fail").err()).contains("at dev.k3slab.cli.LabCommandTest");
        assertThat(failing(failure, Map.of(), "fail", "--debug").err()).contains("at dev.k3slab.cli.LabCommandTest");
        assertThat(failing(failure, Map.of("LAB_DEBUG", "1"), "fail").err()).contains("at dev.k3slab.cli.LabCommandTest");
        assertThat(failing(failure, Map.of(), "fail").err()).doesNotContain("\tat ");
    }

    @Test
    void aBrokenTopologyExitsTwoListingEveryProblem() {
        CliRun run = lab("vagrantfile", "--check", "--topology",
                "src/test/resources/topology/invalid/too-little-memory.yaml");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.UNKNOWN_OR_BROKEN);
        assertThat(run.err()).contains(
                "too-little-memory.yaml has 2 problems:",
                "too-little-memory.yaml:15: nodes[0].memory: 768 MiB is too little for a K3s server",
                "too-little-memory.yaml:20: nodes[1].memory: 256 MiB is too little for a K3s agent");
        assertThat(run.err()).doesNotContain("\tat ");
    }

    /** Runs a command, registered under {@code lab fail}, that throws {@code failure}. */
    private static CliRun failing(RuntimeException failure) {
        return failing(failure, Map.of(), "fail");
    }

    private static CliRun failing(RuntimeException failure, Map<String, String> env, String... args) {
        @Command(name = "fail")
        class Fail implements Callable<Integer> {
            @Override
            public Integer call() {
                throw failure;
            }
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = LabCommand.commandLine(env);
        cl.addSubcommand(new Fail());
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return new CliRun(cl.execute(args), out.toString(), err.toString());
    }
}
