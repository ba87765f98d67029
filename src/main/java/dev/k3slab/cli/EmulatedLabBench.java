package dev.k3slab.cli;

import dev.k3slab.emulator.EmulatedLab;
import dev.k3slab.emulator.node.DiskTrees;
import dev.k3slab.machine.SshEndpoint;
import dev.k3slab.topology.Topology;
import dev.k3slab.topology.TopologyLoader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.connection.channel.direct.Session;
import net.schmizz.sshj.transport.verification.PromiscuousVerifier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./lab bench emulated-lab}: what the emulated lab costs in wall time: bringing the five
 * machines up, one command over SSH (echo, ls, kubectl, etcdctl on a three-server etcd cluster),
 * 30 lab minutes, a reboot, a checkpoint saved and restored. Runs in a temporary run folder that
 * it deletes. Prints figures; asserts nothing about them.
 */
@Command(name = "emulated-lab",
        mixinStandardHelpOptions = true,
        description = "Wall time of the emulated lab: up, commands over SSH, 30 lab minutes, reboot, checkpoints.")
public final class EmulatedLabBench implements Callable<Integer> {
    private static final String ETCDCTL = "ETCDCTL_API=3 etcdctl --endpoints=https://127.0.0.1:2379"
            + " --cacert=/var/lib/rancher/k3s/server/tls/etcd/server-ca.crt"
            + " --cert=/var/lib/rancher/k3s/server/tls/etcd/server-client.crt"
            + " --key=/var/lib/rancher/k3s/server/tls/etcd/server-client.key member list -w table";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--iterations", defaultValue = "50", description = "Measured runs of each command (default ${DEFAULT-VALUE}).")
    int iterations;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Topology topology = TopologyLoader.loadDefault();
        Path run = Files.createTempDirectory("k3s-lab-bench-");
        try (EmulatedLab lab = EmulatedLab.withK3sModel(topology, run)) {
            out.printf(Locale.ROOT, "emulated lab: %d machines, %d measured runs per command, Java %s%n",
                    topology.nodes().size(), iterations, Runtime.version());
            long t = System.nanoTime();
            lab.up();
            out.printf(Locale.ROOT, "%-44s %9.1f ms%n", "up (disks, model, 5 SSH servers)", BenchTimes.ms(t));
            try (SSHClient cp1 = connect(lab.sshEndpoint("cp-1")); SSHClient cp2 = connect(lab.sshEndpoint("cp-2"))) {
                exec(cp1, "INSTALL_K3S_VERSION=v1.27.9+k3s1 INSTALL_K3S_EXEC='server --cluster-init"
                        + " --node-ip 192.168.56.11 --advertise-address 192.168.56.11' /usr/local/bin/k3s-install.sh");
                lab.advance(Duration.ofSeconds(60));
                String token = exec(cp1, "cat /var/lib/rancher/k3s/server/node-token").trim();
                exec(cp2, "INSTALL_K3S_VERSION=v1.27.9+k3s1 K3S_TOKEN=" + token + " INSTALL_K3S_EXEC='server --server"
                        + " https://192.168.56.11:6443 --node-ip 192.168.56.12 --advertise-address 192.168.56.12'"
                        + " /usr/local/bin/k3s-install.sh");
                lab.advance(Duration.ofSeconds(60));
                out.printf(Locale.ROOT, "%-44s %9s %9s %9s%n", "one command over SSH (TCP_NODELAY)", "median", "p90", "max");
                for (String c : new String[] {"echo hi", "ls -al /var/lib/rancher/k3s/server/db/", "kubectl get nodes -o wide",
                        ETCDCTL}) {
                    long[] nanos = new long[iterations];
                    exec(cp1, c);
                    for (int i = 0; i < iterations; i++) {
                        long s = System.nanoTime();
                        exec(cp1, c);
                        nanos[i] = System.nanoTime() - s;
                    }
                    BenchTimes.Spread spread = BenchTimes.Spread.of(nanos);
                    out.printf(Locale.ROOT, "  %-42s %6.1f ms %6.1f ms %6.1f ms%n", c.length() > 42 ? c.substring(0, 39) + "..." : c,
                            spread.medianMs(), spread.p90Ms(), spread.maxMs());
                }
            }
            t = System.nanoTime();
            lab.advance(Duration.ofMinutes(30));
            out.printf(Locale.ROOT, "%-44s %9.1f ms%n", "30 lab minutes (1,800 clock steps)", BenchTimes.ms(t));
            t = System.nanoTime();
            lab.reboot("cp-2", Duration.ofSeconds(30));
            out.printf(Locale.ROOT, "%-44s %9.1f ms%n", "reboot cp-2", BenchTimes.ms(t));
            t = System.nanoTime();
            lab.saveCheckpoint("bench");
            out.printf(Locale.ROOT, "%-44s %9.1f ms%n", "save a checkpoint", BenchTimes.ms(t));
            t = System.nanoTime();
            lab.restoreCheckpoint("bench");
            out.printf(Locale.ROOT, "%-44s %9.1f ms%n", "restore it", BenchTimes.ms(t));
        } finally {
            DiskTrees.delete(run);
        }
        return 0;
    }

    private static SSHClient connect(SshEndpoint e) throws IOException {
        SSHClient c = new SSHClient();
        c.addHostKeyVerifier(new PromiscuousVerifier());
        c.connect(e.host(), e.port());
        // without it every exchange waits for delayed ACKs (about 40 ms each)
        c.getSocket().setTcpNoDelay(true);
        c.authPublickey(e.user(), c.loadKeys(e.identityFile().toString()));
        return c;
    }

    private static String exec(SSHClient c, String command) throws IOException {
        try (Session s = c.startSession()) {
            Session.Command cmd = s.exec("sudo -n sh -c '" + command.replace("'", "'\"'\"'") + "'");
            String out = new String(cmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            cmd.getErrorStream().readAllBytes();
            cmd.join(30, TimeUnit.SECONDS);
            return out;
        }
    }
}
