package dev.k3slab.emulator.vagrantdouble;

import dev.k3slab.machine.Checkpoints;
import dev.k3slab.machine.LogSink;
import dev.k3slab.machine.MachineProvider;
import dev.k3slab.machine.MachineState;
import dev.k3slab.machine.SshEndpoint;
import dev.k3slab.machine.TimeControl;
import dev.k3slab.machine.vagrant.VagrantProvider;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A test-double facility, never used on real VMs: the real {@link VagrantProvider} for every
 * machine action, plus the emulated lab's clock behind the {@code vagrant} double as
 * {@link TimeControl}, so that a scenario's 30-minute hold takes milliseconds instead of half an
 * hour. VirtualBox has no such clock; on a workstation {@code -Plab} runs the provider alone and
 * waits in real time. The description says both. Closing it closes the double (its machines end);
 * closing it again does nothing.
 */
public final class DoubleClockProvider implements MachineProvider, Checkpoints, TimeControl {
    private final VagrantDouble lab;
    private final VagrantProvider vagrant;
    private final VagrantDoubleServer server;
    private boolean closed;

    /** The provider of {@code lab}'s Vagrant folder, logging to {@code log}; closing it closes {@code lab}. */
    public DoubleClockProvider(VagrantDouble lab, LogSink log) {
        this.lab = lab;
        this.vagrant = lab.provider(log);
        this.server = lab.server;
    }

    @Override
    public String id() {
        return vagrant.id();
    }

    @Override
    public String description() {
        return vagrant.description() + "; VirtualBox was a test double (the emulated lab behind the vagrant double),"
                + " and the lab clock is that emulated lab's, moved by the harness";
    }

    @Override
    public void up() {
        vagrant.up();
    }

    @Override
    public MachineState state(String node) {
        return vagrant.state(node);
    }

    @Override
    public void reboot(String node, Duration timeout) {
        vagrant.reboot(node, timeout);
    }

    @Override
    public void halt() {
        vagrant.halt();
    }

    @Override
    public void destroy() {
        vagrant.destroy();
    }

    @Override
    public SshEndpoint sshEndpoint(String node) {
        return vagrant.sshEndpoint(node);
    }

    @Override
    public void saveCheckpoint(String name) {
        vagrant.saveCheckpoint(name);
    }

    @Override
    public void restoreCheckpoint(String name) {
        vagrant.restoreCheckpoint(name);
    }

    @Override
    public List<String> checkpoints() {
        return vagrant.checkpoints();
    }

    @Override
    public Instant now() {
        return server.now();
    }

    @Override
    public void advance(Duration d) {
        server.advance(d);
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            vagrant.close();
        } finally {
            lab.close();
        }
    }
}
