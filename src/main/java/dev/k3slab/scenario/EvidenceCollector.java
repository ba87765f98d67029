package dev.k3slab.scenario;

import dev.k3slab.shell.CommandResult;
import dev.k3slab.topology.LabNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Gathers evidence from every node after an experiment that did not pass: the K3s journal, the
 * log of a k3s server started in the background, the unit file and the datastore folder, one file
 * per node under {@code <run>/evidence/<experiment>/}. Best effort and masked; whatever goes wrong
 * here is written into the evidence, never into the experiment's verdict.
 */
final class EvidenceCollector {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final LabSession lab;
    private final Commands commands;

    EvidenceCollector(LabSession lab, Commands commands) {
        this.lab = lab;
        this.commands = commands;
    }

    /** The evidence files written, relative to the run folder. */
    List<String> collect(String experiment, Map<String, String> backgroundLogs) {
        List<String> written = new ArrayList<>();
        Path dir = lab.runDir().resolve("evidence").resolve(experiment);
        for (LabNode node : lab.topology().nodes()) {
            String unit = node.isServer() ? "k3s" : "k3s-agent";
            List<String> probes = new ArrayList<>(List.of(
                    "journalctl -u " + unit + " --no-pager -n 300",
                    "systemctl cat " + unit,
                    "ls -al " + K3sPaths.DB_DIR + "/",
                    "ls -al " + K3sPaths.ETCD_DIR + "/"));
            if (backgroundLogs.containsKey(node.name())) {
                probes.add("tail -n 300 " + backgroundLogs.get(node.name()));
            }
            StringBuilder text = new StringBuilder("# evidence from " + node.name() + " after experiment " + experiment + "\n");
            for (String probe : probes) {
                text.append("\n$ ").append(probe).append('\n').append(run(node.name(), probe));
            }
            try {
                Files.createDirectories(dir);
                Path file = dir.resolve(node.name() + ".txt");
                Files.writeString(file, lab.masker().mask(text.toString()), StandardCharsets.UTF_8);
                written.add(lab.runDir().relativize(file).toString());
            } catch (IOException e) {
                written.add("(could not write evidence of " + node.name() + ": " + e.getMessage() + ")");
            }
        }
        commands.drain();
        return written;
    }

    private String run(String node, String probe) {
        try {
            CommandResult r = lab.masker().mask(lab.shell(node).run(probe, TIMEOUT));
            return r.stdout() + (r.stderr().isEmpty() ? "" : "[stderr]\n" + r.stderr() + "\n") + "[" + r.describeStatus() + "]\n";
        } catch (RuntimeException e) {
            // Evidence is best effort: a node that cannot be reached is itself worth writing down.
            return "[could not run: " + e.getMessage() + "]\n";
        }
    }
}
