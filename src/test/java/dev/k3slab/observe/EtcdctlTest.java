package dev.k3slab.observe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How etcdctl outputs are read, and how unreadable ones are reported. */
class EtcdctlTest {
    private static final String MEMBERS = Fixtures.read("etcdctl/exp2-cp1-member-list.txt");

    @Test
    void aCellTablewriterWrappedOntoTheNextLineIsJoinedToItsRow() {
        String wrapped = """
                +----------------+------------------+---------+---------+-----------+------------+-----------+------------+--------------------+--------------------------------+
                |    ENDPOINT    |        ID        | VERSION | DB SIZE | IS LEADER | IS LEARNER | RAFT TERM | RAFT INDEX | RAFT APPLIED INDEX |             ERRORS             |
                +----------------+------------------+---------+---------+-----------+------------+-----------+------------+--------------------+--------------------------------+
                | 127.0.0.1:2379 | bf624c9e82dced96 |   3.5.9 |  4.1 MB |     false |      false |         5 |       4400 |               4400 |  etcdserver: no leader, alarm: |
                |                |                  |         |         |           |            |           |            |                    |                          NOSPACE |
                +----------------+------------------+---------+---------+-----------+------------+-----------+------------+--------------------+--------------------------------+
                """;
        EndpointStatus s = Parsers.endpointStatus(wrapped).get(0);
        assertThat(s.errors()).containsExactly("etcdserver: no leader", "alarm: NOSPACE");
        assertThat(s.raftTerm()).isEqualTo(5);
    }

    @Test
    void aMemberIdThatIsNotHexIsRejectedWithItsLine() {
        ParseException e = catchThrowableOfType(ParseException.class,
                () -> Parsers.etcdMembers(MEMBERS.replace("b0139766c119db32", "b0139766c119dbXX")));
        assertThat(e.lineNumber()).isEqualTo(5);
        assertThat(e.getMessage()).contains("etcdctl member list -w table", "ID 'b0139766c119dbXX'");
    }

    @Test
    void aRowWithAMissingCellIsRejected() {
        assertThatThrownBy(() -> Parsers.etcdMembers(MEMBERS.replace("| started | cp-2-e08cab0e ", "| started ")))
                .isInstanceOf(ParseException.class).hasMessageContaining("line 5").hasMessageContaining("expected 6 cells, found 5");
    }

    @Test
    void aTableWithoutItsClosingBorderIsRejected() {
        String open = MEMBERS.substring(0, MEMBERS.lastIndexOf("+-"));
        assertThatThrownBy(() -> Parsers.etcdMembers(open)).isInstanceOf(ParseException.class)
                .hasMessageContaining("expected a border line");
    }

    @Test
    void etcdctlsOwnErrorIsNotOutput() {
        String text = "{\"level\":\"warn\",\"ts\":\"2026-02-22T06:40:12.345Z\",\"msg\":\"retrying of unary invoker failed\"}\n"
                + "Error: context deadline exceeded\n";
        assertThatThrownBy(() -> Parsers.etcdMembers(text)).isInstanceOf(ParseException.class)
                .hasMessageContaining("line 2").hasMessageContaining("etcdctl reported an error");
    }

    @Test
    void hexJsonIdsAndTheirClientUrlsSpellingAreRead() {
        String hex = "{\"header\":{\"cluster_id\":\"55c4a9d0a6a3a521\",\"member_id\":\"bf624c9e82dced96\",\"raft_term\":\"4\"},"
                + "\"members\":[{\"ID\":\"05b9b4cb496c89f6\",\"name\":\"cp-3-950e9061\",\"peerURLs\":[\"https://192.168.56.13:2380\"],"
                + "\"clientURLS\":[\"https://192.168.56.13:2379\"]}]}";
        EtcdMember m = Parsers.etcdMembers(hex).get(0);
        assertThat(m.id()).isEqualTo("5b9b4cb496c89f6");
        assertThat(m.clientUrls()).containsExactly("https://192.168.56.13:2379");
        assertThat(m.learner()).isFalse();
    }

    @Test
    void aJsonIdBeyondSixtyFourBitsIsRejectedAtItsMember() {
        String json = "{\"header\":{},\n\"members\":[\n{\"ID\":18446744073709551616,\"peerURLs\":[\"https://a:2380\"]}]}";
        ParseException e = catchThrowableOfType(ParseException.class, () -> Parsers.etcdMembers(json));
        assertThat(e.lineNumber()).isEqualTo(3);
        assertThat(e.getMessage()).contains("members[0]", "unsigned 64-bit");
        assertThat(Parsers.etcdMembers(json.replace("18446744073709551616", "18446744073709551615")).get(0).id())
                .isEqualTo("ffffffffffffffff");
    }

    @Test
    void oneFailedEndpointBesideAnotherOnesTable() {
        String text = "Failed to get the status of endpoint https://192.168.56.13:2379 (context deadline exceeded)\n"
                + Fixtures.read("etcdctl/exp4a-cp1-endpoint-status.txt");
        assertThat(Parsers.endpointFailure(text)).contains("https://192.168.56.13:2379");
        assertThat(Parsers.endpointStatus(text)).extracting(EndpointStatus::endpoint).containsExactly("https://127.0.0.1:2379");
        assertThatThrownBy(() -> Parsers.endpointStatus("")).isInstanceOf(ParseException.class).hasMessageContaining("no output");
    }

    @Test
    void aStatusTableMissingAColumnNamesIt() {
        String text = Fixtures.read("etcdctl/exp2-cp1-endpoint-status.txt").replace("RAFT TERM", "RAFT TURN");
        assertThatThrownBy(() -> Parsers.endpointStatus(text)).isInstanceOf(ParseException.class)
                .hasMessageContaining("line 2").hasMessageContaining("no RAFT TERM column");
    }

    @Test
    void anUnhealthyTableRowKeepsItsError() {
        String text = """
                +----------------------------+--------+--------------+---------------------------+
                |          ENDPOINT          | HEALTH |     TOOK     |           ERROR           |
                +----------------------------+--------+--------------+---------------------------+
                | https://192.168.56.11:2379 |   true |   7.305542ms |                           |
                | https://192.168.56.13:2379 |  false | 5.001234567s | context deadline exceeded |
                +----------------------------+--------+--------------+---------------------------+
                Error: unhealthy cluster
                """;
        List<EndpointHealth> health = Parsers.endpointHealth(text);
        assertThat(health).extracting(EndpointHealth::healthy).containsExactly(true, false);
        assertThat(health.get(1).error()).isEqualTo("context deadline exceeded");
        assertThatThrownBy(() -> Parsers.endpointHealth("127.0.0.1:2379 is fine\n")).isInstanceOf(ParseException.class)
                .hasMessageContaining("is healthy: successfully committed proposal");
    }

    @ParameterizedTest(name = "{0} bytes print as {1}")
    @CsvSource({"0, 0 B", "9, 9 B", "10, 10 B", "999, 999 B", "1000, 1.0 kB", "24500, 24 kB", "25000, 25 kB",
            "25500, 26 kB", "4100096, 4.1 MB", "4902912, 4.9 MB", "9960000, 10 MB", "-1, 18 EB"})
    void databaseSizesPrintAsGoHumanizeDoes(long bytes, String printed) {
        assertThat(EtcdEndpoints.humanBytes(bytes)).isEqualTo(printed);
    }
}
