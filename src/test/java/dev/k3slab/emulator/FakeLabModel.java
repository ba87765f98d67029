package dev.k3slab.emulator;

import dev.k3slab.topology.Topology;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A small stand-in for the K3s model: {@code k3s-install.sh} installs {@code k3s} (and the
 * {@code kubectl} link) and enables a unit whose process starts at every boot; {@code kubectl get
 * nodes} lists the nodes whose K3s runs; {@code hang} blocks until interrupted (to be cut by a reboot).
 */
public final class FakeLabModel implements LabModel {
    public final FakeProcesses processes = new FakeProcesses();
    public final List<String> events = new ArrayList<>();
    public final Set<String> enabled = new LinkedHashSet<>();
    public final CountDownLatch hanging = new CountDownLatch(1);
    private final Map<String, NodeFiles> disks;
    private final AtomicLong unitPids = new AtomicLong(20000);
    private final Map<String, Program> programs = new ConcurrentHashMap<>();

    public FakeLabModel(Topology topology, EmulatedClock clock, Map<String, NodeFiles> disks) {
        this.disks = disks;
        programs.put("k3s-install.sh", inv -> {
            ProgramFiles.write(inv.files().resolve("/usr/local/bin/k3s"), "k3s");
            try {
                Files.createSymbolicLink(inv.files().resolve("/usr/local/bin/kubectl"), Path.of("k3s"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            synchronized (this) {
                enabled.add(inv.node());
                startUnit(inv.node());
            }
            inv.stdout().println("[INFO]  systemd: Starting k3s");
            return 0;
        });
        programs.put("k3s", inv -> {
            if (inv.argv0().equals("kubectl")) {
                inv.stdout().println("NAME   STATUS");
                disks.keySet().stream().sorted().filter(n -> !processes.processes(n).isEmpty())
                        .forEach(n -> inv.stdout().println(n + "   Ready"));
                return 0;
            }
            processes.add(inv.node(), inv.pid(), "/usr/local/bin/k3s " + String.join(" ", inv.args()));
            return 0;
        });
        programs.put("hang", inv -> {
            hanging.countDown();
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return 0;
        });
        programs.put("systemctl", inv -> 0);
        programs.put("journalctl", inv -> 0);
        programs.put("etcdctl", inv -> 0);
    }

    private void startUnit(String node) {
        if (processes.processes(node).isEmpty()) {
            processes.add(node, unitPids.incrementAndGet(), "/usr/local/bin/k3s server");
        }
    }

    @Override
    public Map<String, Program> programs() {
        return Map.copyOf(programs);
    }

    @Override
    public ProcessTable processes() {
        return processes;
    }

    @Override
    public synchronized void booted(String node) {
        events.add("booted " + node);
        if (enabled.contains(node)) {
            startUnit(node);
        }
    }

    @Override
    public synchronized void shutDown(String node) {
        events.add("shutDown " + node);
        processes.clear(node);
    }

    @Override
    public synchronized void saveState(Path dir) {
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("enabled"), String.join(",", enabled));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public synchronized void loadState(Path dir) {
        try {
            enabled.clear();
            String s = Files.readString(dir.resolve("enabled"));
            if (!s.isEmpty()) {
                enabled.addAll(List.of(s.split(",")));
            }
            events.add("loadState");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
