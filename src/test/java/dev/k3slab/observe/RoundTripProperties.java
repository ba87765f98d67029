package dev.k3slab.observe;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Tables printed the way the tools print them read back to the same values, in every shape. */
class RoundTripProperties {

    @Property(tries = 300)
    void nodeTablesReadBackAlignedAndCollapsed(@ForAll("nodes") List<NodeRow> nodes) {
        List<NodeRow> plain = nodes.stream().map(n -> new NodeRow(n.name(), n.status(), n.roles(), n.age(), n.ageSeconds(),
                n.version(), null, null, null, null, null)).toList();
        for (boolean wide : new boolean[] {true, false}) {
            List<NodeRow> expected = wide ? nodes : plain;
            String aligned = TableText.nodes(nodes, wide);
            assertThat(Parsers.kubectlNodes(aligned)).isEqualTo(expected);
            assertThat(Parsers.kubectlNodes(aligned.replaceAll(" {2,}", " "))).isEqualTo(expected);
        }
    }

    @Property(tries = 300)
    void memberTablesReadBackFromTableSimpleAndJson(@ForAll("members") List<EtcdMember> members) {
        assertThat(Parsers.etcdMembers(TableText.members(members))).isEqualTo(members);
        String simple = members.stream().map(m -> String.join(", ", m.id(), m.status(), m.name(), String.join(",", m.peerUrls()),
                String.join(",", m.clientUrls()), String.valueOf(m.learner()))).collect(Collectors.joining("\n"));
        assertThat(Parsers.etcdMembers(simple)).isEqualTo(members);
        String json = members.stream().map(m -> "{\"ID\":" + Long.toUnsignedString(Long.parseUnsignedLong(m.id(), 16))
                        + (m.name().isEmpty() ? "" : ",\"name\":\"" + m.name() + "\"")
                        + ",\"peerURLs\":" + jsonArray(m.peerUrls()) + ",\"clientURLs\":" + jsonArray(m.clientUrls())
                        + (m.learner() ? ",\"isLearner\":true" : "") + "}")
                .collect(Collectors.joining(",", "{\"header\":{\"cluster_id\":1},\"members\":[", "]}"));
        assertThat(Parsers.etcdMembers(json)).isEqualTo(members);
    }

    private static String jsonArray(List<String> values) {
        return values.stream().map(v -> "\"" + v + "\"").collect(Collectors.joining(",", "[", "]"));
    }

    @Provide
    Arbitrary<List<NodeRow>> nodes() {
        Arbitrary<String> name = Arbitraries.strings().withChars("abcdefghijklmnopqrstuvwxyz0123456789-").ofMinLength(1).ofMaxLength(20);
        Arbitrary<String> status = Arbitraries.of("Ready", "NotReady", "Unknown", "Ready,SchedulingDisabled");
        Arbitrary<List<String>> roles = Arbitraries.of("control-plane", "etcd", "master", "worker").set().ofMaxSize(3)
                .map(s -> s.stream().sorted().toList());
        Arbitrary<Long> seconds = Arbitraries.longs().between(0, 20L * 365 * 86400);
        Arbitrary<String> ip = Arbitraries.integers().between(1, 254).map(i -> "192.168.56." + i);
        Arbitrary<String> image = Arbitraries.of("Ubuntu 22.04.5 LTS", "Alpine Linux v3.19", "Fedora CoreOS 39.20240104.3.0", "<unknown>");
        Arbitrary<NodeRow> row = Combinators.combine(name, status, roles, seconds, ip, ip.injectNull(0.5), image)
                .as((n, st, r, s, in, ex, img) -> {
                    String age = Parsers.humanDuration(Duration.ofSeconds(s));
                    return new NodeRow(n, st, r, age, Parsers.ageLowerBound(age), "v1.27.9+k3s1", in, ex, img,
                            "5.15.0-160-generic", "containerd://1.7.11-k3s2.27");
                });
        return row.list().ofMaxSize(12);
    }

    @Provide
    Arbitrary<List<EtcdMember>> members() {
        Arbitrary<String> id = Arbitraries.longs().map(Long::toHexString);
        Arbitrary<String> name = Arbitraries.strings().withChars("abcdefghijklmnopqrstuvwxyz0123456789-").ofMinLength(1).ofMaxLength(20);
        Arbitrary<List<String>> urls = Arbitraries.integers().between(1, 254).map(i -> "https://192.168.56." + i + ":2380")
                .list().ofMinSize(1).ofMaxSize(3);
        Arbitrary<EtcdMember> member = Combinators.combine(id, name, urls, Arbitraries.of(true, false), Arbitraries.of(true, false))
                .as((i, n, u, started, learner) -> started
                        ? new EtcdMember(i, "started", n, u, u.stream().map(x -> x.replace(":2380", ":2379")).toList(), learner)
                        : new EtcdMember(i, "unstarted", "", u, List.of(), true));
        // etcd always has at least one member.
        return member.list().ofMinSize(1).ofMaxSize(12).map(ArrayList::new);
    }
}
