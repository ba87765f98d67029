package dev.k3slab.observe;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** TableText prints exactly what the real tools print (the aligned fixtures, built independently). */
class TableTextTest {

    @ParameterizedTest
    @ValueSource(strings = {"exp2-cp1-wide-three-servers", "exp4b-cp1-plain", "exp4b-cp3-wide", "exp5c-cp3-plain"})
    void printsNodeTablesAsKubectlsTabwriterDoes(String name) {
        List<NodeRow> rows = Parsers.kubectlNodes(Fixtures.read("kubectl/" + name + ".txt"));
        boolean wide = rows.get(0).osImage() != null;
        assertThat(TableText.nodes(rows, wide)).isEqualTo(Fixtures.read("kubectl/" + name + ".aligned.txt"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"exp2-cp1-member-list", "exp5c-cp1-monitor-070015-member-list"})
    void printsMemberTablesAsEtcdctlsTablewriterDoes(String name) {
        List<EtcdMember> members = Parsers.etcdMembers(Fixtures.read("etcdctl/" + name + ".txt"));
        assertThat(TableText.members(members)).isEqualTo(Fixtures.read("etcdctl/" + name + ".aligned.txt"));
    }

    @Test
    void printsStatusAndHealthTablesToo() {
        EndpointStatus s = Parsers.endpointStatus(Fixtures.read("etcdctl/exp4a-cp3-endpoint-status.txt")).get(0);
        String status = TableText.etcdctl(List.of("ENDPOINT", "ID", "VERSION", "DB SIZE", "IS LEADER", "IS LEARNER", "RAFT TERM",
                        "RAFT INDEX", "RAFT APPLIED INDEX", "ERRORS"),
                List.of(Stream.of(s.endpoint(), s.id(), s.version(), s.dbSize(), s.leader(), s.learner(), s.raftTerm(),
                        s.raftIndex(), s.raftAppliedIndex(), String.join(", ", s.errors())).map(String::valueOf).toList()));
        assertThat(status).isEqualTo(Fixtures.read("etcdctl/exp4a-cp3-endpoint-status.aligned.txt"));
        EndpointHealth h = Parsers.endpointHealth(Fixtures.read("etcdctl/exp5a-cp1-endpoint-health.txt")).get(0);
        String health = TableText.etcdctl(List.of("ENDPOINT", "HEALTH", "TOOK", "ERROR"),
                List.of(List.of(h.endpoint(), String.valueOf(h.healthy()), h.took(), h.error())));
        assertThat(health).isEqualTo(Fixtures.read("etcdctl/exp5a-cp1-endpoint-health.aligned.txt"));
    }

    @Test
    void theSeedsBordersMatchTheWidthsOfItsCells() {
        // The seed collapsed spaces but kept the dashes: re-printing must give the same borders.
        for (String f : Fixtures.all()) {
            if (f.startsWith("etcdctl/exp") && f.endsWith("member-list.txt")) {
                String seed = Fixtures.read(f);
                String printed = TableText.members(Parsers.etcdMembers(seed));
                assertThat(printed.lines().findFirst()).as(f).isEqualTo(seed.lines().findFirst());
            }
        }
    }
}
