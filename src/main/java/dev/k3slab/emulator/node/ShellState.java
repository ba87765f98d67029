package dev.k3slab.emulator.node;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The mutable state of one shell process: variables and which are exported, the working folder,
 * the user, positional parameters, {@code $?}, {@code $!} and the {@code set} options. A
 * subshell ({@code $(...)}, a background job) works on a copy.
 */
final class ShellState {
    final Dialect dialect;
    /** {@code $0}; also the name in error messages ({@code sh}, {@code bash} or a script path). */
    final String name;
    final List<String> positional;
    final long pid;
    String user;
    String cwd;
    final Map<String, String> vars = new LinkedHashMap<>();
    final Set<String> exported = new HashSet<>();
    int lastStatus;
    String lastBackgroundPid = "";
    boolean errexit;
    boolean nounset;
    boolean pipefail;

    ShellState(Dialect dialect, String name, List<String> positional, long pid, Proc proc) {
        this.dialect = dialect;
        this.name = name;
        this.positional = List.copyOf(positional);
        this.pid = pid;
        this.user = proc.user();
        this.cwd = proc.cwd();
        proc.env().forEach((k, v) -> {
            vars.put(k, v);
            exported.add(k);
        });
    }

    private ShellState(ShellState other) {
        this.dialect = other.dialect;
        this.name = other.name;
        this.positional = other.positional;
        this.pid = other.pid;
        this.user = other.user;
        this.cwd = other.cwd;
        this.vars.putAll(other.vars);
        this.exported.addAll(other.exported);
        this.lastStatus = other.lastStatus;
        this.lastBackgroundPid = other.lastBackgroundPid;
        this.errexit = other.errexit;
        this.nounset = other.nounset;
        this.pipefail = other.pipefail;
    }

    ShellState copy() {
        return new ShellState(this);
    }

    /** The exported variables: the environment of the commands this shell starts. */
    Map<String, String> environment() {
        Map<String, String> env = new TreeMap<>();
        for (String k : exported) {
            String v = vars.get(k);
            if (v != null) {
                env.put(k, v);
            }
        }
        return env;
    }

    void set(String name, String value) {
        vars.put(name, value);
    }

    Proc proc(Map<String, String> env) {
        return new Proc(user, cwd, env);
    }

    String prefix(int line) {
        return dialect.prefix(name, line);
    }
}
