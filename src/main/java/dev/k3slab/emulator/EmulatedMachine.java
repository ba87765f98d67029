package dev.k3slab.emulator;

import dev.k3slab.emulator.node.NodeHost;
import dev.k3slab.emulator.ssh.NodeSshServer;
import dev.k3slab.machine.MachineException;
import dev.k3slab.machine.MachineState;
import dev.k3slab.topology.LabNode;

import java.io.IOException;
import java.security.KeyPair;
import java.security.PublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * One machine of the emulated lab: its disk, its state, its SSH server (same port and host key
 * across reboots) and what its shells see ({@link NodeHost}).
 */
final class EmulatedMachine implements NodeHost {
    /** Shell pids start here and wrap below the model's unit pids (20000 and up). */
    static final long FIRST_PID = 3000;
    static final long LAST_PID = 19999;

    private final LabNode node;
    private final NodeFiles disk;
    private final EmulatedLab lab;
    private final NodeSshServer ssh;
    private volatile MachineState state = MachineState.NOT_CREATED;
    private volatile Instant bootTime;
    private long nextPid = FIRST_PID;
    private int port;

    EmulatedMachine(LabNode node, NodeFiles disk, EmulatedLab lab, KeyPair hostKey, PublicKey userKey) {
        this.node = node;
        this.disk = disk;
        this.lab = lab;
        this.ssh = new NodeSshServer(this, hostKey, userKey);
    }

    MachineState state() {
        return state;
    }

    void state(MachineState s) {
        state = s;
    }

    int port() {
        return port;
    }

    synchronized long nextPidValue() {
        return nextPid;
    }

    synchronized void nextPidValue(long v) {
        nextPid = v;
    }

    void bootTime(Instant t) {
        bootTime = t;
    }

    /** Starts the SSH server, on the port of the last start if there was one, retrying until {@code timeout}. */
    void startSsh(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        IOException last = null;
        while (true) {
            try {
                port = ssh.start(port);
                return;
            } catch (IOException e) {
                last = e;
            }
            if (System.nanoTime() > deadline) {
                throw new MachineException(node.name() + ": the emulated SSH server cannot listen on 127.0.0.1:" + port
                        + " again (" + last.getMessage() + "). Likely fix: another process took the port; stop it, or "
                        + "destroy the emulated lab and bring it up again", last);
            }
            try {
                // the old listener's socket may still be closing
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new MachineException(node.name() + ": interrupted while starting the emulated SSH server", e);
            }
        }
    }

    /** The machine goes down: sessions drop, running commands get no exit status. */
    void stopSsh() {
        ssh.stop();
    }

    boolean sshRunning() {
        return ssh.running();
    }

    @Override
    public String name() {
        return node.name();
    }

    @Override
    public String ip() {
        return node.ip();
    }

    @Override
    public NodeFiles files() {
        return disk;
    }

    @Override
    public Map<String, Program> programs() {
        return lab.model().programs();
    }

    @Override
    public ProcessTable processes() {
        return lab.model().processes();
    }

    @Override
    public Instant now() {
        return lab.now();
    }

    @Override
    public void sleep(Duration d) {
        lab.advance(d);
    }

    @Override
    public long allocatePid() {
        var running = lab.model().processes().processes(node.name());
        synchronized (this) {
            for (int tries = 0; tries <= LAST_PID - FIRST_PID; tries++) {
                long pid = nextPid;
                nextPid = pid >= LAST_PID ? FIRST_PID : pid + 1;
                if (running.stream().noneMatch(p -> p.pid() == pid)) {
                    return pid;
                }
            }
        }
        throw new IllegalStateException(node.name() + ": no free process id between " + FIRST_PID + " and " + LAST_PID);
    }

    @Override
    public Instant bootTime() {
        return bootTime == null ? lab.now() : bootTime;
    }

    @Override
    public void filesChanged(Instant wallSince) {
        lab.stampDisks(wallSince);
    }
}
