package dev.k3slab.observe;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Every unit-file block of the seed: the ExecStart words and the join flags they give. */
class SystemdRecordedTest {
    private static final String CP1_URL = "https://192.168.56.11:6443";
    private static final JoinFlags NO_FLAGS = new JoinFlags(Optional.empty(), false, false, false);

    private static UnitFile unit(String fixture) {
        return Parsers.unit(Fixtures.read("systemd/" + fixture));
    }

    @Test
    void experiment1_theFirstServerRunsWithInstallFlagsOnly() {
        UnitFile u = unit("exp1-cp1-k3s.service.txt");
        assertThat(u.binary()).isEqualTo("/usr/local/bin/k3s");
        assertThat(u.execStart()).containsExactly("server", "--node-ip", "192.168.56.11", "--advertise-address",
                "192.168.56.11", "--tls-san", "192.168.56.11");
        assertThat(u.joinFlags()).isEqualTo(NO_FLAGS);
        assertThat(u.joinFlags().none()).isTrue();
    }

    @Test
    void experiment1_anAgentUnitHoldsTheServerUrlAndTakesItsTokenFromTheEnvFile() {
        UnitFile u = unit("exp1-w1-k3s-agent.service.txt");
        assertThat(u.command()).isEqualTo("agent");
        assertThat(u.execStart()).containsExactly("agent", "--server", CP1_URL, "--node-ip", "192.168.56.21");
        assertThat(u.joinFlags()).isEqualTo(new JoinFlags(Optional.of(CP1_URL), false, false, false));
        Map<String, String> env = Parsers.envFile(Fixtures.read("systemd/constructed-exp2-cp2-k3s.service.env"));
        assertThat(u.joinFlags(env).joins()).isTrue();
    }

    @Test
    void experiment2_clusterInitIsInTheFirstServersUnit() {
        UnitFile u = unit("exp2-cp1-k3s.service.txt");
        assertThat(u.execStart()).startsWith("server", "--cluster-init");
        assertThat(u.joinFlags()).isEqualTo(new JoinFlags(Optional.empty(), false, true, false));
    }

    @Test
    void experiment2_joiningServersHoldServerAndGetTheTokenFromTheEnvFile() {
        UnitFile u = unit("exp2-cp2-k3s.service.txt");
        assertThat(u.execStart()).containsExactly("server", "--server", CP1_URL, "--node-ip", "192.168.56.12",
                "--advertise-address", "192.168.56.12");
        assertThat(u.joinFlags().server()).contains(CP1_URL);
        assertThat(u.joinFlags().token()).isFalse();
        Map<String, String> env = Parsers.envFile(Fixtures.read("systemd/constructed-exp2-cp2-k3s.service.env"));
        assertThat(env).containsOnlyKeys("K3S_TOKEN");
        assertThat(env.get("K3S_TOKEN")).startsWith("K107cb71a").endsWith("::server:96039607a727f087dece9a9fffa1f0bf");
        assertThat(u.joinFlags(env)).isEqualTo(new JoinFlags(Optional.of(CP1_URL), true, false, false));
    }

    @Test
    void theUnitAsTheInstallScriptWritesItReadsLikeTheSeedCopy() {
        String real = Fixtures.read("systemd/exp2-cp2-k3s.service.real.txt");
        assertThat(real).contains("\n    server \\\n\t'--server' \\\n").endsWith("' \\\n\n");
        assertThat(Parsers.unit(real)).isEqualTo(unit("exp2-cp2-k3s.service.txt"));
    }

    @Test
    void experiment3a_deletingTheServerLinesLeavesNoJoinFlag() {
        UnitFile before = unit("exp3a-cp2-execstart-before.txt");
        UnitFile after = unit("exp3a-cp2-execstart-after.txt");
        assertThat(before.joinFlags().server()).contains(CP1_URL);
        assertThat(after.execStart()).containsExactly("server", "--node-ip", "192.168.56.12", "--advertise-address", "192.168.56.12");
        assertThat(after.joinFlags()).isEqualTo(NO_FLAGS);
    }

    @Test
    void experiment3a_k3sUrlAndTokenInTheEnvFileStillJoinWithoutServerInExecStart() {
        Map<String, String> env = Parsers.envFile(Fixtures.read("systemd/constructed-env-url-and-token.service.env"));
        JoinFlags flags = unit("exp3a-cp2-execstart-after.txt").joinFlags(env);
        assertThat(flags.server()).contains(CP1_URL);
        assertThat(flags.joins()).isTrue();
    }

    @Test
    void experiment3b_rerunningTheInstallScriptDropsClusterInit() {
        assertThat(unit("exp3b-cp1-execstart-before.txt").joinFlags().clusterInit()).isTrue();
        UnitFile after = unit("exp3b-cp1-execstart-after.txt");
        assertThat(after.execStart()).containsExactly("server", "--node-ip", "192.168.56.11", "--advertise-address",
                "192.168.56.11", "--tls-san", "192.168.56.11");
        assertThat(after.joinFlags()).isEqualTo(NO_FLAGS);
    }

    @Test
    void experiment5c_theCleanRejoinHoldsServerAndToken() {
        String text = Fixtures.read("systemd/exp5c-cp3-k3s.service.txt");
        // The first "..." is the author's elision of the unit's other lines (README); the last stands
        // for the elided token value after '--token' \ and is read as that word.
        String withoutFirstElision = text.replaceFirst("\n\\.\\.\\.\n", "\n");
        UnitFile u = Parsers.unit(withoutFirstElision);
        assertThat(u.execStart()).containsExactly("server", "--server", CP1_URL, "--token", "...");
        assertThat(u.joinFlags()).isEqualTo(new JoinFlags(Optional.of(CP1_URL), true, false, false));
        assertThat(u.joinFlags().joins()).isTrue();
    }

    @Test
    void installLogsListTheScriptsInfoMessages() {
        List<String> first = Parsers.installInfo(Fixtures.read("install/exp1-cp1-install.txt"));
        assertThat(first).hasSize(15).startsWith("Using v1.27.9+k3s1 as release")
                .contains("Installing k3s to /usr/local/bin/k3s", "env: Creating environment file /etc/systemd/system/k3s.service.env",
                        "systemd: Creating service file /etc/systemd/system/k3s.service")
                .endsWith("systemd: Enabling k3s unit", "systemd: Starting k3s");
        assertThat(first).noneMatch(m -> m.startsWith("Created symlink"));
        assertThat(Parsers.installInfo(Fixtures.read("install/exp1-w1-install-agent.txt")))
                .contains("systemd: Creating service file /etc/systemd/system/k3s-agent.service",
                        "Creating uninstall script /usr/local/bin/k3s-agent-uninstall.sh");
        assertThat(Parsers.installInfo(Fixtures.read("install/exp2-cp1-install-cluster-init.txt")))
                .contains("Skipping binary downloaded, installed k3s matches hash",
                        "Skipping /usr/local/bin/kubectl symlink to k3s, already exists")
                .doesNotContain("Verifying binary download");
        assertThat(Parsers.installInfo(Fixtures.read("install/exp2-cp2-install-join.txt")))
                .contains("Downloading binary https://github.com/k3s-io/k3s/releases/download/v1.27.9+k3s1/k3s-arm64");
        assertThat(Parsers.installInfo(Fixtures.read("install/exp3b-cp1-install-rerun.txt")))
                .contains("systemd: Creating service file /etc/systemd/system/k3s.service", "systemd: Starting k3s");
    }

    @Test
    void theNodeTokenHasTheCaHashAndTheServerPassword() {
        String token = Parsers.nodeToken(Fixtures.read("token/exp2-cp1-node-token.txt"));
        assertThat(token).matches("K10[0-9a-f]{64}::server:[0-9a-f]{32}").endsWith("96039607a727f087dece9a9fffa1f0bf");
    }
}
