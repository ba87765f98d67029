package dev.k3slab.machine.vagrant;

import dev.k3slab.machine.LogSink;
import dev.k3slab.topology.Topology;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A Vagrant folder driven by the fake {@code vagrant} under src/test/resources/fake-vagrant: its
 * state files, the calls it received and the lines the provider logged.
 */
final class FakeVagrant {

    final Path dir;
    final Path binary;
    final Path state;
    final List<String> logged = Collections.synchronizedList(new ArrayList<>());

    FakeVagrant(Path tempDir, Topology topology) {
        try {
            dir = Files.createDirectories(tempDir.resolve("vagrant"));
            Files.writeString(dir.resolve("Vagrantfile"), "# generated for " + topology.names() + "\n");
            state = Files.createDirectories(dir.resolve(".fake-vagrant"));
            Files.write(state.resolve("machines"), topology.names());
            binary = install(tempDir.resolve("bin"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Copies the fake to {@code binDir} with the executable bit (resources lose it when copied by Maven). */
    static Path install(Path binDir) throws IOException {
        Files.createDirectories(binDir);
        Path target = binDir.resolve("vagrant");
        try (InputStream in = FakeVagrant.class.getResourceAsStream("/fake-vagrant/vagrant")) {
            Files.copy(in, target);
        }
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwxr-xr-x"));
        return target;
    }

    LogSink log() {
        return (source, line) -> logged.add("[" + source + "] " + line);
    }

    VagrantProvider provider(Topology topology) {
        return new VagrantProvider(topology, dir, binary, log(),
                VagrantTimeouts.all(Duration.ofSeconds(20), Duration.ofMillis(600), Duration.ofMillis(100)));
    }

    /** Makes {@code command} on {@code machine} act out {@code behaviour} (see the fake's header). */
    FakeVagrant behave(String command, String machine, String behaviour) {
        write("behaviour/" + command + (machine == null ? "" : "-" + machine), behaviour);
        return this;
    }

    FakeVagrant set(String file, String content) {
        write(file, content);
        return this;
    }

    void write(String file, String content) {
        try {
            Path p = state.resolve(file);
            Files.createDirectories(p.getParent());
            Files.writeString(p, content + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String stateOf(String machine) {
        Path p = state.resolve("state/" + machine);
        try {
            return Files.exists(p) ? Files.readString(p).strip() : "not_created";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The arguments of each call, without the environment part. */
    List<String> calls() {
        return rawCalls().stream().map(c -> c.substring(0, c.indexOf('|'))).toList();
    }

    List<String> rawCalls() {
        try {
            Path p = state.resolve("calls");
            return Files.exists(p) ? Files.readAllLines(p) : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
