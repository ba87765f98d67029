package dev.k3slab.emulator;

import dev.k3slab.emulator.ssh.Threads;
import dev.k3slab.machine.MachineState;
import dev.k3slab.topology.Topology;
import dev.k3slab.topology.TopologyLoader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The five-node default lab with the real K3s model, reached the way the harness reaches it. */
class K3sLabSmokeTest {
    /** The lab of the source write-up: three servers, two agents (vagrant/topology.yaml). */
    static final Topology DEFAULT_LAB = TopologyLoader.loadDefault();

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

    private SshExec.Result asRoot(String node, String command) throws IOException {
        return SshExec.asRoot(lab.sshEndpoint(node), command);
    }

    @Test
    void experimentOnesInstallOnCp1GivesAReadySqliteControlPlane() throws IOException {
        lab = EmulatedLab.withK3sModel(DEFAULT_LAB, run);
        lab.up();
        assertThat(DEFAULT_LAB.names()).hasSize(5).allSatisfy(n -> assertThat(lab.state(n)).isEqualTo(MachineState.RUNNING));
        SshExec.Result install = asRoot("cp-1", """
                INSTALL_K3S_VERSION="v1.27.9+k3s1" \\
                INSTALL_K3S_EXEC="server --node-ip 192.168.56.11 --advertise-address 192.168.56.11 --tls-san 192.168.56.11" \\
                /usr/local/bin/k3s-install.sh""");
        assertThat(install.status()).as(install.err()).isZero();
        assertThat(install.out()).startsWith("[INFO]  Using v1.27.9+k3s1 as release\n")
                .contains("[INFO]  systemd: Starting k3s\n");

        lab.advance(Duration.ofSeconds(114));
        SshExec.Result nodes = asRoot("cp-1", "kubectl get nodes");
        assertThat(nodes.status()).as(nodes.err()).isZero();
        assertThat(nodes.out().lines().toList()).hasSize(2);
        String[] row = nodes.out().lines().skip(1).findFirst().orElseThrow().split("\\s+");
        assertThat(row).hasSize(5);
        assertThat(List.of(row[0], row[1], row[2], row[4])).containsExactly("cp-1", "Ready", "control-plane,master",
                "v1.27.9+k3s1");
        assertThat(row[3]).as("AGE, in lab seconds since the node registered").matches("\\d+s");

        SshExec.Result db = asRoot("cp-1", "ls /var/lib/rancher/k3s/server/db/ /var/lib/rancher/k3s/server/db/etcd/");
        assertThat(db.out()).isEqualTo("/var/lib/rancher/k3s/server/db/:\netcd\nstate.db\nstate.db-shm\nstate.db-wal\n\n"
                + "/var/lib/rancher/k3s/server/db/etcd/:\nname\n");
        assertThat(asRoot("cp-1", "ls -al /var/lib/rancher/k3s/server/db/etcd/").out())
                .matches("(?s)total 12\n.*-rw------- 1 root root   13 Feb 22 04:4\\d name\n");
        assertThat(asRoot("cp-1", "systemctl cat k3s | grep '^ExecStart=' -A 3").out())
                .startsWith("ExecStart=/usr/local/bin/k3s \\\n    server \\\n\t'--node-ip' \\\n");

        lab.reboot("cp-1", Duration.ofSeconds(30));
        lab.advance(Duration.ofSeconds(60));
        SshExec.Result afterReboot = asRoot("cp-1", "systemctl is-active k3s; kubectl get nodes --no-headers");
        assertThat(afterReboot.out()).startsWith("active\ncp-1").contains(" Ready ");
    }
}
