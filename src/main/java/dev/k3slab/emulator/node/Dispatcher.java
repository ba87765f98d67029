package dev.k3slab.emulator.node;

import dev.k3slab.emulator.Invocation;
import dev.k3slab.emulator.Program;
import dev.k3slab.emulator.ProgramFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Finds and runs a command: shell builtins, the interpreter's own commands, then a path or a PATH
 * search on the node's disk, where a program marker file dispatches to the model's
 * {@link Program} and a shell script runs in a new shell.
 */
final class Dispatcher {
    static final String DEFAULT_PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";
    private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);

    private final NodeHost host;
    private final Builtins builtins;

    Dispatcher(NodeHost host) {
        this.host = host;
        this.builtins = new Builtins();
    }

    Builtins builtins() {
        return builtins;
    }

    /** What a command name stands for on this node. */
    sealed interface Target permits BuiltinTarget, ProgramTarget, ScriptTarget, NotFound, Denied, Unmodelled {
    }

    record BuiltinTarget(Builtin builtin, String path) implements Target {
    }

    record ProgramTarget(String marker, String path) implements Target {
    }

    record ScriptTarget(String path, String text) implements Target {
    }

    record NotFound() implements Target {
    }

    /** Exists but cannot be run (a folder, no execute permission): status 126. */
    record Denied(String reason) implements Target {
    }

    record Unmodelled(String what) implements Target {
    }

    /** A command the shell runs: its special builtins first. */
    int fromShell(Shell shell, List<String> argv, Map<String, String> env, Map<String, String> assigned,
                  Streams io, Background bg, int line) {
        ShellState st = shell.state();
        String name = argv.get(0);
        List<String> args = argv.subList(1, argv.size());
        if (ShellBuiltins.has(name)) {
            return ShellBuiltins.run(shell, name, args, assigned, io, line);
        }
        Proc proc = new Proc(st.user, st.cwd, env);
        Target t = resolve(name, proc);
        if (t instanceof NotFound) {
            String msg = name.contains("/") && st.dialect == Dialect.BASH
                    ? name + ": No such file or directory" : st.dialect.notFound(name);
            CommandContext.write(io.err(), st.prefix(line) + msg + "\n");
            return 127;
        }
        if (t instanceof Denied d) {
            CommandContext.write(io.err(), st.prefix(line) + name + ": " + d.reason() + "\n");
            return 126;
        }
        return run(t, new CommandContext(host, this, name, proc, io, bg, st, line), args);
    }

    /**
     * A command run by another program ({@code sudo}, {@code nohup}, {@code env}): no shell
     * builtins; {@code notFound} formats the caller's own "not found" message.
     */
    int exec(Proc proc, List<String> argv, Streams io, Background bg, Function<String, String> notFound) {
        String name = argv.get(0);
        Target t = resolve(name, proc);
        if (t instanceof NotFound || t instanceof Denied) {
            CommandContext.write(io.err(), notFound.apply(name) + "\n");
            return t instanceof NotFound ? 127 : 126;
        }
        return run(t, new CommandContext(host, this, name, proc, io, bg, null, 0), argv.subList(1, argv.size()));
    }

    private int run(Target t, CommandContext c, List<String> args) {
        try {
            if (t instanceof BuiltinTarget b) {
                return b.builtin().run(c, args);
            }
            if (t instanceof ProgramTarget p) {
                return program(p.marker(), basename(c.name()), args, c);
            }
            if (t instanceof ScriptTarget s) {
                return script(s.path(), c.name(), s.text(), args, c);
            }
            throw new NotModelledException(((Unmodelled) t).what());
        } catch (IOException e) {
            c.complain(e.getMessage());
            return 1;
        }
    }

    /** Runs a script's text in a new shell (or its program, when the script is a program marker). */
    int script(String path, String calledAs, String text, List<String> args, CommandContext c) {
        var marker = ProgramFiles.programOf(text);
        if (marker.isPresent()) {
            return program(marker.get(), basename(calledAs), args, c);
        }
        String first = text.lines().findFirst().orElse("");
        Dialect d = first.startsWith("#!") && first.contains("bash") ? Dialect.BASH : Dialect.DASH;
        ShellState st = new ShellState(d, path, args, c.background() != null ? c.background().pid()
                : host.allocatePid(), c.proc());
        return new Shell(host, this, st).runText(text, c.io());
    }

    int program(String marker, String argv0, List<String> args, CommandContext c) {
        if (!c.proc().root()) {
            throw new NotModelledException("running " + argv0 + " as user " + c.proc().user()
                    + " (the lab runs K3s tools as root: use sudo)");
        }
        Program program = host.programs().get(marker);
        if (program == null) {
            throw new NotModelledException("program '" + marker + "' called as " + argv0
                    + " (the lab model provides no program of that name)");
        }
        Background bg = c.background();
        long pid = bg != null ? bg.pid() : host.allocatePid();
        PrintStream out = new PrintStream(c.io().out(), true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(c.io().err(), true, StandardCharsets.UTF_8);
        try {
            return program.run(new Invocation(host.name(), argv0, args, c.proc().env(), host.files(), c.io().in(),
                    out, err, bg != null, pid));
        } catch (UncheckedIOException | NotModelledException e) {
            throw e;
        } catch (RuntimeException e) {
            // the arguments are not logged: they may hold the K3s token
            LOG.error("{}: the model's program {} (called as {}) failed", host.name(), marker, argv0, e);
            err.println("k3s-lab emulated lab: internal error in the model's program '" + marker + "' (" + e
                    + "); this is a bug of the emulator, see the run log");
            return 70;
        } finally {
            out.flush();
            err.flush();
        }
    }

    /** What {@code name} stands for, as the caller's PATH finds it. */
    Target resolve(String name, Proc proc) {
        if (name.contains("/")) {
            String abs = NodePaths.absolute(proc.cwd(), name);
            Target onDisk = onDisk(abs);
            if (onDisk instanceof NotFound && builtins.has(basename(name)) && isSystemBin(parent(abs))) {
                return new BuiltinTarget(builtins.get(basename(name)), abs);
            }
            return onDisk;
        }
        if (builtins.has(name)) {
            return new BuiltinTarget(builtins.get(name), builtins.path(name));
        }
        String path = proc.env().getOrDefault("PATH", DEFAULT_PATH);
        for (String dir : path.split(":")) {
            if (dir.isEmpty()) {
                continue;
            }
            Target t = onDisk(NodePaths.absolute("/", dir + "/" + name));
            if (!(t instanceof NotFound) && !(t instanceof Denied)) {
                return t;
            }
        }
        if (KnownCommands.UNMODELLED.contains(name)) {
            return new Unmodelled(name + " (installed on the Ubuntu box, but the emulated node does not model it)");
        }
        if (KnownCommands.INTERACTIVE.contains(name)) {
            return new Unmodelled("interactive program " + name + " (edit files with sed -i or upload them)");
        }
        return new NotFound();
    }

    private Target onDisk(String abs) {
        try {
            Path file = new NodePaths(host.files()).resolve(abs);
            if (!Files.exists(file)) {
                return new NotFound();
            }
            if (Files.isDirectory(file)) {
                return new Denied("Permission denied");
            }
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(file);
            if (!(perms.contains(PosixFilePermission.OWNER_EXECUTE) || perms.contains(PosixFilePermission.GROUP_EXECUTE)
                    || perms.contains(PosixFilePermission.OTHERS_EXECUTE))) {
                return new Denied("Permission denied");
            }
            var marker = ProgramFiles.programOf(file);
            if (marker.isPresent()) {
                return new ProgramTarget(marker.get(), abs);
            }
            byte[] head = Files.readAllBytes(file);
            String text = new String(head, StandardCharsets.UTF_8);
            if (text.startsWith("#!") ? text.startsWith("#!/bin/sh") || text.startsWith("#!/bin/bash")
                    || text.startsWith("#!/usr/bin/env bash") || text.startsWith("#!/usr/bin/env sh")
                    : text.indexOf('\0') < 0) {
                return new ScriptTarget(abs, text);
            }
            return new Unmodelled("program " + abs + " (a file with no modelled program behind it)");
        } catch (IOException e) {
            return new NotFound();
        }
    }

    private static boolean isSystemBin(String dir) {
        return Set.of("/bin", "/usr/bin", "/sbin", "/usr/sbin").contains(dir);
    }

    static String basename(String path) {
        String p = path.endsWith("/") && path.length() > 1 ? path.substring(0, path.length() - 1) : path;
        return p.substring(p.lastIndexOf('/') + 1);
    }

    private static String parent(String abs) {
        int i = abs.lastIndexOf('/');
        return i <= 0 ? "/" : abs.substring(0, i);
    }
}
