package dev.k3slab.emulator.node;

import java.io.IOException;
import java.util.List;

/**
 * A command the node interpreter implements itself (coreutils, grep, sed, procps, ...), printing
 * what the Ubuntu 22.04 tool prints and returning its exit status.
 */
@FunctionalInterface
interface Builtin {
    int run(CommandContext c, List<String> args) throws IOException;
}
