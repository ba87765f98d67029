package dev.k3slab.machine;

import dev.k3slab.topology.LabNode;
import dev.k3slab.topology.Role;
import dev.k3slab.topology.Topology;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TeardownAdviceTest {

    final Topology lab = new Topology("bento/ubuntu-22.04", "192.168.56", "v1.27.9+k3s1", "v3.5.11", "k3s-splitbrain-", List.of(
            new LabNode("cp-1", "192.168.56.11", Role.SERVER, 2, 2048),
            new LabNode("cp-3", "192.168.56.13", Role.SERVER, 2, 2048),
            new LabNode("w-1", "192.168.56.21", Role.AGENT, 2, 2048)));

    @Test
    void theDefaultKeepsAFailedRunsMachinesAndDestroysAPassedRuns() {
        assertThat(DestroyPolicy.DEFAULT).isEqualTo(DestroyPolicy.ON_SUCCESS);
        assertThat(DestroyPolicy.ON_SUCCESS.destroyAfter(false)).isFalse();
        assertThat(DestroyPolicy.ON_SUCCESS.destroyAfter(true)).isTrue();
        assertThat(DestroyPolicy.ALWAYS.destroyAfter(false)).isTrue();
        assertThat(DestroyPolicy.NEVER.destroyAfter(true)).isFalse();
    }

    @Test
    void policiesAreSpelledAsOnTheCommandLine() {
        assertThat(DestroyPolicy.parse("on-success")).isEqualTo(DestroyPolicy.ON_SUCCESS);
        assertThat(DestroyPolicy.ALWAYS.word()).isEqualTo("always");
        assertThatThrownBy(() -> DestroyPolicy.parse("sometimes"))
                .hasMessage("unknown destroy policy 'sometimes'; allowed: always, never, on-success");
    }

    @Test
    void keptMachinesComeWithTheCommandsToLookInsideAndToCleanUp() {
        TeardownAdvice advice = TeardownAdvice.decide(lab, Path.of("vagrant"), DestroyPolicy.DEFAULT, false, "cp-3");
        assertThat(advice.destroy()).isFalse();
        assertThat(advice.lines()).containsExactly(
                "The run failed; the lab's machines were left as they are (--destroy on-success): k3s-splitbrain-cp-1, k3s-splitbrain-cp-3, k3s-splitbrain-w-1",
                "Look inside:  cd vagrant && vagrant ssh cp-3",
                "K3s log:      cd vagrant && vagrant ssh cp-3 -c 'sudo journalctl -u k3s --no-pager | tail -n 200'",
                "Clean up:     ./lab down");
    }

    @Test
    void withoutAKnownNodeTheAdvicePointsAtTheFirstServerAndAgentsGetTheirOwnUnit() {
        assertThat(TeardownAdvice.decide(lab, Path.of("vagrant"), DestroyPolicy.NEVER, true, null).lines())
                .contains("Look inside:  cd vagrant && vagrant ssh cp-1");
        assertThat(TeardownAdvice.decide(lab, Path.of("vagrant"), DestroyPolicy.NEVER, true, "w-1").lines())
                .anySatisfy(l -> assertThat(l).contains("journalctl -u k3s-agent"));
    }

    @Test
    void destroyedMachinesAreAnnouncedWithThePolicy() {
        TeardownAdvice advice = TeardownAdvice.decide(lab, Path.of("vagrant"), DestroyPolicy.ALWAYS, false, "cp-3");
        assertThat(advice.destroy()).isTrue();
        assertThat(advice.lines()).containsExactly("The run failed; destroying its machines (--destroy always).");
    }
}
