package dev.k3slab.scenario;

import dev.k3slab.machine.Checkpoints;
import dev.k3slab.machine.MachineProvider;
import dev.k3slab.machine.MachineState;
import dev.k3slab.machine.SshEndpoint;
import dev.k3slab.machine.TimeControl;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A machine provider for engine tests: nothing behind it but a movable clock and named checkpoints. */
final class FakeLab implements MachineProvider, TimeControl, Checkpoints {
    private Instant now = Instant.parse("2026-02-22T06:00:00Z");
    final List<String> actions = new ArrayList<>();
    final List<String> checkpoints = new ArrayList<>();

    @Override
    public String id() {
        return "fake";
    }

    @Override
    public String description() {
        return "in-memory fake lab for engine tests";
    }

    @Override
    public void up() {
        actions.add("up");
    }

    @Override
    public MachineState state(String node) {
        return MachineState.RUNNING;
    }

    @Override
    public void reboot(String node, Duration timeout) {
        actions.add("reboot " + node);
    }

    @Override
    public void halt() {
        actions.add("halt");
    }

    @Override
    public void destroy() {
        actions.add("destroy");
    }

    @Override
    public SshEndpoint sshEndpoint(String node) {
        return new SshEndpoint(node, "127.0.0.1", 2222, "vagrant", Path.of("/dev/null"));
    }

    @Override
    public void close() {
    }

    @Override
    public synchronized Instant now() {
        return now;
    }

    @Override
    public synchronized void advance(Duration d) {
        now = now.plus(d);
    }

    @Override
    public void saveCheckpoint(String name) {
        checkpoints.remove(name);
        checkpoints.add(name);
        actions.add("save " + name);
    }

    @Override
    public void restoreCheckpoint(String name) {
        actions.add("restore " + name);
    }

    @Override
    public List<String> checkpoints() {
        return List.copyOf(checkpoints);
    }
}
