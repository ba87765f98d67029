package dev.k3slab.emulator;

import dev.k3slab.emulator.node.DiskTrees;
import dev.k3slab.machine.Checkpoints;
import dev.k3slab.machine.MachineException;
import dev.k3slab.machine.MachineState;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * Checkpoints of an emulated lab under {@code <run>/checkpoints/<name>/}: {@code nodes/<node>/}
 * (copies of the disks), {@code model/} (what the model's {@code saveState} wrote) and
 * {@code checkpoint.properties} (lab clock, each machine's state, boot time and next pid, and the
 * order the checkpoints were taken in).
 */
final class LabCheckpoints {
    private static final String INDEX = "checkpoint.properties";

    private final EmulatedLab lab;
    private final Path dir;

    LabCheckpoints(EmulatedLab lab, Path dir) {
        this.lab = lab;
        this.dir = dir;
    }

    void save(String name) {
        if (!Checkpoints.isValidName(name)) {
            throw new MachineException("checkpoint name '" + name + "' must be letters, digits and . _ - "
                    + "(starting with a letter or digit)");
        }
        Path target = dir.resolve(name);
        Path tmp = dir.resolve("." + name + ".saving");
        try {
            DiskTrees.delete(tmp);
            Files.createDirectories(tmp);
            if (lab.hasModel()) {
                lab.model().saveState(tmp.resolve("model"));
            }
            Properties p = new Properties();
            p.setProperty("clock", lab.clock().now().toString());
            p.setProperty("sequence", String.valueOf(nextSequence()));
            for (EmulatedMachine m : lab.machines()) {
                if (Files.isDirectory(m.files().root())) {
                    DiskTrees.copy(m.files().root(), tmp.resolve("nodes").resolve(m.name()));
                }
                p.setProperty("state." + m.name(), m.state().name());
                p.setProperty("boot." + m.name(), m.bootTime().toString());
                p.setProperty("pid." + m.name(), String.valueOf(m.nextPidValue()));
            }
            try (Writer w = Files.newBufferedWriter(tmp.resolve(INDEX))) {
                p.store(w, "k3s-lab emulated lab checkpoint " + name);
            }
            DiskTrees.delete(target);
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new MachineException("cannot save checkpoint '" + name + "' under " + dir + ": " + e.getMessage()
                    + ". Likely fix: free disk space, or delete " + tmp, e);
        }
    }

    void restore(String name) {
        Path src = dir.resolve(name);
        if (!Checkpoints.isValidName(name) || !Files.isRegularFile(src.resolve(INDEX))) {
            throw new MachineException("no checkpoint '" + name + "' in " + dir + "; the checkpoints are " + list());
        }
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(src.resolve(INDEX))) {
            p.load(r);
            lab.machines().forEach(EmulatedMachine::stopSsh);
            if (Files.isDirectory(src.resolve("model"))) {
                lab.ensureModel().loadState(src.resolve("model"));
            }
            for (EmulatedMachine m : lab.machines()) {
                DiskTrees.delete(m.files().root());
                Path saved = src.resolve("nodes").resolve(m.name());
                if (Files.isDirectory(saved)) {
                    DiskTrees.copy(saved, m.files().root());
                }
            }
        } catch (IOException e) {
            throw new MachineException("cannot restore checkpoint '" + name + "' from " + src + ": " + e.getMessage()
                    + ". The lab is in an unknown state now. Likely fix: destroy the emulated lab and start again", e);
        }
        lab.clock().set(Instant.parse(p.getProperty("clock")));
        for (EmulatedMachine m : lab.machines()) {
            m.state(MachineState.valueOf(p.getProperty("state." + m.name(), MachineState.NOT_CREATED.name())));
            m.bootTime(Instant.parse(p.getProperty("boot." + m.name(), p.getProperty("clock"))));
            m.nextPidValue(Long.parseLong(p.getProperty("pid." + m.name(), String.valueOf(EmulatedMachine.FIRST_PID))));
            if (m.state() == MachineState.RUNNING) {
                m.startSsh(EmulatedLab.SSH_START);
            }
        }
        lab.writeSshFiles();
    }

    /** The checkpoints, oldest first. */
    List<String> list() {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            List<Path> found = new ArrayList<>(s.filter(d -> Files.isRegularFile(d.resolve(INDEX))
                    && Checkpoints.isValidName(d.getFileName().toString())).toList());
            found.sort(Comparator.comparingLong(LabCheckpoints::sequence));
            return found.stream().map(d -> d.getFileName().toString()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the checkpoints in " + dir, e);
        }
    }

    void deleteAll() throws IOException {
        DiskTrees.delete(dir);
    }

    private long nextSequence() {
        return list().stream().mapToLong(n -> sequence(dir.resolve(n))).max().orElse(0) + 1;
    }

    private static long sequence(Path checkpoint) {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(checkpoint.resolve(INDEX))) {
            p.load(r);
            return Long.parseLong(p.getProperty("sequence", "0"));
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
    }
}
