package dev.k3slab.emulator;

import dev.k3slab.observe.EndpointStatus;
import dev.k3slab.observe.EtcdMember;
import dev.k3slab.observe.LsEntry;
import dev.k3slab.observe.NodeRow;
import dev.k3slab.observe.Parsers;
import dev.k3slab.observe.Fixtures;
import dev.k3slab.scenario.play.Played;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * Reads the play's observations and the seed's recorded transcripts ({@code recorded/}) with the
 * same parsers, so that a test can compare them as relations (equal ROLES, equal file names, the
 * same members) rather than as text.
 */
final class Observed {
    private Observed() {
    }

    static List<NodeRow> nodes(Played p) {
        return Parsers.kubectlNodes(p.out());
    }

    static List<NodeRow> seedNodes(String fixture) {
        return Parsers.kubectlNodes(Fixtures.read("kubectl/" + fixture));
    }

    /** NAME to {@code STATUS ROLES}, in kubectl's order. */
    static Map<String, String> statusAndRoles(List<NodeRow> nodes) {
        Map<String, String> m = new LinkedHashMap<>();
        nodes.forEach(n -> m.put(n.name(), n.status() + " " + n.rolesText()));
        return m;
    }

    /** NAME to ROLES, in kubectl's order. */
    static Map<String, String> roles(List<NodeRow> nodes) {
        Map<String, String> m = new LinkedHashMap<>();
        nodes.forEach(n -> m.put(n.name(), n.rolesText()));
        return m;
    }

    static List<String> names(List<NodeRow> nodes) {
        return nodes.stream().map(NodeRow::name).toList();
    }

    static NodeRow row(List<NodeRow> nodes, String name) {
        return nodes.stream().filter(n -> n.name().equals(name)).findFirst()
                .orElseThrow(() -> new NoSuchElementException(name + " is not in " + names(nodes)));
    }

    static List<EtcdMember> members(Played p) {
        return Parsers.etcdMembers(p.out());
    }

    static List<EtcdMember> members(String text) {
        return Parsers.etcdMembers(text);
    }

    static List<EtcdMember> seedMembers(String fixture) {
        return Parsers.etcdMembers(Fixtures.read("etcdctl/" + fixture));
    }

    /** IS LEARNER and STATUS per peer URL, the parts of a member list that do not depend on the run. */
    static Map<String, String> membership(List<EtcdMember> members) {
        Map<String, String> m = new LinkedHashMap<>();
        members.stream().sorted(java.util.Comparator.comparing(e -> e.peerUrls().get(0)))
                .forEach(e -> m.put(e.peerUrls().get(0), e.status() + (e.learner() ? " learner" : " voter")));
        return m;
    }

    static String memberId(List<EtcdMember> members, String node) {
        return members.stream().filter(m -> m.nodeName().equals(node)).map(EtcdMember::id).findFirst()
                .orElseThrow(() -> new NoSuchElementException("no member of " + node + " in " + members));
    }

    static EndpointStatus status(Played p) {
        return Parsers.endpointStatus(p.out()).get(0);
    }

    static EndpointStatus seedStatus(String fixture) {
        return Parsers.endpointStatus(Fixtures.read("etcdctl/" + fixture)).get(0);
    }

    static List<LsEntry> ls(Played p) {
        return Parsers.ls(p.out());
    }

    static List<LsEntry> seedLs(String fixture) {
        return Parsers.ls(Fixtures.read("ls/" + fixture));
    }

    /** The names an {@code ls -al} listed, without {@code .} and {@code ..}. */
    static List<String> fileNames(List<LsEntry> entries) {
        return entries.stream().map(LsEntry::name).filter(n -> !n.equals(".") && !n.equals("..")).toList();
    }

    static List<String> execStart(Played p) {
        return Parsers.unit(p.out()).execStart();
    }

    static List<String> seedExecStart(String fixture) {
        return Parsers.unit(Fixtures.read("systemd/" + fixture)).execStart();
    }

    static List<String> installInfo(Played p) {
        return Parsers.installInfo(p.out());
    }

    /**
     * The seed's install messages as the script prints them on amd64: the source ran on Apple
     * Silicon (arm64), the emulated nodes are amd64 like the lab's VirtualBox VMs.
     */
    static List<String> seedInstallInfoOnAmd64(String fixture) {
        return Parsers.installInfo(Fixtures.read("install/" + fixture)).stream()
                .map(l -> l.replace("sha256sum-arm64.txt", "sha256sum-amd64.txt").replace("/k3s-arm64", "/k3s"))
                .toList();
    }

    /** True when the Node was there before {@code t}: AGE is a lower bound, so the Node is at least that old. */
    static boolean existedBefore(Played observation, String node, Instant t) {
        long age = row(nodes(observation), node).ageSeconds();
        return observation.labTime().minusSeconds(age).isBefore(t);
    }

    /** True when the Node was made at or after {@code t} (AGE under 10 minutes is exact to the second). */
    static boolean createdSince(Played observation, String node, Instant t) {
        long age = row(nodes(observation), node).ageSeconds();
        return age <= Duration.between(t, observation.labTime()).getSeconds();
    }
}
