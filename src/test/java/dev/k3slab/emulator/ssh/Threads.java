package dev.k3slab.emulator.ssh;

import java.util.List;

/** Live threads by name, to prove that servers leave nothing running. */
public final class Threads {
    private Threads() {
    }

    public static List<String> named(String prefix) {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .filter(n -> n.startsWith(prefix)).sorted().toList();
    }
}
