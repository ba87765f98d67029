package dev.k3slab.emulator;

import java.io.InputStream;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;

/**
 * One call of a {@link Program} on a node.
 *
 * @param node       lab node name
 * @param argv0      the name the program was called by ({@code kubectl} for the k3s multi-call binary)
 * @param args       the arguments after argv0, already unquoted by the interpreter
 * @param env        the environment (exported variables plus command-line prefixes like {@code K3S_TOKEN=...})
 * @param files      the node's disk
 * @param stdin      standard input (empty when none)
 * @param stdout     standard output
 * @param stderr     standard error
 * @param background true when started with {@code &}: a long-running program registers its process
 *                   under {@code pid} and returns at once instead of blocking
 * @param pid        the process id the interpreter gave this call
 */
public record Invocation(String node, String argv0, List<String> args, Map<String, String> env, NodeFiles files,
                         InputStream stdin, PrintStream stdout, PrintStream stderr, boolean background, long pid) {
    public Invocation {
        args = List.copyOf(args);
        env = Map.copyOf(env);
    }
}
