package dev.k3slab.check;

import static dev.k3slab.check.Obs.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.k3slab.record.Verdict;
import org.junit.jupiter.api.Test;

class ConditionTest {

    @Test
    void everyFormIsReadFromItsSentence() {
        assertThat(Condition.parse("node cp-3 Ready from cp-1")).get()
                .extracting("form", "subject", "state", "from").containsExactly(Condition.Form.NODE, "cp-3", "Ready", "cp-1");
        assertThat(Condition.parse("3  voters from cp-1")).get()
                .extracting("form", "subject", "from").containsExactly(Condition.Form.VOTERS, "3", "cp-1");
        assertThat(Condition.parse("apiserver refused from cp-3")).get()
                .extracting("form", "subject", "state").containsExactly(Condition.Form.APISERVER, null, "refused");
        assertThat(Condition.parse("member cp-3 learner from cp-1").orElseThrow().nodes()).containsExactly("cp-3", "cp-1");
    }

    @Test
    void aSentenceOfNoFormIsRejected() {
        assertThat(Condition.parse("cp-3 is ready")).isEmpty();
        assertThat(Condition.parse("node cp-3 Running from cp-1")).isEmpty();
        assertThat(Condition.shapes()).contains("node <node> Ready|NotReady|listed|absent from <node>");
    }

    @Test
    void conditionsHoldOnlyWhenTheFreshObservationShowsThem() {
        var nodes = Obs.nodes("poll", "cp-1", T0, "cp-1 Ready control-plane,etcd,master 77m 4620",
                "cp-3 NotReady control-plane,etcd,master 54m 3240");
        assertThat(ConditionEvaluator.test(Condition.parse("node cp-3 NotReady from cp-1").orElseThrow(), nodes).verdict())
                .isEqualTo(Verdict.PASS);
        assertThat(ConditionEvaluator.test(Condition.parse("node cp-3 Ready from cp-1").orElseThrow(), nodes).verdict())
                .isEqualTo(Verdict.FAIL);
        assertThat(ConditionEvaluator.test(Condition.parse("2 nodes Ready from cp-1").orElseThrow(), nodes).verdict())
                .isEqualTo(Verdict.FAIL);
        assertThat(ConditionEvaluator.test(Condition.parse("node cp-3 Ready from cp-1").orElseThrow(),
                Obs.broken("poll", "nodes", "cp-1")).verdict()).isEqualTo(Verdict.UNKNOWN);
        assertThat(ConditionEvaluator.test(Condition.parse("apiserver refused from cp-3").orElseThrow(),
                Obs.refused("poll", "cp-3", T0)).verdict()).isEqualTo(Verdict.PASS);
    }
}
