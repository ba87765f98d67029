package dev.k3slab.emulator.k3s;

import dev.k3slab.emulator.NodeFiles;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * systemd as far as the K3s units need it: units loaded at daemon-reload (or boot) so that an
 * edited unit keeps its old ExecStart until then, start/stop/restart, enable links, and
 * {@code Restart=always} after a process ended by itself.
 */
final class Systemd {
    static final String DIR = "/etc/systemd/system";
    static final String WANTS = DIR + "/multi-user.target.wants";

    /** Outcome of a start: 0 started (or already active), 1 the job failed, 127 not modelled. */
    record Started(int status, String notModelled) {
    }

    private final Lab lab;
    private final K3sStart starter;

    Systemd(Lab lab) {
        this.lab = lab;
        this.starter = new K3sStart(lab);
    }

    static String unitName(String arg) {
        return arg.contains(".") ? arg : arg + ".service";
    }

    Optional<String> fileText(String node, String unit) {
        return DataDir.read(lab.files(node), DIR + "/" + unit);
    }

    /** The unit as systemd holds it; loaded from disk on first use, as systemd loads an unknown unit on demand. */
    Optional<ModelState.UnitState> unit(String node, String unit) {
        Map<String, ModelState.UnitState> units = lab.state.node(node).units;
        if (!units.containsKey(unit)) {
            Optional<String> text = fileText(node, unit);
            if (text.isEmpty()) {
                return Optional.empty();
            }
            ModelState.UnitState u = new ModelState.UnitState();
            u.loadedText = text.get();
            units.put(unit, u);
        }
        return Optional.of(units.get(unit));
    }

    boolean changedOnDisk(String node, String unit) {
        ModelState.UnitState u = lab.state.node(node).units.get(unit);
        return u != null && !fileText(node, unit).orElse("").equals(u.loadedText);
    }

    static String changedWarning(String unit) {
        return "Warning: The unit file, source configuration file or drop-ins of " + unit
                + " changed on disk. Run 'systemctl daemon-reload' to reload units.";
    }

    /** Reloads every unit from disk; units whose file is gone and that do not run are forgotten. */
    void daemonReload(String node) {
        Map<String, ModelState.UnitState> units = lab.state.node(node).units;
        for (String unit : List.copyOf(units.keySet())) {
            Optional<String> text = fileText(node, unit);
            ModelState.UnitState u = units.get(unit);
            if (text.isPresent()) {
                u.loadedText = text.get();
            } else if (!u.active) {
                units.remove(unit);
            }
        }
        unitFilesOnDisk(node).forEach(unit -> unit(node, unit));
    }

    /** The K3s unit files on the node's disk ({@code /etc/systemd/system/k3s*.service}). */
    List<String> unitFilesOnDisk(String node) {
        Path dir = lab.files(node).resolve(DIR);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString())
                    .filter(n -> n.startsWith("k3s") && n.endsWith(".service") && Files.isRegularFile(dir.resolve(n)))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    boolean enabled(String node, String unit) {
        return Files.exists(lab.files(node).resolve(WANTS + "/" + unit), LinkOption.NOFOLLOW_LINKS);
    }

    void enable(String node, String unit, PrintStream err) {
        if (!enabled(node, unit)) {
            DataDir.mkdirs(lab.files(node), WANTS, "rwxr-xr-x");
        }
        DataDir.symlink(lab.files(node), WANTS + "/" + unit, "../" + unit);
        // The install script enables with the unit's path; systemctl relinks and reports it every time
        // (the source's re-installs show the line again).
        err.println("Created symlink " + WANTS + "/" + unit + " \u2192 " + DIR + "/" + unit + ".");
    }

    void disable(String node, String unit, PrintStream err) {
        if (enabled(node, unit)) {
            DataDir.delete(lab.files(node), WANTS + "/" + unit);
            err.println("Removed " + WANTS + "/" + unit + ".");
        }
    }

    Started start(String node, String unit, PrintStream err) {
        Optional<ModelState.UnitState> found = unit(node, unit);
        if (found.isEmpty()) {
            err.println("Failed to start " + unit + ": Unit " + unit + " not found.");
            return new Started(5, null);
        }
        ModelState.UnitState u = found.get();
        if (u.active) {
            return new Started(0, null);
        }
        NodeFiles files = lab.files(node);
        List<String> exec = UnitFile.execStart(u.loadedText);
        String description = description(u.loadedText);
        lab.journal(node, unit, "systemd[1]: Starting " + description + "...");
        long pid = lab.nextUnitPid(node);
        u.restartAt = null;
        if (exec.isEmpty() || !Files.isRegularFile(files.resolve(exec.get(0)))) {
            lab.journal(node, unit, "systemd[" + pid + "]: " + unit + ": Failed to locate executable "
                    + (exec.isEmpty() ? "" : exec.get(0)) + ": No such file or directory");
            return failed(node, unit, u, err, "exit-code", true);
        }
        if (exec.size() < 2 || !(exec.get(1).equals("server") || exec.get(1).equals("agent"))) {
            return notModelled(node, unit, u, "a K3s unit whose ExecStart is " + exec);
        }
        Map<String, String> env = new HashMap<>();
        for (String f : UnitFile.environmentFiles(u.loadedText, unit)) {
            DataDir.read(files, f).ifPresent(text -> env.putAll(UnitFile.environment(text)));
        }
        Optional<K3sProcess> p;
        try {
            K3sConfig config = K3sFlags.parse(exec.get(1), exec.subList(2, exec.size()), env, files);
            p = starter.start(node, config, unit, pid, "/usr/local/bin/k3s " + exec.get(1), err);
        } catch (NotModelled e) {
            return notModelled(node, unit, u, e.getMessage());
        }
        if (p.isEmpty()) {
            return failed(node, unit, u, err, "exit-code", true);
        }
        u.active = true;
        u.since = lab.now();
        u.mainPid = pid;
        u.result = "success";
        lab.journal(node, unit, "systemd[1]: Started " + description + ".");
        return new Started(0, null);
    }

    private Started failed(String node, String unit, ModelState.UnitState u, PrintStream err, String result, boolean restart) {
        lab.journal(node, unit, "systemd[1]: " + unit + ": Main process exited, code=exited, status=1/FAILURE");
        lab.journal(node, unit, "systemd[1]: " + unit + ": Failed with result '" + result + "'.");
        u.active = false;
        u.result = result;
        u.since = lab.now();
        u.restartAt = restart ? lab.now().plus(Timings.RESTART_SEC) : null;
        err.println("Job for " + unit + " failed because the control process exited with error code.");
        err.println("See \"systemctl status " + unit + "\" and \"journalctl -xeu " + unit + "\" for details.");
        return new Started(1, null);
    }

    private Started notModelled(String node, String unit, ModelState.UnitState u, String what) {
        NotModelled e = new NotModelled(what);
        lab.journal(node, unit, "k3s-lab[0]: " + e.line());
        u.active = false;
        u.result = "exit-code";
        u.since = lab.now();
        return new Started(NotModelled.EXIT, e.line());
    }

    void stop(String node, String unit) {
        ModelState.UnitState u = lab.state.node(node).units.get(unit);
        if (u == null) {
            return;
        }
        u.restartAt = null;
        if (!u.active) {
            return;
        }
        String description = description(u.loadedText);
        lab.journal(node, unit, "systemd[1]: Stopping " + description + "...");
        lab.state.node(node).processes.stream().filter(p -> p.pid == u.mainPid && unit.equals(p.unit))
                .findFirst().ifPresent(lab::ended);
        lab.journal(node, unit, "systemd[1]: " + unit + ": Deactivated successfully.");
        lab.journal(node, unit, "systemd[1]: Stopped " + description + ".");
        u.active = false;
        u.since = lab.now();
        u.result = "success";
    }

    /** The machine goes down: every unit stops, nothing restarts until boot. */
    void shutDown(String node) {
        for (String unit : List.copyOf(lab.state.node(node).units.keySet())) {
            stop(node, unit);
        }
        List.copyOf(lab.state.node(node).processes).forEach(lab::ended);
    }

    /** Boot: units are loaded from disk and the enabled K3s units start. */
    void boot(String node) {
        daemonReload(node);
        for (String unit : unitFilesOnDisk(node)) {
            if (enabled(node, unit)) {
                start(node, unit, Lab.quiet());
            }
        }
    }

    static String description(String unitText) {
        for (String line : unitText.split("\n")) {
            if (line.startsWith("Description=")) {
                return line.substring("Description=".length()).trim();
            }
        }
        return "k3s";
    }
}
