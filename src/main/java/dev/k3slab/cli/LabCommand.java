package dev.k3slab.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code ./lab}: the command-line face of the harness. Thin: each subcommand parses its options and
 * calls the same engine the JUnit suites call.
 */
@Command(name = "lab",
        mixinStandardHelpOptions = true,
        versionProvider = LabCommand.Version.class,
        description = "k3s-lab: what K3s v1.27.9 does when a control-plane node comes back without its join flags or its etcd data.",
        subcommands = {
                CommandLine.HelpCommand.class,
                BenchCommand.class,
                ReportCommand.class,
        })
public final class LabCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the CLI and returns its exit code (for tests). */
    public static int execute(String... args) {
        return new CommandLine(new LabCommand()).execute(args);
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = LabCommand.class.getPackage().getImplementationVersion();
            return new String[] {"k3s-lab " + (v == null ? "(development build)" : v)};
        }
    }
}
