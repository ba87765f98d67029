package dev.k3slab.cli;

import dev.k3slab.machine.MachineException;
import dev.k3slab.observe.ParseException;
import dev.k3slab.shell.ShellException;
import dev.k3slab.topology.TopologyException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Turns what went wrong in a command into one clear message on stderr and a named exit code. The
 * exceptions of the harness already say what, where and what next, so their message is printed as
 * it is; a stack trace only with {@code --debug} or {@code LAB_DEBUG=1}.
 */
final class FailureHandler implements IExecutionExceptionHandler, IParameterExceptionHandler {
    static final String DEBUG_OPTION = "--debug";
    static final String DEBUG_ENV = "LAB_DEBUG";

    /** Known failures, most specific first: what to call them and which exit code they mean. */
    private record Known(Class<? extends Throwable> type, String what, int exitCode) {
    }

    private static final List<Known> KNOWN = List.of(
            new Known(TopologyException.class, "", ExitCodes.UNKNOWN_OR_BROKEN),
            new Known(MachineException.class, "", ExitCodes.UNKNOWN_OR_BROKEN),
            new Known(ShellException.class, "", ExitCodes.UNKNOWN_OR_BROKEN),
            new Known(ParseException.class, "cannot read the output of ", ExitCodes.UNKNOWN_OR_BROKEN),
            new Known(UncheckedIOException.class, "", ExitCodes.UNKNOWN_OR_BROKEN));

    private final Map<String, String> env;

    FailureHandler(Map<String, String> env) {
        this.env = env;
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parseResult) {
        PrintWriter err = cmd.getErr();
        boolean debug = debug(parseResult);
        for (Throwable t = ex; t != null; t = t.getCause()) {
            for (Known k : KNOWN) {
                if (k.type().isInstance(t)) {
                    err.println(cmd.getCommandSpec().qualifiedName() + ": " + k.what() + t.getMessage());
                    if (debug) {
                        ex.printStackTrace(err);
                    }
                    err.flush();
                    return k.exitCode();
                }
            }
        }
        err.println(cmd.getCommandSpec().qualifiedName() + ": unexpected " + ex.getClass().getName() + ": " + ex.getMessage());
        if (debug) {
            ex.printStackTrace(err);
        } else {
            err.println("The result is unknown. Run again with " + DEBUG_OPTION + " (or " + DEBUG_ENV
                    + "=1) for the stack trace.");
        }
        err.flush();
        return ExitCodes.UNKNOWN_OR_BROKEN;
    }

    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        PrintWriter err = cmd.getErr();
        err.println("lab: " + ex.getMessage());
        if (!UnmatchedArgumentException.printSuggestions(ex, err)) {
            err.println("See '" + cmd.getCommandSpec().qualifiedName() + " --help'.");
        }
        err.flush();
        return ExitCodes.USAGE;
    }

    private boolean debug(ParseResult parseResult) {
        if ("1".equals(env.get(DEBUG_ENV)) || "true".equalsIgnoreCase(env.get(DEBUG_ENV))) {
            return true;
        }
        for (ParseResult pr = parseResult; pr != null; pr = pr.subcommand()) {
            if (pr.hasMatchedOption(DEBUG_OPTION)) {
                return true;
            }
        }
        return false;
    }
}
