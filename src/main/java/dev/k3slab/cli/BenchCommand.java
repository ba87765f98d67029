package dev.k3slab.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code ./lab bench}: benchmarks that print figures (speed and memory targets are measured here, not in timed tests). */
@Command(name = "bench",
        mixinStandardHelpOptions = true,
        description = "Run a benchmark and print its figures.",
        subcommands = {
                ParseBench.class,
                SshBenchCommand.class,
                EmulatedLabBench.class,
                EmulatorPlayBench.class,
        })
public final class BenchCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
