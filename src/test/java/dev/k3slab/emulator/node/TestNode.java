package dev.k3slab.emulator.node;

import dev.k3slab.emulator.EmulatedClock;
import dev.k3slab.emulator.FakeProcesses;
import dev.k3slab.emulator.Invocation;
import dev.k3slab.emulator.NodeFiles;
import dev.k3slab.emulator.ProcessTable;
import dev.k3slab.emulator.Program;
import dev.k3slab.emulator.ProgramFiles;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** One emulated node on a temporary disk, with recording fake programs, for interpreter tests. */
public final class TestNode implements NodeHost {
    public static final Instant START = Instant.parse("2026-02-22T04:40:00Z");

    public final NodeFiles files;
    public final EmulatedClock clock = new EmulatedClock(START);
    public final FakeProcesses processes = new FakeProcesses();
    public final Map<String, Program> programs = new ConcurrentHashMap<>();
    public final List<Invocation> calls = new ArrayList<>();
    public final AtomicLong pids = new AtomicLong(3000);
    public final NodeInterpreter interpreter;

    public TestNode(Path root) {
        this.files = new NodeFiles("cp-1", root);
        this.interpreter = new NodeInterpreter(this);
        for (String d : List.of("/tmp", "/root", "/home/vagrant", "/etc/systemd/system", "/usr/local/bin", "/usr/bin")) {
            mkdirs(d);
        }
        Program recorder = inv -> {
            synchronized (calls) {
                calls.add(inv);
            }
            if (inv.background()) {
                processes.add("cp-1", inv.pid(), "/usr/local/bin/" + inv.argv0() + " " + String.join(" ", inv.args()));
            }
            inv.stdout().println(inv.argv0() + " " + String.join(" ", inv.args()));
            return 0;
        };
        programs.put("k3s", recorder);
        programs.put("k3s-install.sh", recorder);
        ProgramFiles.write(files.resolve("/usr/local/bin/k3s-install.sh"), "k3s-install.sh");
    }

    public record Result(int status, String out, String err) {
    }

    public Result run(String commandLine) {
        return runAs("vagrant", commandLine, "");
    }

    public Result root(String commandLine) {
        return runAs("root", commandLine, "");
    }

    public Result runAs(String user, String commandLine, String stdin) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = interpreter.run(commandLine, user, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                out, err);
        return new Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    public void installK3s() {
        ProgramFiles.write(files.resolve("/usr/local/bin/k3s"), "k3s");
        try {
            Files.createSymbolicLink(files.resolve("/usr/local/bin/kubectl"), Path.of("k3s"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void write(String nodePath, String content) {
        try {
            Path p = files.resolve(nodePath);
            Files.createDirectories(p.getParent());
            Files.writeString(p, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String read(String nodePath) {
        try {
            return Files.readString(files.resolve(nodePath));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void mkdirs(String nodePath) {
        try {
            Files.createDirectories(files.resolve(nodePath));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void mtime(String nodePath, String instant) {
        try {
            Files.setLastModifiedTime(files.resolve(nodePath), FileTime.from(Instant.parse(instant)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String name() {
        return "cp-1";
    }

    @Override
    public String ip() {
        return "192.168.56.11";
    }

    @Override
    public NodeFiles files() {
        return files;
    }

    @Override
    public Map<String, Program> programs() {
        return programs;
    }

    @Override
    public ProcessTable processes() {
        return processes;
    }

    @Override
    public Instant now() {
        return clock.now();
    }

    @Override
    public void sleep(Duration d) {
        clock.advance(d);
    }

    @Override
    public long allocatePid() {
        return pids.incrementAndGet();
    }

    @Override
    public Instant bootTime() {
        return START;
    }

    @Override
    public void filesChanged(Instant wallSince) {
        MtimeStamper.stamp(files.root(), wallSince, clock.now());
    }
}
