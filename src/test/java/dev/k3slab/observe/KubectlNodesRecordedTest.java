package dev.k3slab.observe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every {@code kubectl get nodes} block of the seed, and the JSON built from the same run. */
class KubectlNodesRecordedTest {

    /** Asserts NAME STATUS ROLES AGE of each row, AGE's lower bound and VERSION. */
    private static List<NodeRow> assertRows(String fixture, String... expected) {
        List<NodeRow> rows = Parsers.kubectlNodes(Fixtures.read(fixture));
        assertThat(rows).extracting(r -> r.name() + " " + r.status() + " " + r.rolesText() + " " + r.age())
                .as(fixture).containsExactly(expected);
        for (NodeRow r : rows) {
            assertThat(r.ageSeconds()).as(r.age()).isEqualTo(Fixtures.sumOfUnits(r.age()));
            assertThat(r.version()).isEqualTo("v1.27.9+k3s1");
        }
        return rows;
    }

    @Test
    void experiment1_showsCp1AsASqliteServerWithItsRolesAndAge() {
        List<NodeRow> rows = assertRows("kubectl/exp1-cp1-wide.txt", "cp-1 Ready control-plane,master 114s");
        NodeRow cp1 = rows.get(0);
        assertThat(cp1.roles()).containsExactly("control-plane", "master");
        assertThat(cp1.ageSeconds()).isEqualTo(114);
        assertThat(cp1.internalIp()).isEqualTo("192.168.56.11");
        assertThat(cp1.externalIp()).isNull();
        assertThat(cp1.osImage()).isEqualTo("Ubuntu 22.04.5 LTS");
        assertThat(cp1.kernelVersion()).isEqualTo("5.15.0-160-generic");
        assertThat(cp1.containerRuntime()).isEqualTo("containerd://1.7.11-k3s2.27");
        assertThat(cp1.ready()).isTrue();
    }

    @Test
    void experiment1_workersHaveNoRoles() {
        List<NodeRow> rows = assertRows("kubectl/exp1-cp1-wide-with-workers.txt",
                "cp-1 Ready control-plane,master 14m", "w-1 Ready <none> 6m36s", "w-2 Ready <none> 30s");
        assertThat(rows.get(1).roles()).isEmpty();
        assertThat(rows.get(1).ageSeconds()).isEqualTo(396);
        assertThat(rows).extracting(NodeRow::internalIp).containsExactly("192.168.56.11", "192.168.56.21", "192.168.56.22");
    }

    @Test
    void experiment2_clusterInitAddsTheEtcdRoleAndKeepsTheAge() {
        List<NodeRow> rows = assertRows("kubectl/exp2-cp1-wide-after-cluster-init.txt",
                "cp-1 Ready control-plane,etcd,master 16m", "w-1 Ready <none> 8m18s", "w-2 Ready <none> 2m12s");
        assertThat(rows.get(0).roles()).containsExactly("control-plane", "etcd", "master");
        assertThat(rows.get(0).ageSeconds()).isEqualTo(960);
    }

    @Test
    void experiment2_endsWithThreeEtcdServersAndTwoWorkers() {
        List<NodeRow> rows = assertRows("kubectl/exp2-cp1-wide-three-servers.txt",
                "cp-1 Ready control-plane,etcd,master 23m", "cp-2 Ready control-plane,etcd,master 3m48s",
                "cp-3 Ready control-plane,etcd,master 17s", "w-1 Ready <none> 15m", "w-2 Ready <none> 9m2s");
        assertThat(rows.get(1).ageSeconds()).isEqualTo(228);
        assertThat(rows.get(3).ageSeconds()).isEqualTo(900);
        assertThat(rows).extracting(NodeRow::osImage).containsOnly("Ubuntu 22.04.5 LTS");
    }

    @Test
    void experiment3a_afterRebootsWithoutJoinFlagsAllFiveNodesAreReady() {
        assertRows("kubectl/exp3a-cp2-wide-after-reboot.txt",
                "cp-1 Ready control-plane,etcd,master 45m", "cp-2 Ready control-plane,etcd,master 26m",
                "cp-3 Ready control-plane,etcd,master 22m", "w-1 Ready <none> 37m", "w-2 Ready <none> 31m");
        assertRows("kubectl/exp3a-cp1-wide-after-cp3-reboot.txt",
                "cp-1 Ready control-plane,etcd,master 51m", "cp-2 Ready control-plane,etcd,master 31m",
                "cp-3 Ready control-plane,etcd,master 28m", "w-1 Ready <none> 42m", "w-2 Ready <none> 36m");
    }

    @Test
    void experiment3b_afterTheInstallScriptRerunAllFiveNodesAreReady() {
        assertRows("kubectl/exp3b-cp1-wide-after-reboot.txt",
                "cp-1 Ready control-plane,etcd,master 69m", "cp-2 Ready control-plane,etcd,master 50m",
                "cp-3 Ready control-plane,etcd,master 46m", "w-1 Ready <none> 61m", "w-2 Ready <none> 55m");
    }

    @Test
    void experiment4a_monitorSeesCp3NotReadyThenReadyWithItsAgeKept() {
        List<NodeRow> before = assertRows("kubectl/exp4a-cp1-monitor-060924-wide.txt",
                "cp-1 Ready control-plane,etcd,master 77m", "cp-2 Ready control-plane,etcd,master 58m",
                "cp-3 NotReady control-plane,etcd,master 54m");
        List<NodeRow> after = assertRows("kubectl/exp4a-cp1-monitor-060929-wide.txt",
                "cp-1 Ready control-plane,etcd,master 77m", "cp-2 Ready control-plane,etcd,master 58m",
                "cp-3 Ready control-plane,etcd,master 54m");
        assertThat(before.get(2).ready()).isFalse();
        assertThat(after.get(2).ready()).isTrue();
        assertThat(after.get(2).ageSeconds()).isEqualTo(before.get(2).ageSeconds()).isEqualTo(3240);
    }

    @Test
    void experiment4a_cp3SeesTheSameFiveNodes() {
        assertRows("kubectl/exp4a-cp3-wide.txt",
                "cp-1 Ready control-plane,etcd,master 79m", "cp-2 Ready control-plane,etcd,master 59m",
                "cp-3 Ready control-plane,etcd,master 56m", "w-1 Ready <none> 71m", "w-2 Ready <none> 64m");
        List<NodeRow> plain = assertRows("kubectl/exp4a-cp1-cp3-plain.txt",
                "cp-1 Ready control-plane,etcd,master 91m", "cp-2 Ready control-plane,etcd,master 72m",
                "cp-3 Ready control-plane,etcd,master 68m", "w-1 Ready <none> 83m", "w-2 Ready <none> 77m");
        assertThat(plain).extracting(NodeRow::internalIp, NodeRow::osImage).containsOnly(tuple(null, null));
    }

    @Test
    void experiment4b_cp3SeesOnlyItselfWithANewAgeAndNoEtcdRole() {
        List<NodeRow> rows = assertRows("kubectl/exp4b-cp3-wide.txt", "cp-3 Ready control-plane,master 30s");
        assertThat(rows.get(0).ageSeconds()).isEqualTo(30);
        assertRows("kubectl/exp4b-cp1-plain.txt",
                "cp-1 Ready control-plane,etcd,master 100m", "cp-2 Ready control-plane,etcd,master 80m",
                "cp-3 NotReady control-plane,etcd,master 77m", "w-1 Ready <none> 91m", "w-2 Ready <none> 85m");
        assertRows("kubectl/exp4b-cp1-monitor-063546-plain.txt",
                "cp-1 Ready control-plane,etcd,master 104m", "cp-2 Ready control-plane,etcd,master 84m",
                "cp-3 NotReady control-plane,etcd,master 81m", "w-1 Ready <none> 95m", "w-2 Ready <none> 89m");
    }

    @Test
    void experiment4b_aStoppedApiserverIsRecognisedAndIsNoTable() {
        String text = Fixtures.read("kubectl/exp4b-cp3-refused.txt");
        assertThat(Parsers.apiserverRefused(text)).isTrue();
        assertThatThrownBy(() -> Parsers.kubectlNodes(text)).isInstanceOf(ParseException.class)
                .hasMessageContaining("line 1").hasMessageContaining("refused the connection");
        assertThat(Parsers.apiserverRefused(Fixtures.read("kubectl/exp4b-cp3-wide.txt"))).isFalse();
    }

    @Test
    void experiment4c_reinstalledCp3IsAloneAndNotReady() {
        List<NodeRow> rows = assertRows("kubectl/exp4c-cp3-wide.txt", "cp-3 NotReady control-plane,master 10m");
        assertThat(rows.get(0).ageSeconds()).isEqualTo(600);
    }

    @Test
    void experiment5_cp3StaysUntilItsNodeIsDeletedThenRejoinsFresh() {
        assertRows("kubectl/exp5a-cp1-wide.txt",
                "cp-1 Ready control-plane,etcd,master 113m", "cp-2 Ready control-plane,etcd,master 93m",
                "cp-3 NotReady control-plane,etcd,master 89m", "w-1 Ready <none> 104m", "w-2 Ready <none> 98m");
        assertRows("kubectl/exp5b-cp1-wide-after-delete.txt",
                "cp-1 Ready control-plane,etcd,master 119m", "cp-2 Ready control-plane,etcd,master 99m",
                "w-1 Ready <none> 111m", "w-2 Ready <none> 105m");
        assertRows("kubectl/exp5c-cp1-monitor-070010-wide.txt",
                "cp-1 Ready control-plane,etcd,master 128m", "cp-2 Ready control-plane,etcd,master 108m",
                "w-1 Ready <none> 120m", "w-2 Ready <none> 114m");
        List<NodeRow> rejoined = assertRows("kubectl/exp5c-cp3-plain.txt",
                "cp-1 Ready control-plane,etcd,master 130m", "cp-2 Ready control-plane,etcd,master 110m",
                "cp-3 Ready control-plane,etcd,master 102s", "w-1 Ready <none> 122m", "w-2 Ready <none> 116m");
        assertThat(rejoined.get(2).ageSeconds()).isEqualTo(102);
        assertThat(rejoined.get(0).ageSeconds()).isEqualTo(7800);
    }

    @ParameterizedTest
    @ValueSource(strings = {"exp2-cp1-wide-three-servers", "exp4b-cp1-plain", "exp4b-cp3-wide", "exp5c-cp3-plain"})
    void theAlignedFormAsKubectlPrintsItReadsTheSameAsTheCollapsedSeed(String name) {
        String aligned = Fixtures.read("kubectl/" + name + ".aligned.txt");
        assertThat(aligned).contains("   ");
        assertThat(Parsers.kubectlNodes(aligned)).isEqualTo(Parsers.kubectlNodes(Fixtures.read("kubectl/" + name + ".txt")));
    }

    @Test
    void jsonOfTheFiveNodeClusterGivesTheSameFieldsAsTheWideTable() {
        List<NodeRow> json = Parsers.kubectlNodes(Fixtures.read("kubectl/constructed-exp5a-cp1-nodes.json"));
        List<NodeRow> table = Parsers.kubectlNodes(Fixtures.read("kubectl/exp5a-cp1-wide.txt"));
        assertThat(json).extracting(NodeRow::name, NodeRow::status, NodeRow::roles, NodeRow::age, NodeRow::version,
                        NodeRow::internalIp, NodeRow::externalIp, NodeRow::osImage, NodeRow::kernelVersion, NodeRow::containerRuntime)
                .isEqualTo(table.stream().map(r -> tuple(r.name(), r.status(), r.roles(), r.age(),
                        r.version(), r.internalIp(), r.externalIp(), r.osImage(), r.kernelVersion(), r.containerRuntime())).toList());
        // The document's newest time (06:45:00) stands in for "now": cp-1 was created 113m30s before.
        assertThat(json.get(0).ageSeconds()).isEqualTo(113 * 60 + 30);
    }

    @Test
    void jsonAgesAreTakenAtTheTimeGiven() {
        List<NodeRow> rows = Parsers.kubectlNodes(Fixtures.read("kubectl/constructed-exp4b-cp3-nodes.json"),
                Instant.parse("2026-02-22T06:36:10Z"));
        assertThat(rows).extracting(NodeRow::name, NodeRow::rolesText, NodeRow::age, NodeRow::ageSeconds)
                .containsExactly(tuple("cp-3", "control-plane,master", "3m", 180L));
        assertThat(Parsers.kubectlNodes(Fixtures.read("kubectl/constructed-exp4b-cp3-nodes.json")).get(0).age()).isEqualTo("30s");
    }

    @Test
    void aSingleNodeDocumentIsReadToo_andCordoningShowsSchedulingDisabled() {
        List<NodeRow> rows = Parsers.kubectlNodes(Fixtures.read("kubectl/constructed-exp4c-cp3-node-cordoned.json"));
        assertThat(rows).singleElement().satisfies(r -> {
            assertThat(r.status()).isEqualTo("NotReady,SchedulingDisabled");
            assertThat(r.ready()).isFalse();
            assertThat(r.age()).isEqualTo("10m");
            assertThat(r.roles()).containsExactly("control-plane", "master");
        });
    }

    @Test
    void everyWideSeedTableShowsTheSameNodeImage() {
        for (String f : Fixtures.all()) {
            if (f.startsWith("kubectl/") && f.endsWith("wide.txt")) {
                assertThat(Parsers.kubectlNodes(Fixtures.read(f))).as(f).allSatisfy(r -> {
                    assertThat(r.osImage()).isEqualTo("Ubuntu 22.04.5 LTS");
                    assertThat(r.externalIp()).isNull();
                    assertThat(Arrays.asList(r.internalIp().split("\\."))).hasSize(4);
                });
            }
        }
    }
}
