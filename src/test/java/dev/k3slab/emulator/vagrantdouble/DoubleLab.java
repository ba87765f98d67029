package dev.k3slab.emulator.vagrantdouble;

import dev.k3slab.emulator.EmulatedLab;
import dev.k3slab.emulator.node.DiskTrees;
import dev.k3slab.machine.MachineState;
import dev.k3slab.topology.Topology;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What the double's "VirtualBox" holds across {@code vagrant} calls: the emulated lab, each
 * machine's Vagrant data folder ({@code .vagrant/machines/<m>/virtualbox/private_key}), its
 * snapshots, the machines whose SSH went silent, and the faults to act out. Used under the
 * server's lock only.
 *
 * <p>Snapshots: the emulated lab checkpoints the whole lab (its K3s model is lab-wide), while
 * Vagrant snapshots one machine at a time. The first machine of a round of {@code snapshot save}
 * (or {@code restore}) of one name saves (or restores) the whole lab; the other machines of the
 * same round, asked right after with nothing in between, only record it. The provider always
 * snapshots every machine in a row, so this is the same outcome.
 */
final class DoubleLab implements AutoCloseable {
    final Topology topology;
    final Path vagrantDir;
    final EmulatedLab lab;
    private final List<Fault> faults = new CopyOnWriteArrayList<>();
    private final Set<String> silentSsh = new HashSet<>();
    private final Map<String, Set<String>> snapshots = new LinkedHashMap<>();
    private SilentPort silentPort;
    private String roundKind;
    private String roundName;
    private final Set<String> roundDone = new HashSet<>();

    DoubleLab(Topology topology, Path vagrantDir, Path labDir) {
        this.topology = topology;
        this.vagrantDir = vagrantDir;
        this.lab = EmulatedLab.withK3sModel(topology, labDir);
        topology.names().forEach(n -> snapshots.put(n, new TreeSet<>()));
    }

    void inject(List<Fault> more) {
        faults.addAll(more);
    }

    void clearFaults() {
        faults.clear();
    }

    /** True when {@code kind} is to be acted out on {@code machine}, set on the server or in this call's environment. */
    boolean fault(Fault.Kind kind, String machine, List<Fault> ofThisCall) {
        return faults.contains(new Fault(kind, machine)) || ofThisCall.contains(new Fault(kind, machine));
    }

    /** Vagrant's state id of a machine: {@code not_created}, {@code poweroff} or {@code running}. */
    String stateId(String machine) {
        return lab.state(machine).vagrantId();
    }

    boolean running(String machine) {
        return lab.state(machine) == MachineState.RUNNING;
    }

    /** The host port forwarded to the machine's SSH: the emulated server's, or a silent one. */
    int sshPort(String machine) {
        return silentSsh.contains(machine) ? silentPort().port() : lab.sshEndpoint(machine).port();
    }

    void silenceSsh(String machine) {
        silentSsh.add(machine);
    }

    void restoreSsh(String machine) {
        silentSsh.remove(machine);
    }

    /** {@code .vagrant/machines/<m>/virtualbox/}: Vagrant's data folder of a machine. */
    Path dataDir(String machine) {
        return vagrantDir.resolve(".vagrant/machines").resolve(machine).resolve("virtualbox");
    }

    /** The key Vagrant inserted at the first boot and {@code ssh-config} names. */
    Path privateKey(String machine) {
        return dataDir(machine).resolve("private_key");
    }

    /** Writes the machine's data folder as Vagrant does on creation: its private key, mode 600. */
    void writeDataDir(String machine) {
        Path key = privateKey(machine);
        try {
            Files.createDirectories(key.getParent());
            Files.copy(lab.sshEndpoint(machine).identityFile(), key, StandardCopyOption.REPLACE_EXISTING);
            Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-------"));
            Files.writeString(dataDir(machine).resolve("action_provision"), "1.5:" + machine + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("vagrant double: cannot write " + dataDir(machine), e);
        }
    }

    /** Destroys the whole lab with its snapshots and data folders. */
    void destroy() {
        lab.destroy();
        snapshots.values().forEach(Set::clear);
        silentSsh.clear();
        endRound();
        try {
            DiskTrees.delete(vagrantDir.resolve(".vagrant/machines"));
        } catch (IOException e) {
            throw new UncheckedIOException("vagrant double: cannot delete " + vagrantDir.resolve(".vagrant/machines"), e);
        }
    }

    Set<String> snapshotsOf(String machine) {
        return snapshots.get(machine);
    }

    /** {@code snapshot save} of one machine: the whole lab is saved by the first machine of a round. */
    void saveSnapshot(String machine, String name) {
        if (!inRound("save", name, machine)) {
            lab.saveCheckpoint(name);
        }
        snapshots.get(machine).add(name);
    }

    /** {@code snapshot restore} of one machine: the whole lab is restored by the first machine of a round. */
    void restoreSnapshot(String machine, String name) {
        if (!inRound("restore", name, machine)) {
            lab.restoreCheckpoint(name);
            silentSsh.clear();
        }
    }

    /** Anything that changes the lab ends a round of snapshots. */
    void endRound() {
        roundKind = null;
        roundName = null;
        roundDone.clear();
    }

    private boolean inRound(String kind, String name, String machine) {
        boolean continues = kind.equals(roundKind) && name.equals(roundName) && !roundDone.contains(machine);
        if (!continues) {
            endRound();
            roundKind = kind;
            roundName = name;
        }
        roundDone.add(machine);
        return continues;
    }

    private SilentPort silentPort() {
        if (silentPort == null) {
            silentPort = new SilentPort();
        }
        return silentPort;
    }

    @Override
    public void close() {
        try {
            lab.close();
        } finally {
            if (silentPort != null) {
                silentPort.close();
            }
        }
    }
}
