package dev.k3slab.emulator.k3s;

import dev.k3slab.emulator.EmulatedClock;
import dev.k3slab.emulator.Invocation;
import dev.k3slab.emulator.LabModel;
import dev.k3slab.emulator.NodeFiles;
import dev.k3slab.emulator.ProcessTable;
import dev.k3slab.emulator.Program;
import dev.k3slab.topology.Topology;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;

/**
 * The behaviour model of K3s v1.27.9+k3s1 behind the emulated lab: the programs {@code k3s}
 * (with {@code kubectl}), {@code etcdctl}, {@code systemctl}, {@code journalctl} and the install,
 * kill-all and uninstall scripts, over datastores that are real files on the node disks (SQLite)
 * or shared etcd clusters in memory. It moves only with the {@link EmulatedClock}; see
 * docs/emulated-lab-model.md for what is modelled, the timings and what is refused.
 *
 * <p>Thread-safety: every program call and every clock second runs under one lock.
 */
public final class K3sModel implements LabModel {
    private static final String STATE_FILE = "k3s-model.json";

    private final Lab lab;
    private final Systemd systemd;
    private final Ticker ticker;
    private final Map<String, Program> programs = new LinkedHashMap<>();

    public K3sModel(Topology topology, EmulatedClock clock, Map<String, NodeFiles> files) {
        this.lab = new Lab(topology, clock, files);
        this.systemd = new Systemd(lab);
        this.ticker = new Ticker(lab, systemd);
        topology.names().forEach(lab.state::node);
        programs.put("k3s", guard(new K3sCommand(lab, ticker)::run));
        programs.put("etcdctl", guard(new Etcdctl(lab)::run));
        programs.put("systemctl", guard(new Systemctl(lab, systemd)::run));
        programs.put("journalctl", guard(new Journalctl(lab)::run));
        InstallScript install = new InstallScript(lab, systemd);
        programs.put("k3s-install.sh", guard(install::run));
        Uninstall uninstall = new Uninstall(lab, systemd);
        programs.put("k3s-killall.sh", guard(uninstall::killAll));
        programs.put("k3s-uninstall.sh", guard(inv -> uninstall.uninstall(inv, "k3s.service")));
        programs.put("k3s-agent-uninstall.sh", guard(inv -> uninstall.uninstall(inv, "k3s-agent.service")));
        clock.addListener(t -> {
            synchronized (lab.lock) {
                ticker.tick();
            }
        });
    }

    private Program guard(ToIntFunction<Invocation> body) {
        return inv -> {
            synchronized (lab.lock) {
                try {
                    return body.applyAsInt(inv);
                } catch (NotModelled e) {
                    inv.stderr().println(e.line());
                    return NotModelled.EXIT;
                }
            }
        };
    }

    @Override
    public Map<String, Program> programs() {
        return Map.copyOf(programs);
    }

    @Override
    public ProcessTable processes() {
        return new ProcessTable() {
            @Override
            public List<EmulatedProcess> processes(String node) {
                synchronized (lab.lock) {
                    return lab.state.node(node).processes.stream()
                            .map(p -> new EmulatedProcess(p.pid, p.commandLine)).toList();
                }
            }

            @Override
            public boolean kill(String node, long pid, int signal) {
                synchronized (lab.lock) {
                    return lab.state.node(node).processes.stream().filter(p -> p.pid == pid).findFirst()
                            .map(p -> {
                                if (signal != 0) {
                                    lab.processKilled(p, signal);
                                }
                                return true;
                            }).orElse(false);
                }
            }
        };
    }

    @Override
    public void booted(String node) {
        synchronized (lab.lock) {
            lab.state.node(node).up = true;
            systemd.boot(node);
        }
    }

    @Override
    public void shutDown(String node) {
        synchronized (lab.lock) {
            systemd.shutDown(node);
            lab.state.node(node).up = false;
        }
    }

    @Override
    public void saveState(Path dir) {
        synchronized (lab.lock) {
            try {
                Files.createDirectories(dir);
                lab.json.writerWithDefaultPrettyPrinter().writeValue(dir.resolve(STATE_FILE).toFile(), lab.state);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the K3s model state to " + dir, e);
            }
        }
    }

    @Override
    public void loadState(Path dir) {
        synchronized (lab.lock) {
            try {
                ModelState loaded = lab.json.readValue(dir.resolve(STATE_FILE).toFile(), ModelState.class);
                lab.discardAllSqlite();
                lab.state = loaded;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the K3s model state from " + dir.resolve(STATE_FILE)
                        + " (was it written by saveState?)", e);
            }
        }
    }
}
