package dev.k3slab.observe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;

/** How kubectl tables and JSON are read, and how unreadable ones are reported. */
class KubectlNodesTest {
    private static final String ALIGNED = """
            NAME   STATUS     ROLES                       AGE   VERSION
            cp-1   Ready      control-plane,etcd,master   23m   v1.27.9+k3s1
            cp-3   NotReady   control-plane,etcd,master   17s   v1.27.9+k3s1
            """;

    @Test
    void readsColumnsByHeaderNameWhateverTheirOrder() {
        String reordered = """
                VERSION        NAME   AGE   ROLES    STATUS   ZONE
                v1.27.9+k3s1   w-1    15m   <none>   Ready    lab a
                """;
        assertThat(Parsers.kubectlNodes(reordered)).singleElement().satisfies(r -> {
            assertThat(r.name()).isEqualTo("w-1");
            assertThat(r.roles()).isEmpty();
            assertThat(r.ageSeconds()).isEqualTo(900);
        });
    }

    @Test
    void aRowOutOfLineWithTheHeaderIsRejectedWithItsLineNumberAndText() {
        String shifted = ALIGNED.replace("cp-3   NotReady", "cp-3  NotReady ");
        ParseException e = catchThrowableOfType(ParseException.class, () -> Parsers.kubectlNodes(shifted));
        assertThat(e.lineNumber()).isEqualTo(3);
        assertThat(e.line()).startsWith("cp-3  NotReady");
        assertThat(e.format()).isEqualTo("kubectl get nodes");
        assertThat(e.getMessage()).contains("line 3", "STATUS", "'cp-3  NotReady");
    }

    @Test
    void anAgeKubectlWouldNotPrintIsRejected() {
        assertThatThrownBy(() -> Parsers.kubectlNodes(ALIGNED.replace("17s", "17x")))
                .isInstanceOf(ParseException.class).hasMessageContaining("line 3").hasMessageContaining("AGE '17x'");
    }

    @Test
    void aCollapsedRowWithTooFewCellsSaysHowManyItExpected() {
        String text = "NAME STATUS ROLES AGE VERSION\ncp-1 Ready control-plane,master 14m\n";
        assertThatThrownBy(() -> Parsers.kubectlNodes(text)).isInstanceOf(ParseException.class)
                .hasMessageContaining("line 2").hasMessageContaining("expected 5 cells (NAME STATUS ROLES AGE VERSION), found 4");
    }

    @Test
    void onlyOsImageMayHoldSpacesInTheCollapsedForm() {
        String text = "NAME STATUS ROLES AGE VERSION\ncp-1 Ready control-plane,master 14m v1 extra\n";
        assertThatThrownBy(() -> Parsers.kubectlNodes(text)).isInstanceOf(ParseException.class).hasMessageContaining("found 6");
    }

    @Test
    void aWideHeaderMissingAColumnIsRejected() {
        String text = "NAME STATUS ROLES AGE VERSION INTERNAL-IP OS-IMAGE\n";
        assertThatThrownBy(() -> Parsers.kubectlNodes(text)).isInstanceOf(ParseException.class)
                .hasMessageContaining("kubectl get nodes -o wide").hasMessageContaining("no EXTERNAL-IP column");
    }

    @Test
    void noHeaderNoTable() {
        assertThatThrownBy(() -> Parsers.kubectlNodes("cp-1 Ready <none> 3m v1\n")).isInstanceOf(ParseException.class)
                .hasMessageContaining("expected the header line");
        ParseException empty = catchThrowableOfType(ParseException.class, () -> Parsers.kubectlNodes("\n  \n"));
        assertThat(empty.lineNumber()).isZero();
        assertThat(empty.getMessage()).contains("no output");
    }

    @Test
    void noResourcesFoundIsAnEmptyList_andAHeaderAloneToo() {
        assertThat(Parsers.kubectlNodes("No resources found\n")).isEmpty();
        assertThat(Parsers.kubectlNodes("NAME   STATUS   ROLES   AGE   VERSION\n")).isEmpty();
    }

    @Test
    void statusMayCarrySchedulingDisabled_andOtherStatusesAreRejected() {
        String cordoned = "NAME STATUS ROLES AGE VERSION\nw-1 Ready,SchedulingDisabled <none> 2d3h v1\n";
        assertThat(Parsers.kubectlNodes(cordoned).get(0).ready()).isTrue();
        assertThat(Parsers.kubectlNodes(cordoned).get(0).ageSeconds()).isEqualTo(2 * 86400 + 3 * 3600);
        assertThatThrownBy(() -> Parsers.kubectlNodes(cordoned.replace("Ready,", "Readyish,")))
                .isInstanceOf(ParseException.class).hasMessageContaining("STATUS 'Readyish,SchedulingDisabled'");
    }

    @Test
    void jsonSyntaxErrorsGiveTheLineOfTheError() {
        String broken = "{\n  \"kind\": \"List\",\n  \"items\": [\n    {\"metadata\": }\n  ]\n}\n";
        ParseException e = catchThrowableOfType(ParseException.class, () -> Parsers.kubectlNodes(broken));
        assertThat(e.format()).isEqualTo("kubectl get nodes -o json");
        assertThat(e.lineNumber()).isEqualTo(4);
        assertThat(e.line()).contains("\"metadata\": }");
    }

    @Test
    void aJsonNodeWithoutANameIsReportedAtTheLineItStarts() {
        String json = """
                {"kind": "List", "items": [
                  {"metadata": {"name": "cp-1", "creationTimestamp": "2026-02-22T04:51:30Z"}},
                  {"metadata": {"creationTimestamp": "2026-02-22T04:51:30Z"}}
                ]}
                """;
        ParseException e = catchThrowableOfType(ParseException.class, () -> Parsers.kubectlNodes(json));
        assertThat(e.lineNumber()).isEqualTo(3);
        assertThat(e.getMessage()).contains("items[1]: metadata.name is missing");
    }

    @Test
    void jsonRolesFollowKubectlsRules() {
        String json = """
                {"kind": "Node", "metadata": {"name": "n", "creationTimestamp": "2026-02-22T04:51:30Z",
                  "labels": {"node-role.kubernetes.io/worker": "", "node-role.kubernetes.io/": "x",
                             "kubernetes.io/role": "edge", "node-role.kubernetes.io/control-plane": "false"}},
                 "status": {"conditions": [{"type": "Ready", "status": "False"}],
                            "addresses": [{"type": "ExternalIP", "address": "203.0.113.9"}]}}
                """;
        NodeRow r = Parsers.kubectlNodes(json).get(0);
        assertThat(r.roles()).containsExactly("control-plane", "edge", "worker");
        assertThat(r.status()).isEqualTo("NotReady");
        assertThat(r.externalIp()).isEqualTo("203.0.113.9");
        assertThat(r.internalIp()).isNull();
        assertThat(r.osImage()).isEqualTo("<unknown>");
        assertThat(r.age()).isEqualTo("0s");
    }

    @Test
    void aNodeWithoutConditionsIsUnknown_andAnEmptyListIsEmpty() {
        String json = "{\"kind\":\"Node\",\"metadata\":{\"name\":\"n\",\"creationTimestamp\":\"2026-02-22T04:51:30Z\"}}";
        assertThat(Parsers.kubectlNodes(json).get(0).status()).isEqualTo("Unknown");
        assertThat(Parsers.kubectlNodes("{\"apiVersion\":\"v1\",\"items\":[],\"kind\":\"List\"}")).isEmpty();
        assertThatThrownBy(() -> Parsers.kubectlNodes("{\"kind\":\"Pod\"}")).isInstanceOf(ParseException.class)
                .hasMessageContaining("expected a List with items or a single Node");
    }
}
