package dev.k3slab.emulator.k3s;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class FormatsTest {

    @Test
    void firstMemberIdIsEtcdsComputeMemberIdOverThePeerUrlAndTheClusterName() {
        assertThat(MemberIds.hex(MemberIds.firstMember("https://192.168.56.11:2380"))).isEqualTo("bf624c9e82dced96");
    }

    @Test
    void anAddedMemberGetsADifferentIdEverySecond() {
        Instant t = Instant.parse("2026-02-22T07:00:15Z");
        long a = MemberIds.added("https://192.168.56.13:2380", t);
        long b = MemberIds.added("https://192.168.56.13:2380", t.plusSeconds(1));
        assertThat(a).isNotEqualTo(b).isNotEqualTo(MemberIds.firstMember("https://192.168.56.13:2380"));
    }

    @Test
    void humanDurationPrintsKubectlAges() {
        assertThat(HumanDuration.of(Duration.ofSeconds(17))).isEqualTo("17s");
        assertThat(HumanDuration.of(Duration.ofSeconds(114))).isEqualTo("114s");
        assertThat(HumanDuration.of(Duration.ofSeconds(3 * 60 + 48))).isEqualTo("3m48s");
        assertThat(HumanDuration.of(Duration.ofMinutes(2))).isEqualTo("2m");
        assertThat(HumanDuration.of(Duration.ofMinutes(128))).isEqualTo("128m");
        assertThat(HumanDuration.of(Duration.ofMinutes(185))).isEqualTo("3h5m");
        assertThat(HumanDuration.of(Duration.ofHours(19))).isEqualTo("19h");
        assertThat(HumanDuration.of(Duration.ofHours(51))).isEqualTo("2d3h");
        assertThat(HumanDuration.of(Duration.ofDays(490))).isEqualTo("490d");
    }

    @Test
    void kubectlTableUsesTabwriterPaddingThreeAndMinimumWidthSix() {
        String t = NodePrinter.tabwriter(List.of(List.of("NAME", "STATUS", "ROLES"), List.of("w-1", "Ready", "<none>")));
        assertThat(t).isEqualTo("NAME   STATUS   ROLES\nw-1    Ready    <none>\n");
    }

    @Test
    void etcdTableMatchesTheSourceTranscriptByteForByte() {
        String t = EtcdTable.render(List.of("ENDPOINT", "HEALTH", "TOOK", "ERROR"),
                List.of(List.of("127.0.0.1:2379", "true", "7.305542ms", "")));
        assertThat(t).isEqualTo("""
                +----------------+--------+------------+-------+
                |    ENDPOINT    | HEALTH |    TOOK    | ERROR |
                +----------------+--------+------------+-------+
                | 127.0.0.1:2379 |   true | 7.305542ms |       |
                +----------------+--------+------------+-------+
                """);
    }

    @Test
    void dbSizeAndTookAreHumanisedAsEtcdctlPrintsThem() {
        assertThat(EtcdTable.humanBytes(4_100_000)).isEqualTo("4.1 MB");
        assertThat(EtcdTable.humanBytes(25_000)).isEqualTo("25 kB");
        assertThat(EtcdTable.goDuration(7_305_542)).isEqualTo("7.305542ms");
        assertThat(EtcdTable.goDuration(7_300_000)).isEqualTo("7.3ms");
    }

    @Test
    void installScriptWritesTheUnitWithTabIndentedSingleQuotedArgs() {
        String unit = InstallScript.unitFile("server", "/etc/systemd/system/k3s.service.env",
                List.of("--server", "https://192.168.56.11:6443", "--node-label", "it's"));
        assertThat(unit).endsWith("ExecStart=/usr/local/bin/k3s \\\n    server \\\n\t'--server' \\\n"
                + "\t'https://192.168.56.11:6443' \\\n\t'--node-label' \\\n\t'it'\\''s' \\\n\n");
        assertThat(UnitFile.execStart(unit)).containsExactly("/usr/local/bin/k3s", "server", "--server",
                "https://192.168.56.11:6443", "--node-label", "it's");
    }

    @Test
    void envFileHoldsOnlyK3sContainerdAndProxyVariablesSingleQuoted() {
        String env = InstallScript.envFile(Map.of("K3S_TOKEN", "K10ab::server:cd", "INSTALL_K3S_EXEC", "server",
                "HOME", "/root", "no_proxy", "localhost", "CONTAINERD_LOG", "debug"));
        assertThat(env).isEqualTo("CONTAINERD_LOG='debug'\nK3S_TOKEN='K10ab::server:cd'\nno_proxy='localhost'\n");
        assertThat(UnitFile.environment(env)).containsEntry("K3S_TOKEN", "K10ab::server:cd");
    }

    @Test
    void rolesFollowKubectlsFindNodeRoles() {
        NodeObject n = new NodeObject("cp-1", Instant.EPOCH, Map.of("node-role.kubernetes.io/master", "true",
                "node-role.kubernetes.io/control-plane", "true", "node-role.kubernetes.io/etcd", "true",
                "kubernetes.io/role", "master"), Map.of(), null, "True", "KubeletReady", "", Instant.EPOCH, false);
        assertThat(n.roles()).isEqualTo("control-plane,etcd,master");
        assertThat(new NodeObject("w-1", Instant.EPOCH, Map.of(), Map.of(), null, null, null, null, Instant.EPOCH, false).roles())
                .isEqualTo("<none>");
    }
}
