package dev.k3slab.emulator.ssh;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Live threads by name, to prove that servers leave nothing running. */
public final class Threads {
    private Threads() {
    }

    public static List<String> named(String prefix) {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .filter(n -> n.startsWith(prefix)).sorted().toList();
    }

    /** Waits (at most 10 s) until no thread of an emulated SSH server is left; fails naming those still alive. */
    public static void awaitEmulatedSshEnded() {
        await("emulated SSH threads to end").atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(named("emu-ssh-")).isEmpty());
    }
}
