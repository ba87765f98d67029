package dev.k3slab.emulator.k3s;

import dev.k3slab.emulator.EmulatedClock;
import dev.k3slab.emulator.Invocation;
import dev.k3slab.emulator.NodeFiles;
import dev.k3slab.emulator.Program;
import dev.k3slab.emulator.ProgramFiles;
import dev.k3slab.topology.LabNode;
import dev.k3slab.topology.Role;
import dev.k3slab.topology.Topology;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Calls the model's programs the way the node interpreter would (finding the program through the
 * marker file on the node's disk), without SSH: provisioned node disks in a temp folder, the lab
 * clock, and captured stdout/stderr.
 */
final class ModelHarness {
    static final Topology TOPOLOGY = new Topology("bento/ubuntu-22.04", "192.168.56", "v1.27.9+k3s1", "v3.5.11",
            "k3s-splitbrain-", List.of(
            new LabNode("cp-1", "192.168.56.11", Role.SERVER, 2, 2048),
            new LabNode("cp-2", "192.168.56.12", Role.SERVER, 2, 2048),
            new LabNode("cp-3", "192.168.56.13", Role.SERVER, 2, 2048),
            new LabNode("w-1", "192.168.56.21", Role.AGENT, 2, 2048),
            new LabNode("w-2", "192.168.56.22", Role.AGENT, 2, 2048)));
    static final String TLS = " --cacert=/var/lib/rancher/k3s/server/tls/etcd/server-ca.crt"
            + " --cert=/var/lib/rancher/k3s/server/tls/etcd/server-client.crt"
            + " --key=/var/lib/rancher/k3s/server/tls/etcd/server-client.key";

    /** What one command printed and returned. */
    record Result(int exit, String out, String err) {
    }

    final EmulatedClock clock = new EmulatedClock(Instant.parse("2026-02-22T04:50:00Z"));
    final Map<String, NodeFiles> files = new LinkedHashMap<>();
    final K3sModel model;
    private long pid = 1000;

    ModelHarness(Path root) {
        for (LabNode n : TOPOLOGY.nodes()) {
            NodeFiles f = new NodeFiles(n.name(), root.resolve(n.name()));
            files.put(n.name(), f);
            ProgramFiles.write(f.resolve("/usr/local/bin/k3s-install.sh"), "k3s-install.sh");
            ProgramFiles.write(f.resolve("/usr/local/bin/etcdctl"), "etcdctl");
            ProgramFiles.write(f.resolve("/usr/bin/systemctl"), "systemctl");
            ProgramFiles.write(f.resolve("/usr/bin/journalctl"), "journalctl");
            write(f, "/etc/hostname", n.name() + "\n");
        }
        model = new K3sModel(TOPOLOGY, clock, files);
    }

    static void write(NodeFiles f, String path, String text) {
        try {
            Files.createDirectories(f.resolve(path).getParent());
            Files.writeString(f.resolve(path), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path path(String node, String nodePath) {
        return files.get(node).resolve(nodePath);
    }

    /** Runs a command line of plain words ({@code VAR=value} prefixes become env), like the interpreter. */
    Result run(String node, String commandLine) {
        return run(node, commandLine, Map.of(), false);
    }

    Result run(String node, String commandLine, Map<String, String> extraEnv, boolean background) {
        List<String> words = new ArrayList<>(UnitFile.words(commandLine));
        Map<String, String> env = new HashMap<>(extraEnv);
        while (!words.isEmpty() && words.get(0).matches("[A-Z_][A-Z0-9_]*=.*")) {
            String w = words.remove(0);
            env.put(w.substring(0, w.indexOf('=')), w.substring(w.indexOf('=') + 1));
        }
        String argv0 = words.remove(0);
        Program program = find(node, argv0).orElseThrow(() -> new AssertionError(argv0 + ": command not found on " + node));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = program.run(new Invocation(node, argv0, words, env, files.get(node),
                new ByteArrayInputStream(new byte[0]), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), background, ++pid));
        return new Result(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    Result background(String node, String commandLine) {
        return run(node, commandLine, Map.of(), true);
    }

    private Optional<Program> find(String node, String argv0) {
        List<String> candidates = argv0.startsWith("/") ? List.of(argv0) : List.of("/usr/local/bin/" + argv0, "/usr/bin/" + argv0);
        for (String c : candidates) {
            Path p = files.get(node).resolve(c);
            Optional<String> name = ProgramFiles.programOf(p);
            if (name.isPresent()) {
                return Optional.ofNullable(model.programs().get(name.get()));
            }
        }
        return Optional.empty();
    }

    void advance(Duration d) {
        clock.advance(d);
    }

    void reboot(String node) {
        model.shutDown(node);
        clock.advance(Duration.ofSeconds(20));
        model.booted(node);
    }

    Result install(String node, String exec, String token) {
        Map<String, String> env = new HashMap<>();
        env.put("INSTALL_K3S_VERSION", "v1.27.9+k3s1");
        env.put("INSTALL_K3S_EXEC", exec);
        if (token != null) {
            env.put("K3S_TOKEN", token);
        }
        return run(node, "/usr/local/bin/k3s-install.sh", env, false);
    }

    Result kubectl(String node, String args) {
        return run(node, "kubectl " + args);
    }

    Result etcdctl(String node, String args) {
        return run(node, "ETCDCTL_API=3 etcdctl --endpoints=https://127.0.0.1:2379" + TLS + " " + args);
    }

    List<String> ls(String node, String dir) {
        try (var s = Files.list(path(node, dir))) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }
}
