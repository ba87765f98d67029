package dev.k3slab.emulator.k3s;

import dev.k3slab.observe.EtcdMember;
import dev.k3slab.observe.NodeRow;
import dev.k3slab.observe.Parsers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The project's parsers (the ones that read the real lab) read every format the model prints. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProjectParsersReadModelOutputTest {
    private ModelHarness lab;
    private String token;

    @BeforeAll
    void cluster(@TempDir Path root) throws IOException {
        lab = new ModelHarness(root);
        lab.install("cp-1", "server --cluster-init --node-ip 192.168.56.11", null);
        lab.advance(Duration.ofSeconds(30));
        token = Files.readString(lab.path("cp-1", "/var/lib/rancher/k3s/server/node-token"));
        lab.install("cp-2", "server --server https://192.168.56.11:6443 --node-ip 192.168.56.12", token.trim());
        lab.install("w-1", "agent --server https://192.168.56.11:6443 --node-ip 192.168.56.21", token.trim());
        lab.advance(Duration.ofSeconds(60));
    }

    @AfterAll
    void stop() {
        ModelHarness.TOPOLOGY.names().forEach(lab.model::shutDown);
    }

    @Test
    void kubectlNodesInEveryOutputFormat() {
        for (String format : List.of("", " -o wide", " -o json")) {
            List<NodeRow> rows = Parsers.kubectlNodes(lab.kubectl("cp-1", "get nodes" + format).out(), lab.clock.now());
            assertThat(rows).extracting(NodeRow::name).containsExactly("cp-1", "cp-2", "w-1");
            assertThat(rows.get(0).rolesText()).isEqualTo("control-plane,etcd,master");
            assertThat(rows.get(2).rolesText()).isEqualTo("<none>");
            assertThat(rows).allMatch(NodeRow::ready);
        }
    }

    @Test
    void etcdctlInEveryOutputFormat() {
        for (String w : List.of("table", "simple", "json")) {
            List<EtcdMember> members = Parsers.etcdMembers(lab.etcdctl("cp-1", "member list -w " + w).out());
            assertThat(members).hasSize(2).noneMatch(EtcdMember::learner);
            assertThat(members).extracting(EtcdMember::id).contains("bf624c9e82dced96");
        }
        for (String w : List.of("table", "json")) {
            var status = Parsers.endpointStatus(lab.etcdctl("cp-2", "endpoint status -w " + w).out());
            assertThat(status).hasSize(1);
            assertThat(status.get(0).raftTerm()).isEqualTo(
                    Parsers.endpointStatus(lab.etcdctl("cp-1", "endpoint status -w " + w).out()).get(0).raftTerm());
        }
        for (String w : List.of("table", "simple", "json")) {
            assertThat(Parsers.endpointHealth(lab.etcdctl("cp-1", "endpoint health -w " + w).out()))
                    .singleElement().satisfies(h -> assertThat(h.healthy()).isTrue());
        }
        ModelHarness.Result down = lab.run("w-1", "ETCDCTL_API=3 etcdctl endpoint status");
        assertThat(Parsers.endpointFailure(down.err())).contains("127.0.0.1:2379");
    }

    @Test
    void unitEnvTokenInstallOutputAndRefusal() throws IOException {
        var unit = Parsers.unit(lab.run("cp-2", "systemctl cat k3s").out());
        var env = Parsers.envFile(Files.readString(lab.path("cp-2", "/etc/systemd/system/k3s.service.env")));
        var flags = unit.joinFlags(env);
        assertThat(flags.server()).contains("https://192.168.56.11:6443");
        assertThat(flags.token()).isTrue();
        assertThat(Parsers.nodeToken(token)).isEqualTo(token.trim());
        assertThat(Parsers.installInfo(lab.install("cp-1", "server --cluster-init --node-ip 192.168.56.11", null).out()))
                .endsWith("No change detected so skipping service start");
        lab.run("cp-2", "systemctl stop k3s");
        assertThat(Parsers.apiserverRefused(lab.kubectl("cp-2", "get nodes").err())).isTrue();
        lab.run("cp-2", "systemctl start k3s");
    }
}
