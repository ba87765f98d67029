package dev.k3slab.emulator.node;

import dev.k3slab.emulator.Invocation;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class ShellLanguageTest {
    @TempDir
    Path disk;
    TestNode node;

    @BeforeEach
    void setUp() {
        node = new TestNode(disk);
    }

    /** How the sshj shell wraps a command (single quotes escaped as '"'"'). */
    static String runWrapper(String command) {
        return "sudo -n sh -c '" + command.replace("'", "'\"'\"'") + "'";
    }

    static String backgroundWrapper(String command, String logFile) {
        String inner = "nohup sh -c '" + command.replace("'", "'\"'\"'") + "' > " + logFile + " 2>&1 < /dev/null & echo $!";
        return runWrapper(inner);
    }

    @Test
    void quotesEscapesAndVariablesMakeTheWordsDashWouldMake() {
        TestNode.Result r = node.run("X='two words'; printf '[%s]' 'a b' \"c $X\" d\\ e $X \"\" ; echo");
        assertThat(r.out()).isEqualTo("[a b][c two words][d e][two][words][]\n");
        assertThat(r.status()).isZero();
    }

    @Test
    void backslashNewlineContinuesTheCommandLikeTheSourcesInstallCommands() {
        TestNode.Result r = node.root("""
                INSTALL_K3S_VERSION="v1.27.9+k3s1" \\
                INSTALL_K3S_EXEC="server --node-ip 192.168.56.11 --advertise-address 192.168.56.11 --tls-san 192.168.56.11" \\
                /usr/local/bin/k3s-install.sh
                """);
        assertThat(r.status()).isZero();
        Invocation call = node.calls.get(0);
        assertThat(call.argv0()).isEqualTo("k3s-install.sh");
        assertThat(call.env()).containsEntry("INSTALL_K3S_VERSION", "v1.27.9+k3s1")
                .containsEntry("INSTALL_K3S_EXEC",
                        "server --node-ip 192.168.56.11 --advertise-address 192.168.56.11 --tls-san 192.168.56.11");
        assertThat(call.background()).isFalse();
    }

    @Test
    void theRunWrapperRunsTheCommandAsRootWithQuotesIntact() {
        TestNode.Result r = node.run(runWrapper("echo \"it's $(whoami)\"; whoami; echo 'a  b'"));
        assertThat(r.out()).isEqualTo("it's root\nroot\na  b\n");
        assertThat(node.run("whoami").out()).isEqualTo("vagrant\n");
    }

    @Test
    void theBackgroundWrapperHandsTheJobPidToTheProgramAndPrintsIt() {
        node.installK3s();
        TestNode.Result r = node.run(backgroundWrapper(
                "k3s server --node-ip 192.168.56.13 --advertise-address 192.168.56.13", "/tmp/k3s.log"));
        assertThat(r.status()).isZero();
        assertThat(r.err()).isEmpty();
        long pid = Long.parseLong(r.out().trim());
        Invocation call = node.calls.get(0);
        assertThat(call.background()).isTrue();
        assertThat(call.pid()).isEqualTo(pid);
        assertThat(call.argv0()).isEqualTo("k3s");
        assertThat(call.args()).containsExactly("server", "--node-ip", "192.168.56.13", "--advertise-address",
                "192.168.56.13");
        assertThat(node.read("/tmp/k3s.log")).isEqualTo("k3s server --node-ip 192.168.56.13 --advertise-address 192.168.56.13\n");
        assertThat(node.root("pgrep -f 'k3s server'").out()).isEqualTo(pid + "\n");
    }

    @Test
    void anAmpersandJobSetsDollarBangAndTheShellGoesOn() {
        node.installK3s();
        TestNode.Result r = node.root("k3s server --node-ip 192.168.56.13 > /tmp/l 2>&1 & echo started $!; echo $?");
        long pid = node.calls.get(0).pid();
        assertThat(r.out()).isEqualTo("started " + pid + "\n0\n");
        assertThat(node.calls.get(0).background()).isTrue();
    }

    @Test
    void pipelinesFeedEachCommandWhatThePreviousOneWrote() {
        TestNode.Result r = node.run("printf 'a\\nb\\nc\\n' | grep -v b | wc -l");
        assertThat(r.out()).isEqualTo("2\n");
        assertThat(node.run("echo hello | tr a b").err()).contains("not modelled by the emulated lab: tr");
    }

    @Test
    void andOrListsFollowExitStatuses() {
        assertThat(node.run("false && echo no || echo yes").out()).isEqualTo("yes\n");
        assertThat(node.run("true && echo one && false; echo $?").out()).isEqualTo("one\n1\n");
        assertThat(node.run("! false && echo negated").out()).isEqualTo("negated\n");
        assertThat(node.run("false || false").status()).isEqualTo(1);
    }

    @Test
    void redirectionsWriteAppendDiscardAndDuplicate() {
        TestNode.Result r = node.run("echo hi > /tmp/f; echo more >> /tmp/f; cat /tmp/f; ls /nope 2>/dev/null; echo $?;"
                + " ls /nope 2>&1 | cat; cat < /tmp/f > /tmp/g; cat /tmp/g");
        assertThat(r.out()).isEqualTo("hi\nmore\n2\nls: cannot access '/nope': No such file or directory\nhi\nmore\n");
        assertThat(r.err()).isEmpty();
        assertThat(node.run(runWrapper("echo x > /nodir/f")).err())
                .isEqualTo("sh: 1: cannot create /nodir/f: Directory nonexistent\n");
    }

    @Test
    void commandSubstitutionRunsHostnameAndDateOnTheLabClock() {
        TestNode.Result r = node.run("echo \"=== $(date) ===\" on $(hostname)");
        assertThat(r.out()).isEqualTo("=== Sun Feb 22 04:40:00 AM UTC 2026 === on cp-1\n");
        node.clock.advance(Duration.ofDays(7).plusHours(3).plusSeconds(10));
        assertThat(node.run("date").out()).isEqualTo("Sun Mar  1 07:40:10 AM UTC 2026\n");
        assertThat(node.run("date +%Y-%m-%dT%H:%M:%S").out()).isEqualTo("2026-03-01T07:40:10\n");
    }

    @Test
    void missingCommandsAreReportedLikeDashAndBash() {
        TestNode.Result dash = node.run(runWrapper("nosuchcmd --x"));
        assertThat(dash.err()).isEqualTo("sh: 1: nosuchcmd: not found\n");
        assertThat(dash.status()).isEqualTo(127);
        TestNode.Result bash = node.run("nosuchcmd");
        assertThat(bash.err()).isEqualTo("bash: line 1: nosuchcmd: command not found\n");
        assertThat(node.run("sudo nosuchcmd").err()).isEqualTo("sudo: nosuchcmd: command not found\n");
        assertThat(node.run(runWrapper("echo a\nnosuchcmd")).err()).isEqualTo("sh: 2: nosuchcmd: not found\n");
    }

    @Test
    void curlOfTheInstallScriptPipedIntoShRunsTheInstallProgram() {
        TestNode.Result r = node.run(runWrapper("curl -sfL https://get.k3s.io | INSTALL_K3S_VERSION=\"v1.27.9+k3s1\" \\\n"
                + "INSTALL_K3S_EXEC=\"server \\\n--server https://192.168.56.11:6443 \\\n--node-ip 192.168.56.13\" sh -"));
        assertThat(r.status()).isZero();
        Invocation call = node.calls.get(0);
        assertThat(call.env()).containsEntry("INSTALL_K3S_EXEC", "server --server https://192.168.56.11:6443 --node-ip 192.168.56.13");
        assertThat(node.run(runWrapper("curl -sfL https://get.k3s.io -o /tmp/install.sh && sh /tmp/install.sh")).status())
                .isZero();
        assertThat(node.calls).hasSize(2);
    }

    @Test
    void whatIsNotModelledIsRefusedLoudly() {
        assertThat(node.run("vi /etc/hosts").err()).startsWith("not modelled by the emulated lab: interactive program vi");
        assertThat(node.run("vi /etc/hosts").status()).isEqualTo(127);
        assertThat(node.run(runWrapper("reboot")).err()).isEqualTo(
                "not modelled by the emulated lab: reboot from inside the node; use the provider's reboot (vagrant reload)\n");
        assertThat(node.run("while true; do echo x; done").err())
                .startsWith("not modelled by the emulated lab: shell compound command 'while'");
        assertThat(node.run("curl https://example.com").err())
                .isEqualTo("not modelled by the emulated lab: curl https://example.com\n");
        assertThat(node.run("cat <<EOF\nx\nEOF").status()).isEqualTo(127);
        assertThat(node.run("ls --color=auto /").err())
                .isEqualTo("not modelled by the emulated lab: ls option --color=auto\n");
        assertThat(node.run("k3s kubectl get nodes").err()).isEqualTo("bash: line 1: k3s: command not found\n");
    }

    @Test
    void anUnprivilegedUserIsRefusedTheLabsProgramsAndRootsFiles() {
        node.installK3s();
        assertThat(node.run("kubectl get nodes").err())
                .startsWith("not modelled by the emulated lab: running kubectl as user vagrant");
        assertThat(node.run("touch /etc/x").err()).startsWith("not modelled by the emulated lab: file permissions");
        assertThat(node.run("touch /tmp/x && echo ok").out()).isEqualTo("ok\n");
        assertThat(node.run("sudo kubectl get nodes").out()).isEqualTo("kubectl get nodes\n");
    }

    @Test
    void syntaxErrorsAreReportedWithStatusTwo() {
        TestNode.Result r = node.run(runWrapper("echo 'unterminated"));
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("sh: 1: Syntax error: Unterminated quoted string\n");
        assertThat(node.run("echo a && && b").status()).isEqualTo(2);
    }

    @Test
    void sleepMovesTheLabClockInsteadOfWaiting() {
        long wall = System.nanoTime();
        node.run("sleep 300; sleep 1m");
        assertThat(node.now()).isEqualTo(TestNode.START.plusSeconds(360));
        assertThat(Duration.ofNanos(System.nanoTime() - wall)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void exportEnvAndSetMinusEAreHonoured() {
        assertThat(node.run("export A=1; B=2; env | grep -E '^(A|B)='").out()).isEqualTo("A=1\n");
        assertThat(node.run("set -e; false; echo not-reached").out()).isEmpty();
        assertThat(node.run("set -e; false || true; echo reached").out()).isEqualTo("reached\n");
        assertThat(node.run("exit 3; echo no").status()).isEqualTo(3);
        assertThat(node.run("echo ${UNSET:-fallback} ${HOME}").out()).isEqualTo("fallback /home/vagrant\n");
    }

    @Test
    void absoluteSymlinksResolveInsideTheNodeDiskNeverOnTheHost() {
        node.write("/etc/systemd/system/k3s.service", "[Unit]\n");
        node.root("mkdir -p /etc/systemd/system/multi-user.target.wants && "
                + "ln -s /etc/systemd/system/k3s.service /etc/systemd/system/multi-user.target.wants/k3s.service");
        assertThat(node.root("cat /etc/systemd/system/multi-user.target.wants/k3s.service").out()).isEqualTo("[Unit]\n");
        assertThat(node.root("readlink -f /etc/systemd/system/multi-user.target.wants/k3s.service").out())
                .isEqualTo("/etc/systemd/system/k3s.service\n");
        assertThat(node.root("cat ../../../../../etc/hostname").err()).contains("No such file or directory");
    }

    @Test
    void globsExpandAgainstTheNodeDisk() {
        node.write("/etc/rancher/a.yaml", "a");
        node.write("/etc/rancher/b.yaml", "b");
        assertThat(node.root("echo /etc/rancher/*.yaml").out()).isEqualTo("/etc/rancher/a.yaml /etc/rancher/b.yaml\n");
        assertThat(node.root("echo /etc/rancher/*.none").out()).isEqualTo("/etc/rancher/*.none\n");
        assertThat(node.root("echo '/etc/rancher/*.yaml'").out()).isEqualTo("/etc/rancher/*.yaml\n");
    }
}
