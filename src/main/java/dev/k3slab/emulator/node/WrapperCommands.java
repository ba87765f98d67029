package dev.k3slab.emulator.node;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Commands that run other commands: {@code sudo}, {@code sh}/{@code dash}/{@code bash},
 * {@code nohup} and {@code env}. A background job keeps its pid through them, so in
 * {@code nohup sh -c 'k3s server ...' > log 2>&1 &} the model's {@code k3s} gets the pid that
 * {@code $!} prints.
 */
final class WrapperCommands {
    private WrapperCommands() {
    }

    static void register(Builtins b) {
        b.add("sudo", WrapperCommands::sudo);
        b.add("sh", (c, a) -> shell(c, a, Dialect.DASH));
        b.add("dash", (c, a) -> shell(c, a, Dialect.DASH));
        b.add("bash", (c, a) -> shell(c, a, Dialect.BASH));
        b.add("nohup", WrapperCommands::nohup);
        b.add("env", WrapperCommands::env);
    }

    /**
     * {@code sudo [-n] [-E] [-H] [-u root] [VAR=value]... command}: runs as root with sudo's
     * env_reset (only TERM, LANG, LC_* and the command line's assignments survive; PATH becomes
     * secure_path).
     */
    static int sudo(CommandContext c, List<String> args) {
        int i = 0;
        boolean keepEnv = false;
        while (i < args.size() && args.get(i).startsWith("-")) {
            String a = args.get(i);
            if (a.equals("--")) {
                i++;
                break;
            }
            if (a.equals("-u") && i + 1 < args.size()) {
                if (!args.get(i + 1).equals("root")) {
                    throw new NotModelledException("sudo -u " + args.get(i + 1) + " (only root is modelled)");
                }
                i += 2;
                continue;
            }
            for (char f : a.substring(1).toCharArray()) {
                switch (f) {
                    case 'n', 'H', 'S' -> {
                        // no password is ever asked (vagrant has NOPASSWD): nothing to do
                    }
                    case 'E' -> keepEnv = true;
                    case 'i', 's' -> throw new NotModelledException("sudo -" + f + " (interactive shells); run "
                            + "commands with sudo sh -c '...'");
                    default -> throw new NotModelledException("sudo option -" + f);
                }
            }
            i++;
        }
        Map<String, String> env = new TreeMap<>();
        c.proc().env().forEach((k, v) -> {
            if (k.equals("TERM") || k.startsWith("LC_") || k.equals("LANG") || k.equals("LANGUAGE")) {
                env.put(k, v);
            }
        });
        if (keepEnv) {
            env.putAll(c.proc().env());
        }
        env.put("HOME", "/root");
        env.put("USER", "root");
        env.put("LOGNAME", "root");
        env.put("SHELL", "/bin/bash");
        env.put("PATH", Dispatcher.DEFAULT_PATH + ":/snap/bin");
        env.put("SUDO_USER", c.proc().user());
        while (i < args.size() && args.get(i).matches("[A-Za-z_][A-Za-z0-9_]*=.*")) {
            String a = args.get(i++);
            env.put(a.substring(0, a.indexOf('=')), a.substring(a.indexOf('=') + 1));
        }
        if (i >= args.size()) {
            c.err("usage: sudo -h | -K | -k | -V\n");
            return 1;
        }
        List<String> command = args.subList(i, args.size());
        env.put("SUDO_COMMAND", String.join(" ", command));
        if (command.get(0).equals("su")) {
            throw new NotModelledException("sudo su (interactive shells); run commands with sudo sh -c '...'");
        }
        Proc root = new Proc(Proc.ROOT, c.proc().cwd(), env);
        if (c.dispatcher().resolve(command.get(0), root) instanceof Dispatcher.NotFound) {
            c.err("sudo: " + command.get(0) + ": command not found\n");
            return 1;
        }
        return c.dispatcher().exec(root, command, c.io(), c.background(), n -> "sudo: " + n + ": command not found");
    }

    /** {@code sh -c STRING [NAME [ARG]...]}, {@code sh FILE [ARG]...}, {@code sh} / {@code sh -} / {@code sh -s} (script on stdin). */
    static int shell(CommandContext c, List<String> args, Dialect dialect) throws IOException {
        String self = Dispatcher.basename(c.name());
        boolean command = false;
        boolean errexit = false;
        boolean nounset = false;
        int i = 0;
        while (i < args.size() && args.get(i).startsWith("-") && !args.get(i).equals("-")) {
            String a = args.get(i++);
            if (a.equals("--")) {
                break;
            }
            for (char f : a.substring(1).toCharArray()) {
                switch (f) {
                    case 'c' -> command = true;
                    case 'e' -> errexit = true;
                    case 'u' -> nounset = true;
                    case 's' -> {
                        // script from stdin: the default without operands
                    }
                    default -> throw new NotModelledException(self + " -" + f);
                }
            }
        }
        String text;
        String name;
        List<String> positional;
        if (command) {
            if (i >= args.size()) {
                c.err(self + ": 0: -c requires an argument\n");
                return 2;
            }
            text = args.get(i++);
            name = i < args.size() ? args.get(i++) : self;
            positional = new ArrayList<>(args.subList(i, args.size()));
        } else if (i < args.size() && !args.get(i).equals("-")) {
            String file = args.get(i++);
            byte[] data;
            try {
                data = c.read(file);
            } catch (IOException e) {
                c.err(dialect == Dialect.DASH ? self + ": 0: cannot open " + file + ": No such file\n"
                        : self + ": " + file + ": " + CommandContext.strerror(e) + "\n");
                return dialect == Dialect.DASH ? 2 : 127;
            }
            return c.dispatcher().script(file, file, new String(data, StandardCharsets.UTF_8),
                    args.subList(i, args.size()), c);
        } else {
            if (i < args.size()) {
                i++;
            }
            text = new String(c.stdin(), StandardCharsets.UTF_8);
            var marker = dev.k3slab.emulator.ProgramFiles.programOf(text);
            if (marker.isPresent()) {
                return c.dispatcher().program(marker.get(), marker.get(), args.subList(i, args.size()), c);
            }
            name = self;
            positional = new ArrayList<>(args.subList(i, args.size()));
        }
        long pid = c.background() != null ? c.background().pid() : c.host().allocatePid();
        ShellState st = new ShellState(dialect, name, positional, pid, c.proc());
        st.errexit = errexit;
        st.nounset = nounset;
        return new Shell(c.host(), c.dispatcher(), st).runAsJob(text, c.io(), c.background());
    }

    static int nohup(CommandContext c, List<String> args) {
        if (args.isEmpty()) {
            c.err("nohup: missing operand\nTry 'nohup --help' for more information.\n");
            return 125;
        }
        return c.dispatcher().exec(c.proc(), args, c.io(), c.background(),
                n -> "nohup: failed to run command '" + n + "': No such file or directory");
    }

    /** {@code env} prints the environment; {@code env [-i] [-u NAME] [NAME=VALUE]... COMMAND} runs a command. */
    static int env(CommandContext c, List<String> args) {
        Map<String, String> env = new TreeMap<>(c.proc().env());
        int i = 0;
        for (; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("-i") || a.equals("-")) {
                env.clear();
            } else if (a.equals("-u") && i + 1 < args.size()) {
                env.remove(args.get(++i));
            } else if (a.matches("[A-Za-z_][A-Za-z0-9_]*=.*")) {
                env.put(a.substring(0, a.indexOf('=')), a.substring(a.indexOf('=') + 1));
            } else if (a.startsWith("-")) {
                throw new NotModelledException("env option " + a);
            } else {
                break;
            }
        }
        if (i >= args.size()) {
            StringBuilder sb = new StringBuilder();
            env.forEach((k, v) -> sb.append(k).append('=').append(v).append('\n'));
            c.out(sb.toString());
            return 0;
        }
        return c.dispatcher().exec(c.proc().withEnv(env), args.subList(i, args.size()), c.io(), c.background(),
                n -> "env: '" + n + "': No such file or directory");
    }
}
