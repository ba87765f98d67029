package dev.k3slab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

/** {@code ./lab parse}: one JSON document per input, the contract's field names, exit 2 on unreadable input. */
class ParseCommandTest {
    private static final Path RECORDED = Path.of("src/test/resources/recorded");
    private static final ObjectMapper JSON = new ObjectMapper();

    private record Run(int exit, String out, String err) {
        JsonNode json() throws IOException {
            return JSON.readTree(out);
        }
    }

    private static Run lab(Object command, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = new CommandLine(command).setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    private static Run lab(String... args) {
        return lab(new LabCommand(), args);
    }

    private static List<String> fields(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
            "kubectl-nodes | kubectl/exp2-cp1-wide-three-servers.txt | name,status,roles,age,ageSeconds,version,internalIp,externalIp",
            "kubectl-nodes | kubectl/constructed-exp5a-cp1-nodes.json | name,status,roles,age,ageSeconds,version,internalIp,externalIp",
            "etcd-members  | etcdctl/exp2-cp1-member-list.txt | id,status,name,peerUrls,clientUrls,learner",
            "etcd-members  | etcdctl/constructed-exp2-cp1-member-list.json | id,status,name,peerUrls,clientUrls,learner",
            "etcd-status   | etcdctl/exp2-cp1-endpoint-status.txt | endpoint,id,version,leader,learner,raftTerm,raftIndex",
            "etcd-status   | etcdctl/constructed-exp2-cp1-endpoint-status.json | endpoint,id,version,leader,learner,raftTerm,raftIndex",
            "etcd-health   | etcdctl/exp5a-cp1-endpoint-health.txt | endpoint,healthy",
            "etcd-health   | etcdctl/constructed-exp5a-cp1-endpoint-health.json | endpoint,healthy",
            "ls            | ls/exp4b-cp3-db.txt | name,type,mode,size",
            "vagrant-status | vagrant/status-two-poweroff.reference.txt | machine,provider,state",
            "ssh-config    | vagrant/ssh-config-default.reference.txt | host,hostName,user,port,identityFile"})
    void printsAnArrayWithTheContractsFieldsForTableAndJsonAlike(String kind, String fixture, String contract) throws IOException {
        Run run = lab("parse", kind, RECORDED.resolve(fixture).toString());
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.err()).isEmpty();
        JsonNode doc = run.json();
        assertThat(doc.isArray()).isTrue();
        assertThat(doc).isNotEmpty().allSatisfy(row -> assertThat(fields(row)).contains(contract.split(",")));
    }

    @Test
    void tableAndJsonOfTheSameMembersPrintTheSameDocument() throws IOException {
        assertThat(lab("parse", "etcd-members", RECORDED.resolve("etcdctl/constructed-exp2-cp1-member-list.json").toString()).json())
                .isEqualTo(lab("parse", "etcd-members", RECORDED.resolve("etcdctl/exp2-cp1-member-list.txt").toString()).json());
    }

    @Test
    void nodeRowsShowRolesAsAnArrayAndNoneAsNull() throws IOException {
        JsonNode w1 = lab("parse", "kubectl-nodes", RECORDED.resolve("kubectl/exp2-cp1-wide-three-servers.txt").toString()).json().get(3);
        assertThat(w1.get("name").asText()).isEqualTo("w-1");
        assertThat(w1.get("roles").isArray()).isTrue();
        assertThat(w1.get("roles")).isEmpty();
        assertThat(w1.get("age").asText()).isEqualTo("15m");
        assertThat(w1.get("ageSeconds").asLong()).isEqualTo(900);
        assertThat(w1.get("externalIp").isNull()).isTrue();
        assertThat(w1.get("osImage").asText()).isEqualTo("Ubuntu 22.04.5 LTS");
    }

    @Test
    void unreadableInputExitsTwoWithOneMessageNamingTheLine() {
        String text = "NAME STATUS ROLES AGE VERSION\ncp-1 Ready <none> 3q v1.27.9+k3s1\n";
        Run run = lab(new ParseCommand(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8))), "kubectl-nodes");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err().lines()).singleElement().asString()
                .contains("<stdin>", "kubectl get nodes", "line 2", "'cp-1 Ready <none> 3q v1.27.9+k3s1'");
    }

    @Test
    void readsStandardInputWhenNoFileOrADashIsGiven() throws IOException {
        byte[] text = Files.readAllBytes(RECORDED.resolve("kubectl/exp4b-cp3-wide.txt"));
        for (String[] args : List.of(new String[] {"kubectl-nodes"}, new String[] {"kubectl-nodes", "-"})) {
            Run run = lab(new ParseCommand(new ByteArrayInputStream(text)), args);
            assertThat(run.exit()).isZero();
            assertThat(run.json().get(0).get("roles").toString()).isEqualTo("[\"control-plane\",\"master\"]");
        }
    }

    @Test
    void theUnitShowsItsWordsAndJoinFlagsWithTheTokenMasked(@TempDir Path dir) throws IOException {
        Path unit = dir.resolve("k3s.service");
        Files.writeString(unit, "[Service]\nExecStart=/usr/local/bin/k3s server --server https://192.168.56.11:6443 --token s3cret\n");
        Run run = lab("parse", "unit", unit.toString());
        assertThat(run.exit()).isZero();
        assertThat(run.out()).doesNotContain("s3cret");
        JsonNode doc = run.json();
        assertThat(doc.get("execStart").toString())
                .isEqualTo("[\"server\",\"--server\",\"https://192.168.56.11:6443\",\"--token\",\"********\"]");
        assertThat(doc.get("joinFlags").get("joins").asBoolean()).isTrue();
    }

    @Test
    void theEnvFileDecidesJoinFlagsTooAndItsTokenIsMasked() throws IOException {
        Run run = lab("parse", "unit", RECORDED.resolve("systemd/exp3a-cp2-execstart-after.txt").toString(),
                "--env", RECORDED.resolve("systemd/constructed-env-url-and-token.service.env").toString());
        assertThat(run.json().get("joinFlags").get("server").asText()).isEqualTo("https://192.168.56.11:6443");
        Run env = lab("parse", "env-file", RECORDED.resolve("systemd/constructed-env-url-and-token.service.env").toString());
        assertThat(env.out()).doesNotContain("96039607a727f087dece9a9fffa1f0bf").contains("\"K3S_TOKEN\" : \"********\"");
    }

    @Test
    void aTimedOutEndpointIsAnEmptyListAndANoteNotAnError() throws IOException {
        Run run = lab("parse", "etcd-status", RECORDED.resolve("etcdctl/exp4b-cp3-endpoint-status-failed.txt").toString());
        assertThat(run.exit()).isZero();
        assertThat(run.json()).isEmpty();
        assertThat(run.err()).contains("etcd did not answer at 127.0.0.1:2379");
    }

    @Test
    void anUnknownKindIsAUsageError_andAMissingFileExitsOne() {
        Run unknown = lab("parse", "nodes", "x");
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.err()).contains("Unknown kind 'nodes'", "kubectl-nodes");
        Run missing = lab("parse", "ls", "/no/such/file");
        assertThat(missing.exit()).isEqualTo(1);
        assertThat(missing.err()).contains("/no/such/file", "no such file");
    }

    @Test
    void theParseBenchmarkPrintsItsFigures() {
        Run run = lab("bench", "parse", "--warmup", "1", "--iterations", "3");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("rows/s", "MB/s", "kubectl get nodes -o wide, aligned", "etcdctl member list -w table");
        assertThat(run.out().lines().filter(l -> l.matches(".*\\s1000\\s.*|.*\\s100\\s.*"))).hasSize(3);
    }

    @Test
    void vagrantStatusGivesEachMachineWithItsProviderAndState() throws IOException {
        Run run = lab("parse", "vagrant-status", RECORDED.resolve("vagrant/status-two-poweroff.reference.txt").toString());
        assertThat(run.exit()).isZero();
        JsonNode machines = run.json();
        assertThat(machines).hasSize(2);
        assertThat(machines.get(0).get("machine").asText()).isEqualTo("one");
        assertThat(machines.get(0).get("provider").asText()).isEqualTo("virtualbox");
        assertThat(machines.get(0).get("state").asText()).isEqualTo("poweroff");
    }

    @Test
    void aVagrantErrorExitRecordIsUnreadableInputNamingTheError() {
        Run run = lab("parse", "vagrant-status", RECORDED.resolve("vagrant/status-virtualbox-not-usable.vagrant-2.3.4.txt").toString());
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("lab parse vagrant-status").contains("ProviderNotUsable");
    }

    @Test
    void sshConfigGivesHostPortUserAndKey() throws IOException {
        Run run = lab("parse", "ssh-config", RECORDED.resolve("vagrant/ssh-config-default.reference.txt").toString());
        assertThat(run.exit()).isZero();
        JsonNode host = run.json().get(0);
        assertThat(host.get("hostName").asText()).isEqualTo("127.0.0.1");
        assertThat(host.get("port").asInt()).isEqualTo(2222);
        assertThat(host.get("user").asText()).isEqualTo("vagrant");
    }
}
