package dev.k3slab.emulator.vagrantdouble;

import dev.k3slab.machine.LogSink;
import dev.k3slab.machine.vagrant.ProcessResult;
import dev.k3slab.machine.vagrant.ProcessRunner;
import dev.k3slab.machine.vagrant.VagrantProvider;
import dev.k3slab.machine.vagrant.VagrantTimeouts;
import dev.k3slab.topology.LabHome;
import dev.k3slab.topology.Topology;
import dev.k3slab.topology.TopologyLoader;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A Vagrant folder served by the double, for tests: a copy of the checkout's {@code vagrant/}
 * (Vagrantfile and topology.yaml; the real {@code vagrant/.vagrant} is never touched), the client
 * script installed as {@code bin/vagrant}, the server, and what the provider logged.
 */
public final class VagrantDouble implements AutoCloseable {
    /** Timeouts for the double: it answers in milliseconds, so a minute means something hangs. */
    public static final VagrantTimeouts TIMEOUTS = VagrantTimeouts.all(Duration.ofMinutes(1), Duration.ofSeconds(10),
            Duration.ofMillis(100));

    public final Path vagrantDir;
    public final Path binary;
    public final Topology topology;
    public final VagrantDoubleServer server;
    public final List<String> logged = Collections.synchronizedList(new ArrayList<>());
    private final List<PrintWriter> logFiles = new ArrayList<>();

    private VagrantDouble(Path vagrantDir, Path binary, Topology topology) {
        this.vagrantDir = vagrantDir;
        this.binary = binary;
        this.topology = topology;
        this.server = VagrantDoubleServer.start(vagrantDir, topology);
    }

    /**
     * Copies the checkout's {@code vagrant/} into {@code root/<folderName>}, installs the client
     * in {@code root/bin} and starts the server for that folder.
     */
    public static VagrantDouble start(Path root, String folderName) {
        return start(root, folderName, null);
    }

    /** As {@link #start(Path, String)}, with the machines of {@code topology} instead of those of topology.yaml. */
    public static VagrantDouble start(Path where, String folderName, Topology topology) {
        Path root = where.toAbsolutePath();
        Path source = LabHome.find().orElseThrow(() -> new IllegalStateException("no checkout above "
                + Path.of("").toAbsolutePath())).resolve("vagrant");
        try {
            Path dir = Files.createDirectories(root.resolve(folderName));
            Files.copy(source.resolve("Vagrantfile"), dir.resolve("Vagrantfile"));
            Files.copy(source.resolve("topology.yaml"), dir.resolve("topology.yaml"));
            Topology machines = topology != null ? topology : TopologyLoader.load(dir.resolve("topology.yaml"));
            return new VagrantDouble(dir, install(root.resolve("bin")), machines);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Copies the client script to {@code binDir/vagrant} with the executable bit (Maven's copy loses it). */
    public static Path install(Path binDir) throws IOException {
        Files.createDirectories(binDir);
        Path target = binDir.resolve("vagrant");
        try (InputStream in = VagrantDouble.class.getResourceAsStream("/vagrant-double/vagrant")) {
            Files.copy(in, target);
        }
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwxr-xr-x"));
        return target;
    }

    public LogSink log() {
        return (source, line) -> logged.add("[" + source + "] " + line);
    }

    /** The real Vagrant provider, running this folder's {@code vagrant} double; its output goes to {@link #logged}. */
    public VagrantProvider provider() {
        return provider(log());
    }

    public VagrantProvider provider(LogSink log) {
        return new VagrantProvider(topology, vagrantDir, binary, log, TIMEOUTS);
    }

    /** A log of Vagrant's output in {@code file}, as {@code ./lab run} keeps it (provider.log); closed with this double. */
    public LogSink fileLog(Path file) {
        try {
            PrintWriter w = new PrintWriter(Files.newBufferedWriter(file), true);
            logFiles.add(w);
            return (source, line) -> {
                synchronized (w) {
                    w.println("[" + source + "] " + line);
                }
            };
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the provider log " + file, e);
        }
    }

    /** Runs the double as a person would: {@code VAGRANT_CWD=<folder> vagrant <args>}. */
    public ProcessResult vagrant(String... args) {
        return vagrantWithEnv(Map.of(), args);
    }

    public ProcessResult vagrantWithEnv(Map<String, String> env, String... args) {
        Map<String, String> all = new HashMap<>(env);
        all.put("VAGRANT_CWD", vagrantDir.toString());
        List<String> argv = new ArrayList<>();
        argv.add(binary.toString());
        argv.addAll(List.of(args));
        return new ProcessRunner(vagrantDir, all).run(argv, Duration.ofMinutes(1), (stream, line) -> { });
    }

    @Override
    public void close() {
        try {
            server.close();
        } finally {
            logFiles.forEach(PrintWriter::close);
        }
    }
}
