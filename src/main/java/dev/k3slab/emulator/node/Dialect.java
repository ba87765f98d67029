package dev.k3slab.emulator.node;

/** Which shell the interpreter stands for: its messages differ. */
enum Dialect {
    /** {@code /bin/sh} on Ubuntu: {@code sh: 1: foo: not found}. */
    DASH,
    /** The login shell of vagrant and root: {@code bash: line 1: foo: command not found}. */
    BASH;

    /** The prefix of an error message at {@code line} of the shell called {@code name}. */
    String prefix(String name, int line) {
        return this == DASH ? name + ": " + line + ": " : name + ": line " + line + ": ";
    }

    String notFound(String command) {
        return this == DASH ? command + ": not found" : command + ": command not found";
    }
}
