package dev.k3slab.emulator;

import dev.k3slab.emulator.k3s.K3sModel;
import dev.k3slab.emulator.node.DiskTrees;
import dev.k3slab.emulator.node.MtimeStamper;
import dev.k3slab.emulator.ssh.LabKeys;
import dev.k3slab.machine.Checkpoints;
import dev.k3slab.machine.MachineException;
import dev.k3slab.machine.MachineProvider;
import dev.k3slab.machine.MachineState;
import dev.k3slab.machine.SshEndpoint;
import dev.k3slab.machine.TimeControl;
import dev.k3slab.topology.LabNode;
import dev.k3slab.topology.Topology;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The emulated lab: every machine of the topology is a folder under {@code <run>/nodes/<node>/}
 * (its disk) and an SSH server on 127.0.0.1 that runs commands in the node interpreter, in front
 * of one behaviour model (the K3s v1.27.9 model) that moves only with the lab clock. It is not a
 * VM and says so in {@link #description()}.
 *
 * <p>Rebooting a machine drops its SSH sessions (a running command gets no exit status), tells
 * the model the machine went down, lets {@link #REBOOT_DOWNTIME} of lab time pass, and starts it
 * again on the same port with the same host key. Checkpoints copy the disks, the model's state
 * and the clock into {@code <run>/checkpoints/<name>/}.
 *
 * <p>Not thread-safe for the provider methods (one caller drives a lab); the machines' shells
 * call in from SSH threads, which is safe.
 */
public final class EmulatedLab implements MachineProvider, Checkpoints, TimeControl {
    /** Where the lab clock starts: the morning of the source's runs. */
    public static final Instant DEFAULT_START = Instant.parse("2026-02-22T04:40:00Z");
    /** Lab time a reboot takes (shutdown, firmware, boot), as {@code vagrant reload} roughly does. */
    public static final Duration REBOOT_DOWNTIME = Duration.ofSeconds(30);
    /** How long a machine's SSH server may take to listen again (its old socket may still be closing). */
    static final Duration SSH_START = Duration.ofSeconds(30);

    private final Topology topology;
    private final Path runDir;
    private final LabModelFactory models;
    private final Map<String, EmulatedMachine> machines = new LinkedHashMap<>();
    private final Map<String, NodeFiles> disks = new LinkedHashMap<>();
    private final LabCheckpoints checkpoints;
    private volatile EmulatedClock clock;
    private volatile LabModel model;
    private boolean closed;

    public EmulatedLab(Topology topology, Path runDir, LabModelFactory models) {
        this(topology, runDir, models, DEFAULT_START);
    }

    /**
     * @param topology   the machines
     * @param runDir     the run folder: node disks, SSH keys and checkpoints go under it
     * @param models     makes the behaviour model
     * @param clockStart the lab clock's first time (keep it away from the wall clock; see MtimeStamper)
     */
    public EmulatedLab(Topology topology, Path runDir, LabModelFactory models, Instant clockStart) {
        this.topology = topology;
        this.runDir = runDir.toAbsolutePath().normalize();
        this.models = models;
        this.clock = new EmulatedClock(clockStart);
        Path sshDir = this.runDir.resolve("ssh");
        KeyPair user = LabKeys.user(sshDir);
        for (LabNode n : topology.nodes()) {
            NodeFiles disk = new NodeFiles(n.name(), this.runDir.resolve("nodes").resolve(n.name()));
            disks.put(n.name(), disk);
            machines.put(n.name(), new EmulatedMachine(n, disk, this, LabKeys.host(sshDir, n.name()), user.getPublic()));
        }
        this.checkpoints = new LabCheckpoints(this, this.runDir.resolve("checkpoints"));
    }

    /** The emulated lab with the K3s v1.27.9+k3s1 model: the default lab of k3s-lab. */
    public static EmulatedLab withK3sModel(Topology topology, Path runDir) {
        return new EmulatedLab(topology, runDir, K3sModel::new);
    }

    @Override
    public String id() {
        return "emulated";
    }

    @Override
    public String description() {
        return "emulated lab: in-process model of K3s " + topology.k3sVersion()
                + " behind MINA SSH on loopback (not real VMs)";
    }

    @Override
    public synchronized void up() {
        checkOpen();
        ensureModel();
        // every disk exists before the first machine boots
        machines.values().forEach(this::create);
        machines.values().forEach(this::bootIfDown);
        writeSshFiles();
    }

    /**
     * Brings one machine up, as {@code vagrant up NAME} does: creates its disk when it is not
     * created, boots it when it is not running; the other machines stay as they are.
     */
    public synchronized void up(String node) {
        checkOpen();
        EmulatedMachine m = machine(node);
        ensureModel();
        create(m);
        bootIfDown(m);
        writeSshFiles();
    }

    /** Stops one machine, keeping its disk ({@code vagrant halt NAME}); a machine not running stays as it is. */
    public synchronized void halt(String node) {
        checkOpen();
        EmulatedMachine m = machine(node);
        if (m.state() == MachineState.RUNNING) {
            goDown(m);
            writeSshFiles();
        }
    }

    private void create(EmulatedMachine m) {
        if (m.state() != MachineState.NOT_CREATED) {
            return;
        }
        try {
            DiskTrees.delete(m.files().root());
        } catch (IOException e) {
            throw new MachineException(m.name() + ": cannot clear the old disk " + m.files().root()
                    + " (" + e.getMessage() + "). Likely fix: delete that folder by hand", e);
        }
        Instant wall = Instant.now();
        DiskLayout.provision(m.files(), topology.node(m.name()), topology);
        stampDisks(wall);
        m.state(MachineState.POWEROFF);
    }

    private void bootIfDown(EmulatedMachine m) {
        if (m.state() != MachineState.RUNNING) {
            boot(m, SSH_START);
        }
    }

    @Override
    public MachineState state(String node) {
        return machine(node).state();
    }

    @Override
    public synchronized void reboot(String node, Duration timeout) {
        checkOpen();
        EmulatedMachine m = machine(node);
        if (m.state() == MachineState.NOT_CREATED) {
            throw new MachineException(node + ": the emulated machine is not created, nothing to reboot. Likely fix: "
                    + "bring the lab up first");
        }
        if (m.state() == MachineState.RUNNING) {
            goDown(m);
            advance(REBOOT_DOWNTIME);
        }
        boot(m, timeout);
    }

    @Override
    public synchronized void halt() {
        checkOpen();
        machines.values().stream().filter(m -> m.state() == MachineState.RUNNING).forEach(this::goDown);
    }

    @Override
    public synchronized void destroy() {
        checkOpen();
        halt();
        try {
            DiskTrees.delete(runDir.resolve("nodes"));
            checkpoints.deleteAll();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the emulated lab's disks under " + runDir, e);
        }
        machines.values().forEach(m -> {
            m.state(MachineState.NOT_CREATED);
            m.nextPidValue(EmulatedMachine.FIRST_PID);
        });
        model = null;
        // the old model listens to the old clock: a new lab gets a new clock, going on from here
        clock = new EmulatedClock(clock.now());
    }

    @Override
    public SshEndpoint sshEndpoint(String node) {
        EmulatedMachine m = machine(node);
        if (m.state() != MachineState.RUNNING || !m.sshRunning()) {
            throw new MachineException(node + ": the emulated machine is " + m.state().vagrantId()
                    + ", so it has no SSH endpoint. Likely fix: bring the lab up (or reboot the machine)");
        }
        return new SshEndpoint(node, "127.0.0.1", m.port(), "vagrant", LabKeys.userKeyFile(runDir.resolve("ssh")));
    }

    @Override
    public synchronized void close() {
        machines.values().forEach(EmulatedMachine::stopSsh);
        closed = true;
    }

    @Override
    public Instant now() {
        return clock.now();
    }

    @Override
    public void advance(Duration d) {
        Instant wall = Instant.now();
        clock.advance(d);
        stampDisks(wall);
    }

    @Override
    public synchronized void saveCheckpoint(String name) {
        checkOpen();
        checkpoints.save(name);
    }

    @Override
    public synchronized void restoreCheckpoint(String name) {
        checkOpen();
        checkpoints.restore(name);
    }

    @Override
    public List<String> checkpoints() {
        return checkpoints.list();
    }

    // ---- for the machines and the checkpoints ---------------------------------------------

    LabModel model() {
        LabModel m = model;
        if (m == null) {
            throw new IllegalStateException("the emulated lab has no model: it is not up");
        }
        return m;
    }

    /** The model, created on the current clock when there is none. */
    LabModel ensureModel() {
        if (model == null) {
            model = models.create(topology, clock, Map.copyOf(disks));
        }
        return model;
    }

    boolean hasModel() {
        return model != null;
    }

    EmulatedClock clock() {
        return clock;
    }

    Collection<EmulatedMachine> machines() {
        return machines.values();
    }

    void writeSshFiles() {
        SshFiles.write(runDir.resolve("ssh"), machines.values());
    }

    void stampDisks(Instant wallSince) {
        Instant labNow = clock.now();
        for (NodeFiles d : disks.values()) {
            MtimeStamper.stamp(d.root(), wallSince, labNow);
        }
    }

    void boot(EmulatedMachine m, Duration timeout) {
        Instant wall = Instant.now();
        m.bootTime(clock.now());
        model().booted(m.name());
        stampDisks(wall);
        m.startSsh(timeout);
        m.state(MachineState.RUNNING);
    }

    private void goDown(EmulatedMachine m) {
        m.stopSsh();
        Instant wall = Instant.now();
        model().shutDown(m.name());
        stampDisks(wall);
        m.state(MachineState.POWEROFF);
    }

    private EmulatedMachine machine(String node) {
        EmulatedMachine m = machines.get(node);
        if (m == null) {
            throw new MachineException("no machine '" + node + "' in the emulated lab; its machines are "
                    + topology.names());
        }
        return m;
    }

    private void checkOpen() {
        if (closed) {
            throw new MachineException("the emulated lab in " + runDir + " was closed; its machines ended with the "
                    + "process that ran them. Likely fix: create a new lab (and restore a checkpoint to continue)");
        }
    }
}
