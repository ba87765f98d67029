package dev.k3slab.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * {@code ./lab}: the command-line face of the harness. Thin: each subcommand parses its options and
 * calls the same engine the JUnit suites call. Failures become one message and an {@link ExitCodes exit code}.
 */
@Command(name = "lab",
        mixinStandardHelpOptions = true,
        versionProvider = LabCommand.Version.class,
        description = "k3s-lab: what K3s v1.27.9 does when a control-plane node comes back without its join flags or its etcd data.",
        commandListHeading = "%nCommands:%n",
        usageHelpWidth = 100, // one line per command, as the issue asks; LabCommandTest keeps it so
        footerHeading = "%nExit codes:%n",
        footer = {
                "  0  OK: everything ran and passed",
                "  1  a check failed or a file is stale",
                "  2  unknown: broken input, or the harness or a probe broke",
                "  3  a prerequisite is missing (the message says which)",
                " 64  wrong command line",
                "",
                "Any command takes --debug (or LAB_DEBUG=1) to print the stack trace of a failure."},
        subcommands = {
                CommandLine.HelpCommand.class,
                VagrantfileCommand.class,
                BenchCommand.class,
                ParseCommand.class,
                ReportCommand.class,
                DoctorCommand.class,
                DownCommand.class,
                ValidateCommand.class,
                ScenariosCommand.class,
                RunCommand.class,
        })
public final class LabCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    // Read by FailureHandler from the parse result; every subcommand accepts it (inherited), and it
    // is hidden so as not to crowd each command's synopsis: the footer of ./lab --help names it.
    @Option(names = FailureHandler.DEBUG_OPTION, scope = ScopeType.INHERIT, hidden = true,
            description = "Print stack traces of failures (also: LAB_DEBUG=1).")
    boolean debug;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the CLI and returns its exit code (for tests). */
    public static int execute(String... args) {
        return commandLine(System.getenv()).execute(args);
    }

    /** Runs the CLI writing to {@code out} and {@code err}, and returns its exit code (for tests). */
    public static int execute(PrintWriter out, PrintWriter err, Map<String, String> env, String... args) {
        CommandLine cl = commandLine(env);
        cl.setOut(out);
        cl.setErr(err);
        return cl.execute(args);
    }

    static CommandLine commandLine(Map<String, String> env) {
        FailureHandler failures = new FailureHandler(env);
        CommandLine cl = new CommandLine(new LabCommand());
        cl.setExecutionExceptionHandler(failures);
        cl.setParameterExceptionHandler(failures);
        cl.setOut(new PrintWriter(System.out, true, StandardCharsets.UTF_8));
        cl.setErr(new PrintWriter(System.err, true, StandardCharsets.UTF_8));
        return cl;
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = LabCommand.class.getPackage().getImplementationVersion();
            return new String[] {"k3s-lab " + (v == null ? "(development build)" : v)};
        }
    }
}
