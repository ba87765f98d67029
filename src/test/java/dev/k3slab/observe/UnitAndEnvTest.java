package dev.k3slab.observe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** ExecStart words, the join flags K3s reads from them and from the env file, and the env file itself. */
class UnitAndEnvTest {

    private static JoinFlags flags(String execStart, Map<String, String> env) {
        return Parsers.unit("[Service]\nExecStart=/usr/local/bin/k3s " + execStart + "\n").joinFlags(env);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "server --server https://a:6443 --token T      | https://a:6443 | true  | false | false",
            "server -s https://a:6443 -t T                 | https://a:6443 | true  | false | false",
            "server --server=https://a:6443 --token-file /t | https://a:6443 | true  | false | false",
            "server -server https://a:6443                 | https://a:6443 | false | false | false",
            "server --cluster-init --node-ip 1.2.3.4       |                | false | true  | false",
            "server --cluster-init=false                   |                | false | false | false",
            "server --cluster-reset                        |                | false | false | true",
            "server --node-name --cluster-init             |                | false | true  | false",
            "server --token '' --server ''                 |                | false | false | false",
            "server --datastore-endpoint x --cluster-init  |                | false | true  | false",
            "server -- --cluster-init                      |                | false | false | false"})
    void joinFlagsComeFromTheWordsAsK3sReadsThem(String exec, String server, boolean token, boolean init, boolean reset) {
        assertThat(flags(exec, Map.of())).isEqualTo(new JoinFlags(Optional.ofNullable(server), token, init, reset));
    }

    @Test
    void theEnvFileCountsAndAFlagWinsOverItsVariable() {
        Map<String, String> env = Map.of("K3S_URL", "https://a:6443", "K3S_TOKEN", "T", "K3S_CLUSTER_INIT", "true");
        assertThat(flags("server", env)).isEqualTo(new JoinFlags(Optional.of("https://a:6443"), true, true, false));
        assertThat(flags("server --server=", env).server()).isEmpty();
        assertThat(flags("server --cluster-init=false", env).clusterInit()).isFalse();
        assertThat(flags("server", Map.of("K3S_TOKEN_FILE", "/t")).token()).isTrue();
        assertThat(flags("server", Map.of("K3S_CLUSTER_RESET", "yes")).clusterReset()).isFalse();
    }

    @Test
    void quotedWordsAreUnquotedAsSystemdAndTheShellDo() {
        UnitFile u = Parsers.unit("ExecStart=-/usr/local/bin/k3s server '--node-label' 'owner=it'\\''s' \"a \\\"b\\\"\" c\\ d 'x'\"y\"\n");
        assertThat(u.binary()).isEqualTo("/usr/local/bin/k3s");
        assertThat(u.execStart()).containsExactly("server", "--node-label", "owner=it's", "a \"b\"", "c d", "xy");
    }

    @Test
    void anUnclosedQuoteIsReportedAtTheExecStartLine() {
        ParseException e = catchThrowableOfType(ParseException.class,
                () -> Parsers.unit("[Service]\nType=notify\nExecStart=/usr/local/bin/k3s \\\n    server \\\n\t'--token \\\n"));
        assertThat(e.lineNumber()).isEqualTo(3);
        assertThat(e.getMessage()).contains("single quote is not closed");
    }

    @Test
    void aDropInResetsExecStart_butTwoWithoutAResetAreRefused() {
        String base = "# /etc/systemd/system/k3s.service\n[Service]\nExecStart=/usr/local/bin/k3s server\n";
        String dropIn = "\n# /etc/systemd/system/k3s.service.d/override.conf\n[Service]\nExecStart=\nExecStart=/usr/local/bin/k3s server --cluster-init\n";
        assertThat(Parsers.unit(base + dropIn).execStart()).containsExactly("server", "--cluster-init");
        assertThatThrownBy(() -> Parsers.unit(base.replace("[Service]\n", "[Service]\nExecStart=/bin/true\n")))
                .isInstanceOf(ParseException.class).hasMessageContaining("line 4").hasMessageContaining("first is on line 3");
    }

    @Test
    void execStartOutsideServiceDoesNotCount_andAUnitWithoutOneIsRejected() {
        assertThatThrownBy(() -> Parsers.unit("[Unit]\nExecStart=/usr/local/bin/k3s server\n"))
                .isInstanceOf(ParseException.class).hasMessageContaining("no ExecStart= line in [Service]");
        assertThatThrownBy(() -> Parsers.unit("[Service]\nthis is not a unit line\n"))
                .isInstanceOf(ParseException.class).hasMessageContaining("line 2").hasMessageContaining("expected [Section], Key=value");
    }

    @Test
    void commentLinesInsideAContinuedExecStartAreSkipped() {
        String unit = "[Service]\nExecStart=/usr/local/bin/k3s \\\n# a note\n    server \\\n\t'--cluster-init' \\\n\nRestart=always\n";
        assertThat(Parsers.unit(unit).execStart()).containsExactly("server", "--cluster-init");
    }

    @Test
    void envFilesAreReadLikeSystemdReadsThem() {
        Map<String, String> env = Parsers.envFile("""
                # written by the install script
                K3S_TOKEN='K10abc::server:s3cr'"'"'et'
                export K3S_URL="https://192.168.56.11:6443"

                CONTAINERD_HTTP_PROXY=
                K3S_NODE_NAME='cp-1'
                K3S_NODE_NAME='cp-9'
                """);
        assertThat(env).containsExactly(Map.entry("K3S_TOKEN", "K10abc::server:s3cr'et"),
                Map.entry("K3S_URL", "https://192.168.56.11:6443"), Map.entry("CONTAINERD_HTTP_PROXY", ""),
                Map.entry("K3S_NODE_NAME", "cp-9"));
    }

    @Test
    void aBadEnvLineIsRejectedWithItsNumber() {
        ParseException e = catchThrowableOfType(ParseException.class, () -> Parsers.envFile("K3S_A='x'\n9BAD=1\n"));
        assertThat(e.lineNumber()).isEqualTo(2);
        assertThat(e.getMessage()).contains("expected NAME=value");
        assertThatThrownBy(() -> Parsers.envFile("K3S_A='x\n")).isInstanceOf(ParseException.class)
                .hasMessageContaining("value of K3S_A cannot be read");
    }

    @Test
    void nodeTokensAreCheckedWithoutBeingQuoted() {
        String secret = "96039607a727f087dece9a9fffa1f0bf";
        assertThat(Parsers.nodeToken(secret + "\n")).isEqualTo(secret);
        String shortHash = "K10abcdef::server:" + secret;
        ParseException e = catchThrowableOfType(ParseException.class, () -> Parsers.nodeToken(shortHash));
        assertThat(e.getMessage()).contains("64 hex characters, found 6").doesNotContain(secret);
        assertThat(e.line()).isNull();
        assertThatThrownBy(() -> Parsers.nodeToken("K10" + "a".repeat(64) + "::server:" + secret + "\nmore\n"))
                .isInstanceOf(ParseException.class).hasMessageContaining("one line");
        assertThatThrownBy(() -> Parsers.nodeToken("two words")).isInstanceOf(ParseException.class);
        assertThatThrownBy(() -> Parsers.nodeToken("")).isInstanceOf(ParseException.class).hasMessageContaining("no output");
    }

    @Test
    void installInfoSkipsLinesThatAreNotTheScripts() {
        assertThat(Parsers.installInfo("[INFO]  Using v1.27.9+k3s1 as release\nCreated symlink x\n[WARN]  w\n[INFO]  systemd: Starting k3s\n"))
                .isEqualTo(List.of("Using v1.27.9+k3s1 as release", "systemd: Starting k3s"));
    }
}
