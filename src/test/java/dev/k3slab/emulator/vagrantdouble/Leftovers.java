package dev.k3slab.emulator.vagrantdouble;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

/**
 * What a test of the double may have left behind: processes this JVM started that still run (a
 * {@code vagrant} client, its children) and threads of the double or of the emulated machines.
 * Each is looked at for a few seconds, since an ended process or a closed server's thread takes a
 * moment to go.
 */
public final class Leftovers {
    private static final Duration SETTLE = Duration.ofSeconds(10);

    private Leftovers() {
    }

    /** Processes descending from this JVM that are still alive, as {@code pid command line}. */
    public static List<String> processes() {
        return settled(() -> ProcessHandle.current().descendants().filter(ProcessHandle::isAlive)
                .map(p -> p.pid() + " " + p.info().commandLine().orElse("?")).toList());
    }

    /** Live threads of the double's server, its silent ports and the emulated machines' SSH servers. */
    public static List<String> threads() {
        return settled(() -> Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .filter(n -> n.startsWith("vagrant-double") || n.startsWith("emu-ssh-")).sorted().toList());
    }

    private static List<String> settled(Supplier<List<String>> look) {
        Instant deadline = Instant.now().plus(SETTLE);
        List<String> seen = look.get();
        while (!seen.isEmpty() && Instant.now().isBefore(deadline)) {
            try {
                // Polling the process table and the thread list: nothing to wait on.
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            seen = look.get();
        }
        return seen;
    }
}
