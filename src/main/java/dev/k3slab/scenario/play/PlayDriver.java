package dev.k3slab.scenario.play;

import dev.k3slab.machine.MachineProvider;
import dev.k3slab.machine.TimeControl;
import dev.k3slab.observe.NodeRow;
import dev.k3slab.observe.ParseException;
import dev.k3slab.observe.Parsers;
import dev.k3slab.shell.CommandResult;
import dev.k3slab.shell.NodeShell;
import dev.k3slab.shell.ShellFactory;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Sends the play's commands and records them; moves the lab clock (to the source's times, by
 * holds, in bounded polls); reboots machines. One caller at a time.
 */
final class PlayDriver {
    /** Wall-clock bound of one command: the emulated lab answers in milliseconds. */
    static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(60);
    /** Lab time between two polls: the source's monitor loop sleeps 5 s. */
    static final Duration POLL = Duration.ofSeconds(5);
    private static final Duration REBOOT_TIMEOUT = Duration.ofMinutes(5);

    private final MachineProvider machines;
    private final TimeControl clock;
    private final ShellFactory shells;
    private final List<Played> played = new ArrayList<>();
    private String experiment = "";

    PlayDriver(MachineProvider machines, TimeControl clock, ShellFactory shells) {
        this.machines = machines;
        this.clock = clock;
        this.shells = shells;
    }

    void experiment(String name) {
        experiment = name;
    }

    Transcript transcript() {
        return new Transcript(played);
    }

    Played source(String node, String step, String command) {
        return send(node, step, Played.Kind.SOURCE, command);
    }

    Played extra(String node, String step, String command) {
        return send(node, step, Played.Kind.EXTRA, command);
    }

    Played monitor() {
        return send("cp-1", "monitor", Played.Kind.MONITOR, SourceCommands.MONITOR_PASS);
    }

    /** A command whose output is a secret (the node token): recorded masked, its value returned. */
    String secret(String node, String step, String command) {
        Instant at = clock.now();
        NodeShell.Secret s = shells.shell(node).readSecret(command, COMMAND_TIMEOUT);
        played.add(new Played(experiment, node, step, Played.Kind.SOURCE, s.result(), at));
        return s.value();
    }

    /** {@code command &} as the source runs it; recorded as the start command, its pid returned. */
    long background(String node, String step, String command, String logFile) {
        Instant at = clock.now();
        Instant sent = Instant.now();
        long t0 = System.nanoTime();
        NodeShell.BackgroundProcess p = shells.shell(node).startBackground(command, logFile, COMMAND_TIMEOUT);
        // startBackground returns only when the wrapper exited 0 and printed the pid: that is the result recorded.
        played.add(new Played(experiment, node, step, Played.Kind.SOURCE, new CommandResult(node, p.command() + " &",
                OptionalInt.of(0), p.pid() + "\n", "", sent, Duration.ofNanos(System.nanoTime() - t0)), at));
        return p.pid();
    }

    private Played send(String node, String step, Played.Kind kind, String command) {
        Instant at = clock.now();
        CommandResult r = shells.shell(node).run(command, COMMAND_TIMEOUT);
        if (r.statusUnknown()) {
            throw new PlayException("experiment " + experiment + ", " + node + ", step '" + step + "': no exit status for '"
                    + r.command() + "' (" + r.stderr().strip() + "). Likely fix: look at the emulated node's disk and the run log");
        }
        Played p = new Played(experiment, node, step, kind, r, at);
        played.add(p);
        return p;
    }

    /** {@code vagrant reload NODE} from the host: the machine reboots, its shell connects again. */
    void reload(String node) {
        machines.reboot(node, REBOOT_TIMEOUT);
        shells.shell(node).reconnect(REBOOT_TIMEOUT);
    }

    /** Lets lab time pass (the source's waits that had no condition, such as 5a's half hour). */
    void hold(Duration d) {
        clock.advance(d);
    }

    /**
     * Moves the lab clock to the source run's time of day {@code hh:mm[:ss]} (UTC, as its
     * transcripts show), so that ages and file times read like the source's; never backwards.
     */
    void atSourceTime(String timeOfDay) {
        Instant now = clock.now();
        Instant target = now.atZone(ZoneOffset.UTC).toLocalDate().atTime(LocalTime.parse(timeOfDay)).toInstant(ZoneOffset.UTC);
        if (target.isAfter(now)) {
            clock.advance(Duration.between(now, target));
        }
    }

    /**
     * Polls {@code kubectl get nodes} on {@code viewpoint} every 5 lab seconds until
     * {@code condition} holds for the nodes it lists, at most {@code bound} of lab time.
     *
     * @throws PlayException naming the wait and the last output when the bound passes
     */
    void await(String what, String viewpoint, Predicate<List<NodeRow>> condition, Duration bound) {
        awaitPolling(what, bound, () -> send(viewpoint, "wait: " + what, Played.Kind.WAIT, "kubectl get nodes"),
                p -> nodes(p.out()).filter(condition).isPresent());
    }

    /** Monitor passes on cp-1 every 5 lab seconds (each sleeps 5 s, as the loop does) until {@code condition} holds. */
    void monitorUntil(String what, Predicate<MonitorPass> condition, Duration bound) {
        awaitPolling(what, bound, this::monitor, p -> condition.test(MonitorPass.of(p.out())));
    }

    private void awaitPolling(String what, Duration bound, Supplier<Played> poll, Predicate<Played> done) {
        Instant deadline = clock.now().plus(bound);
        Played last;
        while (true) {
            last = poll.get();
            if (done.test(last)) {
                return;
            }
            if (!clock.now().isBefore(deadline)) {
                throw new PlayException("experiment " + experiment + ": " + what + " did not happen within " + bound.toSeconds()
                        + " lab seconds; last output on " + last.node() + " (" + last.result().describeStatus() + "):\n"
                        + last.out() + last.result().stderr()
                        + "Likely fix: the K3s model's timings changed (docs/emulated-lab-model.md), or an earlier step failed");
            }
            if (last.kind() == Played.Kind.WAIT) {
                clock.advance(POLL);
            }
        }
    }

    /** The nodes kubectl listed, or empty when it did not answer with a table (apiserver down, still starting). */
    static Optional<List<NodeRow>> nodes(String kubectlOut) {
        try {
            return kubectlOut.isBlank() ? Optional.empty() : Optional.of(Parsers.kubectlNodes(kubectlOut));
        } catch (ParseException e) {
            return Optional.empty();
        }
    }

    /** True when {@code nodes} lists {@code name} as Ready. */
    static boolean ready(List<NodeRow> nodes, String name) {
        return nodes.stream().anyMatch(n -> n.name().equals(name) && n.ready());
    }

    /** True when {@code nodes} lists {@code name} as not Ready. */
    static boolean notReady(List<NodeRow> nodes, String name) {
        return nodes.stream().anyMatch(n -> n.name().equals(name) && !n.ready());
    }
}
