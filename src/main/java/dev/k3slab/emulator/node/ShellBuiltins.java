package dev.k3slab.emulator.node;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The builtins that act on the shell itself ({@code cd}, {@code export}, {@code unset},
 * {@code set}, {@code exit}, {@code eval}, {@code .}, {@code exec}, {@code command},
 * {@code wait}, {@code :}); messages as dash prints them.
 */
final class ShellBuiltins {
    private static final Set<String> NAMES = Set.of("cd", "export", "unset", "set", "exit", "eval", ".", "source",
            "exec", "command", "wait", ":");

    private ShellBuiltins() {
    }

    static boolean has(String name) {
        return NAMES.contains(name);
    }

    static int run(Shell shell, String name, List<String> args, Map<String, String> assigned, Streams io, int line) {
        ShellState st = shell.state();
        String prefix = st.prefix(line);
        switch (name) {
            case ":":
                return 0;
            case "cd":
                return cd(shell, args, io, prefix);
            case "export":
                return export(st, args, io, prefix);
            case "unset":
                args.stream().filter(a -> !a.startsWith("-")).forEach(a -> {
                    st.vars.remove(a);
                    st.exported.remove(a);
                });
                return 0;
            case "set":
                return set(st, args, io, prefix);
            case "exit":
                throw new ExitRequest(args.isEmpty() ? st.lastStatus : parseStatus(args.get(0), st, prefix, io));
            case "eval":
                return shell.evaluate(String.join(" ", args), io);
            case ".", "source":
                return source(shell, args, io, prefix);
            case "exec":
                if (args.isEmpty()) {
                    throw new NotModelledException("exec without a command (redirecting the shell itself)");
                }
                Map<String, String> env = new TreeMap<>(st.environment());
                env.putAll(assigned);
                throw new ExitRequest(shell.dispatcher().exec(st.proc(env), args, io, null,
                        n -> prefix + "exec: " + n + ": not found"));
            case "command":
                return command(shell, args, assigned, io, prefix);
            case "wait":
                return waitFor(shell, args);
            default:
                throw new IllegalStateException(name);
        }
    }

    private static int cd(Shell shell, List<String> args, Streams io, String prefix) {
        ShellState st = shell.state();
        String target = args.isEmpty() ? st.vars.getOrDefault("HOME", "/") : args.get(0);
        if (target.equals("-")) {
            target = st.vars.getOrDefault("OLDPWD", st.cwd);
        }
        String abs = NodePaths.absolute(st.cwd, target);
        try {
            if (Files.isDirectory(new NodePaths(shell.host().files()).resolve(abs))) {
                st.set("OLDPWD", st.cwd);
                st.cwd = abs;
                st.set("PWD", abs);
                return 0;
            }
        } catch (IOException e) {
            // reported below like a missing folder
        }
        String msg = st.dialect == Dialect.DASH ? "cd: can't cd to " + target : "cd: " + target + ": No such file or directory";
        CommandContext.write(io.err(), prefix + msg + "\n");
        return st.dialect == Dialect.DASH ? 2 : 1;
    }

    private static int export(ShellState st, List<String> args, Streams io, String prefix) {
        if (args.isEmpty() || args.equals(List.of("-p"))) {
            StringBuilder sb = new StringBuilder();
            new TreeMap<>(st.environment()).forEach((k, v) -> sb.append("export ").append(k).append("='")
                    .append(v.replace("'", "'\\''")).append("'\n"));
            CommandContext.write(io.out(), sb.toString());
            return 0;
        }
        for (String a : args) {
            int eq = a.indexOf('=');
            String n = eq < 0 ? a : a.substring(0, eq);
            if (!n.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                CommandContext.write(io.err(), prefix + "export: " + a + ": bad variable name\n");
                return 2;
            }
            if (eq >= 0) {
                st.set(n, a.substring(eq + 1));
            }
            st.exported.add(n);
        }
        return 0;
    }

    private static int set(ShellState st, List<String> args, Streams io, String prefix) {
        if (args.isEmpty()) {
            StringBuilder sb = new StringBuilder();
            new TreeMap<>(st.vars).forEach((k, v) -> sb.append(k).append("='").append(v.replace("'", "'\\''")).append("'\n"));
            CommandContext.write(io.out(), sb.toString());
            return 0;
        }
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.length() < 2 || (a.charAt(0) != '-' && a.charAt(0) != '+')) {
                throw new NotModelledException("set " + String.join(" ", args) + " (positional parameters)");
            }
            boolean on = a.charAt(0) == '-';
            for (char c : a.substring(1).toCharArray()) {
                switch (c) {
                    case 'e' -> st.errexit = on;
                    case 'u' -> st.nounset = on;
                    case 'o' -> {
                        if (++i >= args.size()) {
                            throw new NotModelledException("set -o without an option name (listing options)");
                        }
                        switch (args.get(i)) {
                            case "errexit" -> st.errexit = on;
                            case "nounset" -> st.nounset = on;
                            case "pipefail" -> st.pipefail = on;
                            default -> throw new NotModelledException("set -o " + args.get(i));
                        }
                    }
                    default -> throw new NotModelledException("set " + a.charAt(0) + c);
                }
            }
        }
        return 0;
    }

    private static int parseStatus(String s, ShellState st, String prefix, Streams io) {
        try {
            return Integer.parseInt(s) & 0xff;
        } catch (NumberFormatException e) {
            CommandContext.write(io.err(), prefix + "exit: Illegal number: " + s + "\n");
            return 2;
        }
    }

    private static int source(Shell shell, List<String> args, Streams io, String prefix) {
        if (args.isEmpty()) {
            return 0;
        }
        try {
            Path p = new NodePaths(shell.host().files()).resolve(NodePaths.absolute(shell.state().cwd, args.get(0)));
            return shell.evaluate(Files.readString(p, StandardCharsets.UTF_8), io);
        } catch (IOException e) {
            CommandContext.write(io.err(), prefix + ".: cannot open " + args.get(0) + ": No such file\n");
            return 2;
        }
    }

    private static int command(Shell shell, List<String> args, Map<String, String> assigned, Streams io, String prefix) {
        ShellState st = shell.state();
        if (!args.isEmpty() && args.get(0).equals("-v")) {
            if (args.size() < 2) {
                return 0;
            }
            String n = args.get(1);
            if (has(n) || shell.dispatcher().builtins().isShellBuiltin(n)) {
                CommandContext.write(io.out(), n + "\n");
                return 0;
            }
            Dispatcher.Target t = shell.dispatcher().resolve(n, st.proc(st.environment()));
            String path = null;
            if (t instanceof Dispatcher.BuiltinTarget b) {
                path = b.path();
            } else if (t instanceof Dispatcher.ProgramTarget p) {
                path = p.path();
            } else if (t instanceof Dispatcher.ScriptTarget sc) {
                path = sc.path();
            }
            if (path == null) {
                return 127;
            }
            CommandContext.write(io.out(), path + "\n");
            return 0;
        }
        if (args.isEmpty() || args.get(0).startsWith("-")) {
            throw new NotModelledException("command " + String.join(" ", args));
        }
        Map<String, String> env = new TreeMap<>(st.environment());
        env.putAll(assigned);
        return shell.dispatcher().exec(st.proc(env), args, io, null, n -> prefix + st.dialect.notFound(n));
    }

    private static int waitFor(Shell shell, List<String> args) {
        for (String a : args) {
            long pid;
            try {
                pid = Long.parseLong(a);
            } catch (NumberFormatException e) {
                return 127;
            }
            boolean running = shell.host().processes().processes(shell.host().name()).stream()
                    .anyMatch(p -> p.pid() == pid);
            if (running) {
                throw new NotModelledException("wait for the long-running process " + pid);
            }
            return 127;
        }
        return 0;
    }
}
