package dev.k3slab.emulator.node;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** The commands the interpreter implements itself, by name. */
final class Builtins {
    /** Commands that are also builtins of dash ({@code command -v echo} prints {@code echo}). */
    private static final Set<String> DASH_BUILTINS = Set.of("echo", "printf", "kill", "test", "[", "true", "false", "pwd");

    /**
     * Commands that never write the node's disk themselves (wrappers run commands that stamp on
     * their own): after them the interpreter skips the walk that gives new files the lab time.
     */
    private static final Set<String> WRITE_NOTHING = Set.of("echo", "printf", "cat", "head", "tail", "wc", "ls",
            "grep", "test", "[", "true", "false", "date", "hostname", "whoami", "id", "uname", "dpkg", "which", "pwd",
            "basename", "dirname", "readlink", "realpath", "stat", "ps", "pgrep", "sleep", "sudo", "sh", "dash", "bash",
            "nohup", "env", "cd", "export", "unset", "set", "exit", ":", "command", "wait");

    private final Map<String, Builtin> byName = new HashMap<>();

    Builtins() {
        TextCommands.register(this);
        FileCommands.register(this);
        PathCommands.register(this);
        ProcessCommands.register(this);
        SystemCommands.register(this);
        WrapperCommands.register(this);
        add("ls", new LsCommand());
        add("grep", new GrepCommand());
        add("sed", new SedCommand());
        TestCommand test = new TestCommand();
        add("test", test);
        add("[", test);
    }

    void add(String name, Builtin b) {
        byName.put(name, b);
    }

    boolean has(String name) {
        return byName.containsKey(name);
    }

    Builtin get(String name) {
        return byName.get(name);
    }

    /** True when running {@code name} (as a builtin) cannot have written a file. */
    static boolean writesNothing(String name) {
        return WRITE_NOTHING.contains(name);
    }

    boolean isShellBuiltin(String name) {
        return DASH_BUILTINS.contains(name);
    }

    /** Where the command lives on Ubuntu 22.04 (for {@code which}). */
    String path(String name) {
        return SystemCommands.BUILTIN_PATHS.getOrDefault(name, "/usr/bin/" + name);
    }
}
