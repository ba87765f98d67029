package dev.k3slab.cli;

import dev.k3slab.shell.ssh.LocalSshd;
import dev.k3slab.shell.ssh.SshBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/** {@code ./lab bench ssh}: per-command round trip, reused sshj connection vs. one ssh process per command. */
@Command(name = "ssh", mixinStandardHelpOptions = true,
        description = "Round trip per command to a local OpenSSH sshd: one reused sshj connection beside one ssh process per command.")
public final class SshBenchCommand implements Callable<Integer> {

    @Option(names = {"-n", "--commands"}, defaultValue = "50", description = "Measured commands each way (default ${DEFAULT-VALUE}).")
    int commands;

    @Option(names = "--warmup", defaultValue = "5", description = "Unmeasured commands first (default ${DEFAULT-VALUE}).")
    int warmup;

    @Override
    public Integer call() throws IOException {
        if (!LocalSshd.available()) {
            System.err.println("FAIL: needs OpenSSH's sshd at " + LocalSshd.SSHD + " and ssh-keygen (apt-get install openssh-server)");
            return 3;
        }
        Path work = Files.createTempDirectory("k3s-lab-bench-ssh-");
        try (LocalSshd sshd = LocalSshd.start(work)) {
            System.out.println("OpenSSH sshd on 127.0.0.1:" + sshd.port() + ", remote command: sudo -n sh -c 'true'");
            SshBenchmark.run(sshd, commands, warmup).forEach(s -> System.out.println(s.line()));
        } finally {
            deleteTree(work);
        }
        return 0;
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
