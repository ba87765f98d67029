package dev.k3slab.check;

import static dev.k3slab.check.Obs.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.k3slab.observe.DbLayout;
import dev.k3slab.record.Verdict;
import org.junit.jupiter.api.Test;

class JudgesTest {

    private static final String[] CLUSTER = {"cp-1 Ready control-plane,etcd,master 79m 4740",
            "cp-2 Ready control-plane,etcd,master 59m 3540", "cp-3 Ready control-plane,etcd,master 56m 3360",
            "w-1 Ready <none> 71m 4260", "w-2 Ready <none> 64m 3840"};

    @Test
    void aNodeThatSeesTheSameNodesAndNodeObjectsIsNoSplitBrain() {
        Obs obs = new Obs().add(Obs.nodes("outside", "cp-1", T0, CLUSTER)).add(Obs.nodes("inside", "cp-3", T0.plusSeconds(3), CLUSTER));
        SplitBrainJudge.Judgement j = SplitBrainJudge.judge(new SplitBrainSpec("one cluster", "cp-3", "inside", "outside",
                null, null, false, null), obs);
        assertThat(j.check().verdict()).isEqualTo(Verdict.PASS);
        assertThat(j.row().splitBrain()).isFalse();
        assertThat(j.row().ageKept()).isTrue();
        assertThat(j.row().visibleNodes()).hasSize(5);
    }

    @Test
    void aNodeThatSeesOnlyItselfWithANewNodeObjectIsSplitBrain() {
        Obs obs = new Obs().add(Obs.nodes("outside", "cp-1", T0, CLUSTER))
                .add(Obs.nodes("inside", "cp-3", T0.plusSeconds(3), "cp-3 Ready control-plane,master 30s 30"))
                .add(Obs.layout("db", DbLayout.SQLITE, "db/state.db"));
        SplitBrainJudge.Judgement j = SplitBrainJudge.judge(new SplitBrainSpec("two clusters", "cp-3", "inside", "outside",
                null, "db", true, null), obs);
        assertThat(j.check().verdict()).isEqualTo(Verdict.PASS);
        assertThat(j.row()).extracting("roles", "age", "ageKept", "datastore", "splitBrain")
                .containsExactly("control-plane,master", "30s", false, DbLayout.SQLITE, true);
        SplitBrainJudge.Judgement wrong = SplitBrainJudge.judge(new SplitBrainSpec("one?", "cp-3", "inside", "outside",
                null, "db", false, null), obs);
        assertThat(wrong.check().verdict()).isEqualTo(Verdict.FAIL);
        assertThat(wrong.check().evidence()).contains("names [cp-3] against [cp-1, cp-2, cp-3, w-1, w-2]");
    }

    @Test
    void bootCasesAreDerivedFromObservationsNotFromExpectations() {
        Obs obs = new Obs().add(Obs.nodes("inside", "cp-3", T0, CLUSTER))
                .add(Obs.members("before", "cp-1", "cp-3-950e9061 5b9b4cb496c89f6 false"))
                .add(Obs.members("after", "cp-1", "cp-3-950e9061 5b9b4cb496c89f6 false"))
                .add(Obs.members("rejoin", "cp-1", "cp-3-d782f9b7 c8f6b8d5b2608446 false"));
        BootCaseJudge.Judgement rejoined = BootCaseJudge.judge(new BootCaseSpec("4a", BootCaseSpec.Command.NO_JOIN_FLAGS,
                true, "cp-3", "inside", null, null, "after", "before", BootOutcome.REJOINED), obs, "4a");
        assertThat(rejoined.row().outcome()).isEqualTo("rejoined as the existing member");
        assertThat(rejoined.check().verdict()).isEqualTo(Verdict.PASS);
        BootCaseJudge.Judgement joined = BootCaseJudge.judge(new BootCaseSpec("5c", BootCaseSpec.Command.SERVER_AND_TOKEN,
                false, "cp-3", "inside", null, null, "rejoin", "before", BootOutcome.REJOINED), obs, "5c");
        assertThat(joined.row().outcome()).isEqualTo("joined as a new member");
        assertThat(joined.check().verdict()).isEqualTo(Verdict.FAIL);
    }

    @Test
    void aBootCaseWithoutExpectationOnlyFillsTheMatrix() {
        Obs obs = new Obs().add(Obs.nodes("inside", "cp-3", T0, "cp-3 NotReady control-plane,master 10m 600"))
                .add(Obs.layout("db", DbLayout.SQLITE, "db/state.db"));
        BootCaseJudge.Judgement j = BootCaseJudge.judge(new BootCaseSpec("4c", BootCaseSpec.Command.NO_JOIN_FLAGS,
                false, "cp-3", "inside", null, "db", null, null, null), obs, "4c");
        assertThat(j.check()).isNull();
        assertThat(j.row()).extracting("command", "etcdDataPresent", "outcome")
                .containsExactly("no-join-flags", false, "started a new single-node SQLite cluster");
    }
}
