package dev.k3slab.emulator.k3s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static dev.k3slab.emulator.k3s.Tables.column;
import static dev.k3slab.emulator.k3s.Tables.row;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Plays experiments 1 to 5c of the source write-up at the program level (no SSH) and checks each
 * observation against the source's transcripts as relations: ROLES, AGE kept or new, node lists
 * from both viewpoints, members and learner flags, RAFT TERM, db layout.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ExperimentPlayTest {
    private static final String CP1_FLAGS = "--node-ip 192.168.56.11 --advertise-address 192.168.56.11 --tls-san 192.168.56.11";
    private static final String DB = "/var/lib/rancher/k3s/server/db";

    private ModelHarness lab;
    private final ObjectMapper json = new ObjectMapper();
    private String token;
    private final Map<String, String> created = new HashMap<>();
    private String cp3MemberId;

    @BeforeAll
    void setUp(@TempDir Path root) {
        lab = new ModelHarness(root);
    }

    @AfterAll
    void tearDown() {
        lab.model.shutDown("cp-1");
        lab.model.shutDown("cp-2");
        lab.model.shutDown("cp-3");
    }

    @Test
    @Order(1)
    void experiment1SingleServerRunsOnSqliteAndAgentsJoinIt() throws IOException {
        ModelHarness.Result install = lab.install("cp-1", "server " + CP1_FLAGS, null);
        assertThat(install.exit()).isZero();
        assertThat(install.out().lines().toList()).containsExactly(
                "[INFO]  Using v1.27.9+k3s1 as release",
                "[INFO]  Downloading hash https://github.com/k3s-io/k3s/releases/download/v1.27.9+k3s1/sha256sum-amd64.txt",
                "[INFO]  Downloading binary https://github.com/k3s-io/k3s/releases/download/v1.27.9+k3s1/k3s",
                "[INFO]  Verifying binary download",
                "[INFO]  Installing k3s to /usr/local/bin/k3s",
                "[INFO]  Skipping installation of SELinux RPM",
                "[INFO]  Creating /usr/local/bin/kubectl symlink to k3s",
                "[INFO]  Creating /usr/local/bin/crictl symlink to k3s",
                "[INFO]  Creating /usr/local/bin/ctr symlink to k3s",
                "[INFO]  Creating killall script /usr/local/bin/k3s-killall.sh",
                "[INFO]  Creating uninstall script /usr/local/bin/k3s-uninstall.sh",
                "[INFO]  env: Creating environment file /etc/systemd/system/k3s.service.env",
                "[INFO]  systemd: Creating service file /etc/systemd/system/k3s.service",
                "[INFO]  systemd: Enabling k3s unit",
                "[INFO]  systemd: Starting k3s");
        assertThat(install.err()).contains("Created symlink /etc/systemd/system/multi-user.target.wants/k3s.service"
                + " \u2192 /etc/systemd/system/k3s.service.");
        lab.advance(Duration.ofSeconds(30));

        var nodes = Tables.kubectl(lab.kubectl("cp-1", "get nodes -o wide").out());
        assertThat(row(nodes, "NAME", "cp-1")).containsEntry("STATUS", "Ready").containsEntry("ROLES", "control-plane,master")
                .containsEntry("INTERNAL-IP", "192.168.56.11").containsEntry("OS-IMAGE", "Ubuntu 22.04.5 LTS");
        assertThat(lab.ls("cp-1", DB)).containsExactly("etcd", "state.db", "state.db-shm", "state.db-wal");
        assertThat(lab.ls("cp-1", DB + "/etcd")).containsExactly("name");
        assertThat(Files.readString(lab.path("cp-1", DB + "/etcd/name"))).matches("cp-1-[0-9a-f]{8}").hasSize(13);
        assertThat(execStart("cp-1", "k3s")).isEqualTo(List.of("/usr/local/bin/k3s", "server", "--node-ip", "192.168.56.11",
                "--advertise-address", "192.168.56.11", "--tls-san", "192.168.56.11"));

        token = lab.run("cp-1", "k3s kubectl get nodes").exit() == 0
                ? Files.readString(lab.path("cp-1", "/var/lib/rancher/k3s/server/node-token")).trim() : null;
        assertThat(token).matches("K10[0-9a-f]{64}::server:[0-9a-f]{32}");

        for (String w : List.of("w-1", "w-2")) {
            String ip = w.equals("w-1") ? "192.168.56.21" : "192.168.56.22";
            ModelHarness.Result agent = lab.install(w, "agent --server https://192.168.56.11:6443 --node-ip " + ip, token);
            assertThat(agent.exit()).isZero();
            assertThat(agent.out()).contains("[INFO]  Creating uninstall script /usr/local/bin/k3s-agent-uninstall.sh",
                    "[INFO]  systemd: Starting k3s-agent");
            assertThat(execStart(w, "k3s-agent")).containsSequence("agent", "--server", "https://192.168.56.11:6443", "--node-ip", ip);
            assertThat(Files.readString(lab.path(w, "/etc/systemd/system/k3s-agent.service.env"))).contains("K3S_TOKEN='" + token + "'");
            assertThat(lab.ls(w, "/var/lib/rancher/k3s")).containsExactly("agent", "data");
            lab.advance(Duration.ofSeconds(30));
        }
        nodes = Tables.kubectl(lab.kubectl("cp-1", "get nodes").out());
        assertThat(column(nodes, "NAME")).containsExactly("cp-1", "w-1", "w-2");
        assertThat(row(nodes, "NAME", "w-1")).containsEntry("STATUS", "Ready").containsEntry("ROLES", "<none>");
        assertThat(row(nodes, "NAME", "w-2")).containsEntry("STATUS", "Ready").containsEntry("ROLES", "<none>");
        rememberCreation("cp-1");
    }

    @Test
    @Order(2)
    void experiment2ClusterInitMigratesAndTwoServersJoinAsEtcdMembers() throws IOException {
        String name = Files.readString(lab.path("cp-1", DB + "/etcd/name"));
        assertThat(lab.run("cp-1", "systemctl stop k3s").exit()).isZero();
        ModelHarness.Result install = lab.install("cp-1", "server --cluster-init " + CP1_FLAGS, null);
        assertThat(install.out()).contains("[INFO]  Skipping binary downloaded, installed k3s matches hash",
                "[INFO]  Skipping /usr/local/bin/kubectl symlink to k3s, already exists", "[INFO]  systemd: Starting k3s");
        lab.advance(Duration.ofSeconds(30));

        var nodes = Tables.kubectl(lab.kubectl("cp-1", "get nodes -o wide").out());
        assertThat(row(nodes, "NAME", "cp-1")).containsEntry("ROLES", "control-plane,etcd,master").containsEntry("STATUS", "Ready");
        assertThat(creationSeenFrom("cp-1", "cp-1")).as("AGE kept: same Node object").isEqualTo(created.get("cp-1"));
        assertThat(lab.ls("cp-1", DB)).containsExactly("etcd", "snapshots", "state.db-shm", "state.db-wal", "state.db.migrated");
        assertThat(Files.size(lab.path("cp-1", DB + "/state.db-wal"))).isZero();
        assertThat(lab.ls("cp-1", DB + "/etcd")).containsExactly("config", "member", "name");
        assertThat(Files.readString(lab.path("cp-1", DB + "/etcd/name"))).isEqualTo(name);
        assertThat(Files.size(lab.path("cp-1", DB + "/etcd/config"))).isBetween(1000L, 1300L);
        assertThat(execStart("cp-1", "k3s")).contains("--cluster-init");
        assertThat(Files.readString(lab.path("cp-1", "/var/lib/rancher/k3s/server/node-token")).trim()).isEqualTo(token);

        for (String cp : List.of("cp-2", "cp-3")) {
            String ip = cp.equals("cp-2") ? "192.168.56.12" : "192.168.56.13";
            assertThat(lab.install(cp, "server --server https://192.168.56.11:6443 --node-ip " + ip
                    + " --advertise-address " + ip, token).exit()).isZero();
            lab.advance(Duration.ofSeconds(60));
            assertThat(lab.ls(cp, DB)).containsExactly("etcd", "snapshots");
            assertThat(lab.ls(cp, DB + "/etcd")).containsExactly("config", "member", "name");
            assertThat(execStart(cp, "k3s")).containsSequence("--server", "https://192.168.56.11:6443");
        }
        nodes = Tables.kubectl(lab.kubectl("cp-1", "get nodes -o wide").out());
        assertThat(column(nodes, "NAME")).containsExactly("cp-1", "cp-2", "cp-3", "w-1", "w-2");
        assertThat(column(nodes, "STATUS")).containsOnly("Ready");
        assertThat(column(nodes, "ROLES")).containsExactly("control-plane,etcd,master", "control-plane,etcd,master",
                "control-plane,etcd,master", "<none>", "<none>");
        var members = Tables.etcd(lab.etcdctl("cp-1", "member list -w table").out());
        assertThat(members).hasSize(3);
        assertThat(column(members, "STATUS")).containsOnly("started");
        assertThat(column(members, "IS LEARNER")).containsOnly("false");
        assertThat(column(members, "NAME")).allMatch(n -> n.matches("cp-[123]-[0-9a-f]{8}"));
        assertThat(row(members, "PEER ADDRS", "https://192.168.56.11:2380")).containsEntry("ID", "bf624c9e82dced96");
        var status = Tables.etcd(lab.etcdctl("cp-1", "endpoint status -w table").out());
        assertThat(status.get(0)).containsEntry("IS LEADER", "true").containsEntry("RAFT TERM", "2")
                .containsEntry("ENDPOINT", "https://127.0.0.1:2379");
        for (String n : List.of("cp-2", "cp-3", "w-1", "w-2")) {
            rememberCreation(n);
        }
        cp3MemberId = row(members, "PEER ADDRS", "https://192.168.56.13:2380").get("ID");
    }

    @Test
    @Order(3)
    void experiment3aJoinFlagRemovedAndRebootKeepsTheMember() throws IOException {
        for (String cp : List.of("cp-2", "cp-3")) {
            long termBefore = term(cp);
            boolean wasLeader = isLeader(cp);
            Path unit = lab.path(cp, "/etc/systemd/system/k3s.service");
            String edited = Files.readString(unit).replace("\t'--server' \\\n", "").replace("\t'https://192.168.56.11:6443' \\\n", "");
            Files.writeString(unit, edited);
            assertThat(lab.run(cp, "systemctl daemon-reload").exit()).isZero();
            lab.reboot(cp);
            lab.advance(Duration.ofSeconds(40));
            ModelHarness.Result status = lab.run(cp, "systemctl status k3s");
            assertThat(status.exit()).isZero();
            assertThat(status.out()).contains("Active: active (running) since");
            assertThat(execStart(cp, "k3s")).doesNotContain("--server");
            var nodes = Tables.kubectl(lab.kubectl("cp-1", "get nodes -o wide").out());
            assertThat(row(nodes, "NAME", cp)).containsEntry("STATUS", "Ready").containsEntry("ROLES", "control-plane,etcd,master");
            assertThat(column(Tables.etcd(lab.etcdctl("cp-1", "member list -w table").out()), "STATUS"))
                    .containsExactly("started", "started", "started");
            if (!wasLeader) {
                assertThat(term("cp-1")).as("a restarted follower does not raise the term (pre-vote)").isEqualTo(termBefore);
            }
        }
    }

    @Test
    @Order(4)
    void experiment3bReinstallWithoutClusterInitRewritesTheUnitAndTheClusterStays() {
        long termBefore = term("cp-1");
        boolean cp1Leader = isLeader("cp-1");
        ModelHarness.Result install = lab.install("cp-1", "server " + CP1_FLAGS, null);
        assertThat(install.out()).contains("[INFO]  systemd: Creating service file /etc/systemd/system/k3s.service",
                "[INFO]  systemd: Starting k3s");
        assertThat(execStart("cp-1", "k3s")).doesNotContain("--cluster-init");
        lab.advance(Duration.ofSeconds(30));
        if (cp1Leader) {
            assertThat(term("cp-1")).as("the leader's restart started an election").isGreaterThan(termBefore);
        }
        lab.reboot("cp-1");
        lab.advance(Duration.ofSeconds(40));
        var nodes = Tables.kubectl(lab.kubectl("cp-1", "get nodes -o wide").out());
        assertThat(column(nodes, "STATUS")).containsOnly("Ready");
        assertThat(Tables.etcd(lab.etcdctl("cp-1", "member list -w table").out())).hasSize(3);
        for (String cp : List.of("cp-1", "cp-2", "cp-3")) {
            assertThat(execStart(cp, "k3s")).doesNotContain("--cluster-init", "--server");
        }
        assertThat(term("cp-1")).as("term rose after the leader was lost at least once").isGreaterThan(2);
    }

    @Test
    @Order(5)
    void experiment4aFlaglessStartWithEtcdDataRejoinsTheSameCluster() {
        boolean cp3Leader = isLeader("cp-3");
        long termBefore = term("cp-1");
        assertThat(lab.run("cp-3", "systemctl stop k3s").exit()).isZero();
        assertThat(lab.run("cp-3", "k3s-killall.sh").exit()).isZero();
        assertThat(lab.path("cp-3", DB + "/etcd/member/wal")).isDirectory();
        lab.advance(Duration.ofSeconds(45));
        assertThat(row(Tables.kubectl(lab.kubectl("cp-1", "get nodes").out()), "NAME", "cp-3")).containsEntry("STATUS", "NotReady");

        ModelHarness.Result started = lab.background("cp-3", "k3s server --node-ip 192.168.56.13 --advertise-address 192.168.56.13");
        assertThat(started.exit()).isZero();
        assertThat(started.out()).contains("Managed etcd cluster bootstrap already complete and initialized",
                "Starting etcd for existing cluster member");
        lab.advance(Duration.ofSeconds(30));

        var fromCp1 = Tables.kubectl(lab.kubectl("cp-1", "get nodes").out());
        var fromCp3 = Tables.kubectl(lab.kubectl("cp-3", "get nodes").out());
        assertThat(row(fromCp1, "NAME", "cp-3")).containsEntry("STATUS", "Ready");
        assertThat(fromCp3).as("same node list, ROLES and AGE from both viewpoints").isEqualTo(fromCp1);
        assertThat(creationSeenFrom("cp-3", "cp-3")).isEqualTo(created.get("cp-3"));
        assertThat(row(Tables.etcd(lab.etcdctl("cp-1", "member list -w table").out()), "PEER ADDRS", "https://192.168.56.13:2380"))
                .containsEntry("ID", cp3MemberId);
        assertThat(term("cp-3")).as("same RAFT TERM from both viewpoints").isEqualTo(term("cp-1"));
        if (cp3Leader) {
            assertThat(term("cp-1")).isGreaterThan(termBefore);
        }
    }

    @Test
    @Order(6)
    void experiment4bWalDeletedGivesANewSqliteClusterBesideTheOldOne() throws IOException {
        // The source's hand-started k3s of 4a ended with its terminal session (SIGHUP).
        lab.model.processes().processes("cp-3").forEach(p -> lab.model.processes().kill("cp-3", p.pid(), 1));
        assertThat(lab.run("cp-3", "systemctl stop k3s").exit()).isZero();
        ModelHarness.Result status = lab.run("cp-3", "systemctl status k3s");
        assertThat(status.exit()).isEqualTo(3);
        assertThat(status.out()).contains("Active: inactive (dead)");
        ModelHarness.Result refused = lab.kubectl("cp-3", "get nodes");
        assertThat(refused.exit()).isEqualTo(1);
        assertThat(refused.err()).isEqualTo("The connection to the server 127.0.0.1:6443 was refused - did you specify the right host or port?\n");
        lab.advance(Duration.ofSeconds(45));
        assertThat(row(Tables.kubectl(lab.kubectl("cp-1", "get nodes").out()), "NAME", "cp-3")).containsEntry("STATUS", "NotReady");

        DataDir.deleteTree(lab.files.get("cp-3"), DB + "/etcd/member/wal");
        Instant start = lab.clock.now();
        ModelHarness.Result started = lab.background("cp-3", "k3s server --node-ip 192.168.56.13 --advertise-address 192.168.56.13");
        assertThat(started.out()).contains("Kine available at unix://kine.sock").doesNotContain("Managed etcd");
        lab.advance(Duration.ofSeconds(30));

        var fromCp3 = Tables.kubectl(lab.kubectl("cp-3", "get nodes -o wide").out());
        assertThat(column(fromCp3, "NAME")).containsExactly("cp-3");
        assertThat(fromCp3.get(0)).containsEntry("ROLES", "control-plane,master").containsEntry("STATUS", "Ready");
        assertThat(Instant.parse(creationSeenFrom("cp-3", "cp-3"))).as("AGE new").isAfterOrEqualTo(start);
        ModelHarness.Result etcdStatus = lab.run("cp-3", "ETCDCTL_API=3 etcdctl" + ModelHarness.TLS + " endpoint status -w table");
        assertThat(etcdStatus.exit()).isEqualTo(1);
        assertThat(etcdStatus.err()).isEqualTo("Failed to get the status of endpoint 127.0.0.1:2379 (context deadline exceeded)\n");
        assertThat(lab.ls("cp-3", DB)).containsExactly("etcd", "snapshots", "state.db", "state.db-shm", "state.db-wal");
        assertThat(lab.path("cp-3", "/var/lib/rancher/k3s/server/kine.sock")).exists();

        var fromCp1 = Tables.kubectl(lab.kubectl("cp-1", "get nodes").out());
        assertThat(fromCp1).hasSize(5);
        assertThat(row(fromCp1, "NAME", "cp-3")).containsEntry("STATUS", "NotReady").containsEntry("ROLES", "control-plane,etcd,master");
        assertThat(creationSeenFrom("cp-1", "cp-3")).as("old AGE from cp-1").isEqualTo(created.get("cp-3"));
    }

    @Test
    @Order(7)
    void experiment4cUninstallAndFlaglessReinstallAlsoSplitsTheBrain() {
        assertThat(lab.run("cp-3", "k3s-killall.sh").exit()).isZero();
        assertThat(lab.run("cp-3", "/usr/local/bin/k3s-uninstall.sh").exit()).isZero();
        assertThat(lab.path("cp-3", "/var/lib/rancher/k3s")).doesNotExist();
        assertThat(lab.path("cp-3", "/etc/rancher/node/password")).exists();
        Instant start = lab.clock.now();
        assertThat(lab.install("cp-3", "server --node-ip 192.168.56.13 --advertise-address 192.168.56.13", null).exit()).isZero();
        lab.advance(Duration.ofSeconds(30));
        var fromCp3 = Tables.kubectl(lab.kubectl("cp-3", "get nodes -o wide").out());
        assertThat(column(fromCp3, "NAME")).containsExactly("cp-3");
        assertThat(fromCp3.get(0)).containsEntry("ROLES", "control-plane,master");
        assertThat(Instant.parse(creationSeenFrom("cp-3", "cp-3"))).isAfterOrEqualTo(start);
        assertThat(lab.ls("cp-3", DB)).containsExactly("etcd", "state.db", "state.db-shm", "state.db-wal");
        assertThat(lab.ls("cp-3", DB + "/etcd")).containsExactly("name");
    }

    @Test
    @Order(8)
    void experiment5aNoVotingMemberIsRemovedByTime() {
        lab.advance(Duration.ofMinutes(30));
        var members = Tables.etcd(lab.etcdctl("cp-1", "member list -w table").out());
        assertThat(row(members, "ID", cp3MemberId)).containsEntry("STATUS", "started").containsEntry("IS LEARNER", "false");
        ModelHarness.Result health = lab.etcdctl("cp-1", "endpoint health -w table");
        assertThat(health.exit()).isZero();
        assertThat(Tables.etcd(health.out()).get(0)).containsEntry("HEALTH", "true");
        assertThat(row(Tables.kubectl(lab.kubectl("cp-1", "get nodes").out()), "NAME", "cp-3")).containsEntry("STATUS", "NotReady");
    }

    @Test
    @Order(9)
    void experiment5bDeletingTheNodeRemovesItsMember() {
        ModelHarness.Result delete = lab.kubectl("cp-1", "delete node cp-3");
        assertThat(delete.out()).isEqualTo("node \"cp-3\" deleted\n");
        var members = Tables.etcd(lab.etcdctl("cp-1", "member list -w table").out());
        assertThat(members).hasSize(2);
        assertThat(column(members, "ID")).doesNotContain(cp3MemberId);
        assertThat(column(Tables.kubectl(lab.kubectl("cp-1", "get nodes").out()), "NAME")).containsExactly("cp-1", "cp-2", "w-1", "w-2");
    }

    @Test
    @Order(10)
    void experiment5cCleanRejoinGoesLearnerThenVoterWithANewId() throws IOException {
        assertThat(lab.run("cp-3", "k3s-killall.sh").exit()).isZero();
        DataDir.deleteTree(lab.files.get("cp-3"), "/var/lib/rancher/k3s");
        Instant start = lab.clock.now();
        assertThat(lab.install("cp-3", "server --server https://192.168.56.11:6443 --token " + token
                + " --node-ip 192.168.56.13 --advertise-address 192.168.56.13", null).exit()).isZero();
        assertThat(execStart("cp-3", "k3s")).containsSequence("--server", "https://192.168.56.11:6443", "--token");
        assertThat(lab.run("cp-3", "systemctl status k3s").out()).contains("Active: active (running)");

        String learnerSeen = null;
        String voterSeen = null;
        Instant voterAt = null;
        Instant nodeAt = null;
        for (int s = 0; s < 60; s++) {
            lab.advance(Duration.ofSeconds(1));
            var members = Tables.etcd(lab.etcdctl("cp-1", "member list -w table").out());
            var cp3 = members.stream().filter(m -> m.get("PEER ADDRS").equals("https://192.168.56.13:2380")).findFirst();
            if (cp3.isPresent() && cp3.get().get("IS LEARNER").equals("true") && learnerSeen == null) {
                learnerSeen = cp3.get().get("ID");
            }
            if (cp3.isPresent() && cp3.get().get("IS LEARNER").equals("false") && voterSeen == null) {
                voterSeen = cp3.get().get("ID");
                voterAt = lab.clock.now();
            }
            boolean nodeVisible = column(Tables.kubectl(lab.kubectl("cp-1", "get nodes").out()), "NAME").contains("cp-3");
            if (nodeVisible && nodeAt == null) {
                nodeAt = lab.clock.now();
            }
        }
        assertThat(learnerSeen).as("joined as a learner with a new ID").isNotNull().isNotEqualTo(cp3MemberId);
        assertThat(voterSeen).isEqualTo(learnerSeen);
        assertThat(nodeAt).as("the Node object appears after the member's promotion").isNotNull().isAfter(voterAt);
        lab.advance(Duration.ofSeconds(30));

        var fromCp3 = Tables.kubectl(lab.kubectl("cp-3", "get nodes").out());
        assertThat(column(fromCp3, "NAME")).containsExactly("cp-1", "cp-2", "cp-3", "w-1", "w-2");
        assertThat(column(fromCp3, "STATUS")).containsOnly("Ready");
        assertThat(row(fromCp3, "NAME", "cp-3")).containsEntry("ROLES", "control-plane,etcd,master");
        assertThat(Instant.parse(creationSeenFrom("cp-3", "cp-3"))).as("cp-3 AGE fresh").isAfterOrEqualTo(start);
        for (String other : List.of("cp-1", "cp-2", "w-1", "w-2")) {
            assertThat(creationSeenFrom("cp-3", other)).as(other + " AGE kept").isEqualTo(created.get(other));
        }
        assertThat(Files.readString(lab.path("cp-3", "/etc/rancher/k3s/k3s.yaml"))).contains("server: https://127.0.0.1:6443");
        assertThat(lab.run("cp-1", "journalctl -u k3s --no-pager").out()).contains("Promoted learner cp-3-");
    }

    private List<String> execStart(String node, String unit) {
        return UnitFile.execStart(lab.run(node, "systemctl cat " + unit).out());
    }

    private void rememberCreation(String name) {
        created.put(name, creationSeenFrom("cp-1", name));
    }

    private String creationSeenFrom(String viewpoint, String name) {
        try {
            JsonNode list = json.readTree(lab.kubectl(viewpoint, "get nodes -o json").out());
            for (JsonNode item : list.get("items")) {
                if (item.get("metadata").get("name").asText().equals(name)) {
                    return item.get("metadata").get("creationTimestamp").asText();
                }
            }
            throw new AssertionError(name + " not seen from " + viewpoint);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private long term(String node) {
        return Long.parseLong(Tables.etcd(lab.etcdctl(node, "endpoint status -w table").out()).get(0).get("RAFT TERM"));
    }

    private boolean isLeader(String node) {
        return Tables.etcd(lab.etcdctl(node, "endpoint status -w table").out()).get(0).get("IS LEADER").equals("true");
    }
}
