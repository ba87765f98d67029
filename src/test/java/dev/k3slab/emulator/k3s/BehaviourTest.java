package dev.k3slab.emulator.k3s;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static dev.k3slab.emulator.k3s.Tables.column;
import static org.assertj.core.api.Assertions.assertThat;

class BehaviourTest {
    @TempDir
    Path root;
    private ModelHarness lab;

    @AfterEach
    void stopAll() {
        if (lab != null) {
            ModelHarness.TOPOLOGY.names().forEach(lab.model::shutDown);
        }
    }

    private String etcdCluster(String... joiners) throws IOException {
        lab = new ModelHarness(root);
        lab.install("cp-1", "server --cluster-init --node-ip 192.168.56.11", null);
        lab.advance(Duration.ofSeconds(30));
        String token = Files.readString(lab.path("cp-1", "/var/lib/rancher/k3s/server/token")).trim();
        for (String cp : joiners) {
            lab.install(cp, "server --server https://192.168.56.11:6443 --node-ip " + ip(cp), token);
            lab.advance(Duration.ofSeconds(40));
        }
        return token;
    }

    private static String ip(String node) {
        return ModelHarness.TOPOLOGY.node(node).ip();
    }

    @Test
    void editingTheUnitWithoutDaemonReloadKeepsTheOldArgsAndWarns() throws IOException {
        lab = new ModelHarness(root);
        lab.install("cp-1", "server --node-ip 192.168.56.11", null);
        lab.run("cp-1", "systemctl stop k3s");
        Path unit = lab.path("cp-1", "/etc/systemd/system/k3s.service");
        Files.writeString(unit, Files.readString(unit).replace("\t'--node-ip' \\\n", "\t'--cluster-init' \\\n\t'--node-ip' \\\n"));
        ModelHarness.Result start = lab.run("cp-1", "systemctl start k3s");
        assertThat(start.err()).contains("Warning: The unit file, source configuration file or drop-ins of k3s.service changed on disk."
                + " Run 'systemctl daemon-reload' to reload units.");
        lab.advance(Duration.ofSeconds(30));
        assertThat(lab.ls("cp-1", "/var/lib/rancher/k3s/server/db")).contains("state.db").doesNotContain("snapshots");
        lab.run("cp-1", "systemctl daemon-reload");
        lab.run("cp-1", "systemctl restart k3s");
        lab.advance(Duration.ofSeconds(30));
        assertThat(lab.ls("cp-1", "/var/lib/rancher/k3s/server/db")).contains("state.db.migrated", "snapshots");
    }

    @Test
    void whatTheModelDoesNotCoverIsRefusedLoudly() {
        lab = new ModelHarness(root);
        lab.install("cp-1", "server --node-ip 192.168.56.11", null);
        lab.advance(Duration.ofSeconds(30));
        ModelHarness.Result reset = lab.background("cp-1", "k3s server --cluster-reset");
        assertThat(reset.exit()).isEqualTo(127);
        assertThat(reset.err()).isEqualTo("not modelled by the emulated lab: k3s server --cluster-reset\n");
        assertThat(lab.run("cp-1", "k3s server --node-ip 192.168.56.11").err())
                .contains("not modelled by the emulated lab: k3s server in the foreground");
        assertThat(lab.kubectl("cp-1", "get pods").exit()).isEqualTo(127);
        assertThat(lab.run("cp-1", "etcdctl member remove 123").err()).startsWith("not modelled by the emulated lab: etcdctl");
        assertThat(lab.run("cp-1", "systemctl restart ssh").exit()).isEqualTo(127);
        assertThat(lab.run("cp-1", "crictl ps").exit()).isEqualTo(127);
    }

    @Test
    void aJoinWaitsOnUnhealthyClusterWhileAVoterIsDown() throws IOException {
        String token = etcdCluster("cp-2");
        lab.run("cp-2", "systemctl stop k3s");
        lab.install("cp-3", "server --server https://192.168.56.11:6443 --node-ip 192.168.56.13", token);
        lab.advance(Duration.ofSeconds(40));
        assertThat(Tables.etcd(lab.etcdctl("cp-1", "member list -w table").out())).hasSize(2);
        assertThat(lab.run("cp-3", "journalctl -u k3s").out())
                .contains("Waiting for other members to finish joining etcd cluster: etcdserver: unhealthy cluster");
        lab.run("cp-2", "systemctl start k3s");
        lab.advance(Duration.ofSeconds(40));
        var members = Tables.etcd(lab.etcdctl("cp-1", "member list -w table").out());
        assertThat(members).hasSize(3);
        assertThat(column(members, "IS LEARNER")).containsOnly("false");
    }

    @Test
    void aLearnerThatStopsIsRemovedAfterFiveMinutesAndAVoterNever() throws IOException {
        String token = etcdCluster("cp-2");
        lab.install("cp-3", "server --server https://192.168.56.11:6443 --node-ip 192.168.56.13", token);
        lab.advance(Duration.ofSeconds(6));
        var members = Tables.etcd(lab.etcdctl("cp-1", "member list -w table").out());
        assertThat(Tables.row(members, "PEER ADDRS", "https://192.168.56.13:2380")).containsEntry("IS LEARNER", "true");
        lab.run("cp-3", "systemctl stop k3s");
        lab.advance(Duration.ofMinutes(4));
        assertThat(Tables.etcd(lab.etcdctl("cp-1", "member list -w table").out())).hasSize(3);
        lab.advance(Duration.ofMinutes(2));
        assertThat(column(Tables.etcd(lab.etcdctl("cp-1", "member list -w table").out()), "PEER ADDRS"))
                .containsExactly("https://192.168.56.12:2380", "https://192.168.56.11:2380");
    }

    @Test
    void losingQuorumStopsTheApiserverButNotMemberListAndRaisesTheTermWhenItReturns() throws IOException {
        etcdCluster("cp-2", "cp-3");
        long term = Long.parseLong(Tables.etcd(lab.etcdctl("cp-1", "endpoint status -w table").out()).get(0).get("RAFT TERM"));
        lab.run("cp-2", "systemctl stop k3s");
        lab.run("cp-3", "systemctl stop k3s");
        lab.run("cp-1", "systemctl restart k3s");
        lab.advance(Duration.ofSeconds(30));
        ModelHarness.Result get = lab.kubectl("cp-1", "get nodes");
        assertThat(get.exit()).isEqualTo(1);
        assertThat(get.err()).contains("The connection to the server 127.0.0.1:6443 was refused");
        assertThat(Tables.etcd(lab.etcdctl("cp-1", "member list -w table").out())).hasSize(3);
        ModelHarness.Result health = lab.etcdctl("cp-1", "endpoint health");
        assertThat(health.exit()).isEqualTo(1);
        assertThat(health.err()).contains("https://127.0.0.1:2379 is unhealthy: failed to commit proposal: context deadline exceeded",
                "Error: unhealthy cluster");
        lab.run("cp-2", "systemctl start k3s");
        lab.advance(Duration.ofSeconds(30));
        var status = Tables.etcd(lab.etcdctl("cp-1", "endpoint status -w table").out()).get(0);
        assertThat(Long.parseLong(status.get("RAFT TERM"))).isGreaterThan(term);
        assertThat(lab.kubectl("cp-1", "get nodes").exit()).isZero();
    }

    @Test
    void aWrongTokenEndsTheJoinWithTheRealErrorAndSystemdRestartsIt() throws IOException {
        etcdCluster();
        lab.install("cp-2", "server --server https://192.168.56.11:6443 --node-ip 192.168.56.12", "wrongsecret");
        assertThat(lab.run("cp-2", "journalctl -u k3s").out()).contains("level=fatal", "401 Unauthorized");
        ModelHarness.Result active = lab.run("cp-2", "systemctl is-active k3s");
        assertThat(active.out()).isEqualTo("activating\n");
        assertThat(active.exit()).isEqualTo(3);
    }

    @Test
    void aRebuiltServerCannotJoinWhileItsStaleMemberExists() throws IOException {
        String token = etcdCluster("cp-2", "cp-3");
        lab.run("cp-3", "k3s-killall.sh");
        DataDir.deleteTree(lab.files.get("cp-3"), "/var/lib/rancher/k3s");
        lab.run("cp-3", "systemctl start k3s");
        lab.advance(Duration.ofSeconds(10));
        assertThat(lab.run("cp-3", "journalctl -u k3s").out())
                .contains("duplicate node name found, please use a unique name for this node");
        assertThat(token).isNotEmpty();
    }

    @Test
    void aStoppedAgentGoesNotReadyAfterTheGracePeriod() throws IOException {
        String token = etcdCluster();
        lab.install("w-1", "agent --server https://192.168.56.11:6443 --node-ip 192.168.56.21", token);
        lab.advance(Duration.ofSeconds(30));
        assertThat(Tables.row(Tables.kubectl(lab.kubectl("cp-1", "get nodes").out()), "NAME", "w-1")).containsEntry("STATUS", "Ready");
        lab.run("w-1", "systemctl stop k3s-agent");
        lab.advance(Duration.ofSeconds(39));
        assertThat(Tables.row(Tables.kubectl(lab.kubectl("cp-1", "get nodes").out()), "NAME", "w-1")).containsEntry("STATUS", "Ready");
        lab.advance(Duration.ofSeconds(3));
        assertThat(Tables.row(Tables.kubectl(lab.kubectl("cp-1", "get nodes").out()), "NAME", "w-1")).containsEntry("STATUS", "NotReady");
        assertThat(lab.kubectl("w-1", "get nodes").err())
                .isEqualTo("The connection to the server localhost:8080 was refused - did you specify the right host or port?\n");
    }

    @Test
    void savedStateComesBackAfterLoad() throws IOException {
        etcdCluster("cp-2");
        Path saved = root.resolve("checkpoint");
        lab.model.saveState(saved);
        String before = lab.etcdctl("cp-1", "member list -w table").out();
        lab.run("cp-2", "k3s-killall.sh");
        lab.kubectl("cp-1", "delete node cp-2");
        assertThat(lab.etcdctl("cp-1", "member list -w table").out()).isNotEqualTo(before);
        lab.model.loadState(saved);
        assertThat(lab.etcdctl("cp-1", "member list -w table").out()).isEqualTo(before);
        assertThat(lab.run("cp-2", "systemctl is-active k3s").out()).isEqualTo("active\n");
    }
}
