package dev.k3slab.emulator;

import dev.k3slab.emulator.ssh.Threads;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Experiments 2, 3a and 4b in short, with the command shapes the scenarios send (the install
 * command of the YAML files, sed -i on line numbers, the background wrapper, ls -al), over SSH
 * against the K3s model: the interpreter must carry all of them.
 */
class K3sLabSplitBrainOverSshTest {
    private static final String ETCDCTL = "ETCDCTL_API=3 etcdctl --endpoints=https://127.0.0.1:2379"
            + " --cacert=/var/lib/rancher/k3s/server/tls/etcd/server-ca.crt"
            + " --cert=/var/lib/rancher/k3s/server/tls/etcd/server-client.crt"
            + " --key=/var/lib/rancher/k3s/server/tls/etcd/server-client.key";

    @TempDir
    Path run;
    EmulatedLab lab;

    @AfterEach
    void close() {
        if (lab != null) {
            lab.close();
        }
        Threads.awaitEmulatedSshEnded();
    }

    private SshExec.Result on(String node, String command) throws IOException {
        SshExec.Result r = SshExec.asRoot(lab.sshEndpoint(node), command);
        assertThat(r.status()).as("%s: %s\nstderr: %s", node, command, r.err()).isZero();
        return r;
    }

    private String install(String node, String exec, String token) throws IOException {
        return on(node, "INSTALL_K3S_VERSION=\"v1.27.9+k3s1\" INSTALL_K3S_EXEC=\"" + exec + "\""
                + (token == null ? "" : " K3S_TOKEN=\"" + token + "\"") + " /usr/local/bin/k3s-install.sh").out();
    }

    @Test
    void threeEtcdServersSurviveAFlaglessRebootAndSplitWhenTheWalIsGone() throws IOException {
        lab = EmulatedLab.withK3sModel(K3sLabSmokeTest.DEFAULT_LAB, run);
        lab.up();
        install("cp-1", "server --cluster-init --node-ip 192.168.56.11 --advertise-address 192.168.56.11", null);
        lab.advance(Duration.ofSeconds(40));
        String token = on("cp-1", "cat /var/lib/rancher/k3s/server/node-token").out().trim();
        for (String n : new String[] {"2", "3"}) {
            install("cp-" + n, "server --server https://192.168.56.11:6443 --node-ip 192.168.56.1" + n
                    + " --advertise-address 192.168.56.1" + n, token);
            lab.advance(Duration.ofSeconds(60));
        }
        assertThat(on("cp-1", ETCDCTL + " member list -w table").out().lines()
                .filter(l -> l.contains("| started |") && l.endsWith("|      false |"))).hasSize(3);

        // 3a: the scenario engine deletes the --server line and its URL by line number
        String unit = on("cp-2", "cat /etc/systemd/system/k3s.service").out();
        int at = unit.lines().toList().indexOf("\t'--server' \\") + 1;
        on("cp-2", "sed -i '" + at + "," + (at + 1) + "d' /etc/systemd/system/k3s.service && systemctl daemon-reload");
        assertThat(on("cp-2", "systemctl cat k3s").out()).doesNotContain("--server");
        lab.reboot("cp-2", Duration.ofMinutes(1));
        lab.advance(Duration.ofSeconds(60));
        assertThat(on("cp-2", "systemctl is-active k3s").out()).isEqualTo("active\n");
        assertThat(on("cp-2", "kubectl get nodes --no-headers").out().lines()).hasSize(3)
                .allSatisfy(l -> assertThat(l).contains(" Ready ", "control-plane,etcd,master"));

        // 4b: stop, delete the WAL, start k3s by hand through the background wrapper
        on("cp-3", "systemctl stop k3s");
        on("cp-3", "rm -rf /var/lib/rancher/k3s/server/db/etcd/member/wal/");
        SshExec.Result started = SshExec.asRoot(lab.sshEndpoint("cp-3"), "nohup sh -c '"
                + "k3s server --node-ip 192.168.56.13 --advertise-address 192.168.56.13' > /tmp/k3s-4b.log 2>&1 < /dev/null & echo $!");
        long pid = Long.parseLong(started.out().trim());
        on("cp-3", "echo " + pid + " > /tmp/k3s-4b.pid");
        // more than the 40-s grace period without a post from cp-3's old kubelet: NotReady on cp-1
        lab.advance(Duration.ofSeconds(60));
        assertThat(on("cp-3", "pgrep -f 'k3s server'").out()).isEqualTo(pid + "\n");
        assertThat(on("cp-3", "kubectl get nodes --no-headers").out().lines().toList()).singleElement()
                .satisfies(l -> assertThat(l).startsWith("cp-3").contains("control-plane,master"));
        assertThat(on("cp-3", "ls /var/lib/rancher/k3s/server/db/").out())
                .isEqualTo("etcd\nsnapshots\nstate.db\nstate.db-shm\nstate.db-wal\n");
        on("cp-3", "test -e /var/lib/rancher/k3s/server/kine.sock");
        assertThat(on("cp-1", "kubectl get nodes --no-headers").out()).contains("cp-3").contains("NotReady");
        on("cp-3", "test ! -f /tmp/k3s-4b.pid || kill $(cat /tmp/k3s-4b.pid)");
        assertThat(SshExec.asRoot(lab.sshEndpoint("cp-3"), "pgrep -f 'k3s server'").status()).isEqualTo(1);
    }
}
