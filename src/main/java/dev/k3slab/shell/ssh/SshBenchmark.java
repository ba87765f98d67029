package dev.k3slab.shell.ssh;

import dev.k3slab.shell.CommandListener;
import dev.k3slab.shell.CommandResult;
import dev.k3slab.shell.SecretMasker;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Per-command round trip to one OpenSSH server: over one reused sshj connection (what the shell
 * does) beside one {@code ssh} process per command (what {@code vagrant ssh -c} does), the same
 * remote command {@code sudo -n sh -c 'true'} both ways, in one run.
 */
public final class SshBenchmark {

    static final String COMMAND = "true";
    private static final Duration LIMIT = Duration.ofSeconds(30);

    /** Figures of one way of running commands. */
    public record Stats(String way, int commands, Duration median, Duration p95, Duration mean) {
        public String line() {
            return String.format("%-38s n=%-4d median %7.2f ms   p95 %7.2f ms   mean %7.2f ms",
                    way, commands, ms(median), ms(p95), ms(mean));
        }

        private static double ms(Duration d) {
            return d.toNanos() / 1_000_000.0;
        }

        static Stats of(String way, List<Duration> samples) {
            List<Duration> sorted = samples.stream().sorted().toList();
            long total = sorted.stream().mapToLong(Duration::toNanos).sum();
            return new Stats(way, sorted.size(), sorted.get(sorted.size() / 2),
                    sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(sorted.size() * 0.95) - 1)),
                    Duration.ofNanos(total / sorted.size()));
        }
    }

    private SshBenchmark() {
    }

    /**
     * Runs {@code warmup} unmeasured and then {@code n} measured commands each way against {@code sshd}.
     *
     * @throws IllegalStateException when a command does not succeed (the figures would mean nothing)
     */
    public static List<Stats> run(LocalSshd sshd, int n, int warmup) {
        List<Duration> reused = new ArrayList<>();
        try (SshNodeShell shell = new SshNodeShell("bench", () -> sshd.endpoint("bench"), SshSettings.defaults(),
                new HostKeyTrust(), new SecretMasker(), CommandListener.NONE)) {
            for (int i = 0; i < warmup + n; i++) {
                CommandResult r = shell.run(COMMAND, LIMIT);
                if (!r.succeeded()) {
                    throw new IllegalStateException("sshj command failed: " + r.describeStatus() + " " + r.stderr());
                }
                if (i >= warmup) {
                    reused.add(r.took());
                }
            }
        }
        List<Duration> processes = new ArrayList<>();
        for (int i = 0; i < warmup + n; i++) {
            Duration d = sshProcess(sshd);
            if (i >= warmup) {
                processes.add(d);
            }
        }
        return List.of(Stats.of("sshj, one reused connection", reused),
                Stats.of("ssh process per command (vagrant ssh -c)", processes));
    }

    private static Duration sshProcess(LocalSshd sshd) {
        List<String> argv = List.of("ssh", "-T", "-p", String.valueOf(sshd.port()), "-i", sshd.clientKey().toString(),
                "-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null", "-o", "LogLevel=ERROR",
                "-o", "BatchMode=yes", "-o", "IdentitiesOnly=yes",
                sshd.user() + "@127.0.0.1", SshCommands.asRoot(COMMAND));
        long t0 = System.nanoTime();
        try {
            Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            if (!p.waitFor(LIMIT.toSeconds(), TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new IllegalStateException("ssh process failed: " + out.strip());
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run ssh: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        return Duration.ofNanos(System.nanoTime() - t0);
    }
}
