package dev.k3slab.machine.vagrant;

import org.apache.commons.exec.CommandLine;
import org.apache.commons.exec.DefaultExecuteResultHandler;
import org.apache.commons.exec.DefaultExecutor;
import org.apache.commons.exec.environment.EnvironmentUtils;
import org.apache.commons.exec.LogOutputStream;
import org.apache.commons.exec.ProcessDestroyer;
import org.apache.commons.exec.PumpStreamHandler;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;

/**
 * Runs one local program through commons-exec: arguments passed as they are (no quoting), the
 * process environment plus the given variables, output read line by line as it arrives, and on
 * timeout the whole process tree ended (the watchdog of commons-exec would only end the direct child,
 * leaving VBoxManage children running). Thread-safe; each call is independent.
 */
public final class ProcessRunner {

    /** How long to wait for the output pumps after the process ended (a grandchild may hold the pipes). */
    private static final Duration PUMP_STOP_TIMEOUT = Duration.ofSeconds(5);
    /** How long a process gets to end after SIGTERM before it is killed. */
    private static final Duration TERM_GRACE = Duration.ofSeconds(10);

    /** Which stream a line came from. */
    public enum Stream { STDOUT, STDERR }

    private final Path workingDirectory;
    private final Map<String, String> extraEnvironment;

    public ProcessRunner(Path workingDirectory, Map<String, String> extraEnvironment) {
        this.workingDirectory = workingDirectory;
        this.extraEnvironment = Map.copyOf(extraEnvironment);
    }

    /**
     * Runs {@code argv} and waits until it ends or {@code timeout} passes. Never throws for a failing
     * program: a non-zero exit, a timeout and a program that cannot start are all in the result.
     *
     * @param onLine called with each line as it arrives, on a pump thread
     */
    public ProcessResult run(List<String> argv, Duration timeout, BiConsumer<Stream, String> onLine) {
        CommandLine cmd = new CommandLine(argv.get(0));
        argv.subList(1, argv.size()).forEach(a -> cmd.addArgument(a, false));
        String shown = String.join(" ", argv);

        List<String> out = Collections.synchronizedList(new ArrayList<>());
        List<String> err = Collections.synchronizedList(new ArrayList<>());
        PumpStreamHandler streams = new PumpStreamHandler(lines(Stream.STDOUT, out, onLine), lines(Stream.STDERR, err, onLine));
        streams.setStopTimeout(PUMP_STOP_TIMEOUT);
        CapturingDestroyer captured = new CapturingDestroyer();
        DefaultExecutor executor = DefaultExecutor.builder()
                .setWorkingDirectory(workingDirectory)
                .setExecuteStreamHandler(streams)
                .get();
        executor.setExitValues(null);
        executor.setProcessDestroyer(captured);

        Instant started = Instant.now();
        DefaultExecuteResultHandler handler = new DefaultExecuteResultHandler();
        try {
            executor.execute(cmd, environment(), handler);
            handler.waitFor(timeout);
        } catch (IOException e) {
            err.add(e.getMessage());
            return new ProcessResult(shown, OptionalInt.empty(), out, err, false, Duration.between(started, Instant.now()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            endTree(captured.process.get());
            err.add("interrupted while waiting");
            return new ProcessResult(shown, OptionalInt.empty(), out, err, false, Duration.between(started, Instant.now()));
        }
        if (!handler.hasResult()) {
            endTree(captured.process.get());
            awaitQuietly(handler);
            return new ProcessResult(shown, OptionalInt.empty(), out, err, true, Duration.between(started, Instant.now()));
        }
        Duration took = Duration.between(started, Instant.now());
        if (handler.getException() != null && captured.process.get() == null) {
            // The program could not be started at all (missing, not executable).
            err.add(String.valueOf(handler.getException().getCause() == null
                    ? handler.getException().getMessage() : handler.getException().getCause().getMessage()));
            return new ProcessResult(shown, OptionalInt.empty(), out, err, false, took);
        }
        return new ProcessResult(shown, OptionalInt.of(handler.getExitValue()), out, err, false, took);
    }

    private Map<String, String> environment() throws IOException {
        Map<String, String> env = new HashMap<>(EnvironmentUtils.getProcEnvironment());
        env.putAll(extraEnvironment);
        return env;
    }

    private static LogOutputStream lines(Stream which, List<String> into, BiConsumer<Stream, String> onLine) {
        return new LogOutputStream(0, StandardCharsets.UTF_8) {
            @Override
            protected void processLine(String line, int level) {
                into.add(line);
                onLine.accept(which, line);
            }
        };
    }

    /** Ends the process and everything it started: children first found, then all asked to stop, then killed. */
    private static void endTree(Process process) {
        if (process == null) {
            return;
        }
        // Collect descendants before the parent dies: orphans are re-parented and no longer found.
        List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
        tree.add(process.toHandle());
        tree.forEach(ProcessHandle::destroy);
        Instant deadline = Instant.now().plus(TERM_GRACE);
        for (ProcessHandle p : tree) {
            while (p.isAlive() && Instant.now().isBefore(deadline)) {
                try {
                    p.onExit().get(100, java.util.concurrent.TimeUnit.MILLISECONDS);
                } catch (Exception e) {
                    // not ended yet: poll again until the grace period is over
                }
            }
        }
        tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    private static void awaitQuietly(DefaultExecuteResultHandler handler) {
        try {
            handler.waitFor(PUMP_STOP_TIMEOUT.plus(TERM_GRACE));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Remembers the started process so that a timeout can end its whole tree. */
    private static final class CapturingDestroyer implements ProcessDestroyer {
        final AtomicReference<Process> process = new AtomicReference<>();

        @Override
        public boolean add(Process p) {
            process.set(p);
            return true;
        }

        @Override
        public boolean remove(Process p) {
            return true;
        }

        @Override
        public int size() {
            return process.get() == null ? 0 : 1;
        }
    }
}
