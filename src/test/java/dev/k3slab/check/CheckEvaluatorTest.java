package dev.k3slab.check;

import static dev.k3slab.check.Obs.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.k3slab.observe.DbLayout;
import dev.k3slab.record.CheckRecord;
import dev.k3slab.record.Verdict;
import java.util.List;
import org.junit.jupiter.api.Test;

class CheckEvaluatorTest {

    private static CheckSpec spec(Relation r, String node, String in, String earlier, String later, String is) {
        return new CheckSpec("a check", r, node, in, earlier, later, is, null, null, null, null, null);
    }

    // 4b: cp-1 before (AGE 77m), cp-3 after from inside (AGE 30s, ~3 minutes later)
    private final Obs fourB = new Obs()
            .add(Obs.nodes("before", "cp-1", T0, "cp-1 Ready control-plane,etcd,master 100m 6000",
                    "cp-3 NotReady control-plane,etcd,master 77m 4620"))
            .add(Obs.nodes("inside", "cp-3", T0.plusSeconds(180), "cp-3 Ready control-plane,master 30s 30"))
            .add(Obs.nodes("outside", "cp-1", T0.plusSeconds(240), "cp-1 Ready control-plane,etcd,master 104m 6240",
                    "cp-3 NotReady control-plane,etcd,master 81m 4860"));

    @Test
    void aNodeObjectCreatedAfterTheEarlierReadingHasANewAge() {
        assertThat(CheckEvaluator.evaluate(spec(Relation.AGE_NEW, "cp-3", null, "before", "inside", null), fourB).verdict())
                .isEqualTo(Verdict.PASS);
        assertThat(CheckEvaluator.evaluate(spec(Relation.AGE_KEPT, "cp-3", null, "before", "inside", null), fourB).verdict())
                .isEqualTo(Verdict.FAIL);
    }

    @Test
    void theSameNodeObjectReadMinutesLaterKeepsItsAgeThoughTheFiguresDiffer() {
        CheckRecord kept = CheckEvaluator.evaluate(spec(Relation.AGE_KEPT, "cp-3", null, "before", "outside", null), fourB);
        assertThat(kept.verdict()).isEqualTo(Verdict.PASS);
        assertThat(CheckEvaluator.evaluate(spec(Relation.AGE_NEW, "cp-3", null, "before", "outside", null), fourB).verdict())
                .isEqualTo(Verdict.FAIL);
    }

    @Test
    void aFailedCheckCarriesExpectedAndObservedValuesAsEvidence() {
        CheckRecord r = CheckEvaluator.evaluate(spec(Relation.ROLES_IS, "cp-3", "inside", null, null, "control-plane,etcd,master"), fourB);
        assertThat(r.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(r.observed()).contains("'control-plane,master'");
        assertThat(r.evidence()).contains("expected: cp-3 ROLES control-plane,etcd,master")
                .contains("observation 'inside': nodes from cp-3");
    }

    @Test
    void aMissingObservationMakesTheCheckUnknownNotFailed() {
        CheckRecord r = CheckEvaluator.evaluate(spec(Relation.STATUS_IS, "cp-3", "never-made", null, null, "Ready"), fourB);
        assertThat(r.verdict()).isEqualTo(Verdict.UNKNOWN);
        assertThat(r.observed()).contains("'never-made' was not made in this run");
    }

    @Test
    void anObservationWithoutExitStatusMakesTheCheckUnknown() {
        Obs obs = new Obs().add(Obs.broken("inside", "nodes", "cp-3"));
        CheckRecord r = CheckEvaluator.evaluate(spec(Relation.STATUS_IS, "cp-3", "inside", null, null, "Ready"), obs);
        assertThat(r.verdict()).isEqualTo(Verdict.UNKNOWN);
        assertThat(r.observed()).contains("no exit status received");
    }

    @Test
    void aRefusedApiserverIsAnObservationThatChecksUse() {
        Obs obs = new Obs().add(Obs.refused("cp3-down", "cp-3", T0));
        assertThat(CheckEvaluator.evaluate(spec(Relation.APISERVER_REFUSED, null, "cp3-down", null, null, null), obs).verdict())
                .isEqualTo(Verdict.PASS);
        assertThat(CheckEvaluator.evaluate(spec(Relation.NODE_PRESENT, "cp-3", "cp3-down", null, null, null), obs).verdict())
                .isEqualTo(Verdict.FAIL);
    }

    @Test
    void nodesVisibleComparesTheExactSetOfNames() {
        CheckSpec onlyCp3 = new CheckSpec("only cp-3", Relation.NODES_VISIBLE, null, "inside", null, null, null, null,
                List.of("cp-3"), null, null, null);
        assertThat(CheckEvaluator.evaluate(onlyCp3, fourB).verdict()).isEqualTo(Verdict.PASS);
        CheckSpec two = new CheckSpec("two", Relation.NODES_VISIBLE, null, "outside", null, null, null, null,
                List.of("cp-3"), null, null, null);
        assertThat(CheckEvaluator.evaluate(two, fourB).verdict()).isEqualTo(Verdict.FAIL);
    }

    @Test
    void nodesDifferWhenTheReturningNodeIsAnotherNodeObject() {
        Obs obs = new Obs()
                .add(Obs.nodes("a", "cp-1", T0, "cp-1 Ready control-plane,etcd,master 91m 5460", "cp-3 Ready control-plane,etcd,master 68m 4080"))
                .add(Obs.nodes("b", "cp-3", T0.plusSeconds(2), "cp-1 Ready control-plane,etcd,master 91m 5460", "cp-3 Ready control-plane,etcd,master 68m 4080"))
                .add(Obs.nodes("c", "cp-3", T0.plusSeconds(2), "cp-1 Ready control-plane,etcd,master 91m 5460", "cp-3 Ready control-plane,etcd,master 20s 20"));
        assertThat(CheckEvaluator.evaluate(spec(Relation.NODES_EQUAL, null, null, "a", "b", null), obs).verdict()).isEqualTo(Verdict.PASS);
        CheckRecord differ = CheckEvaluator.evaluate(spec(Relation.NODES_DIFFERENT, null, null, "a", "c", null), obs);
        assertThat(differ.verdict()).isEqualTo(Verdict.PASS);
        assertThat(differ.observed()).contains("cp-3 AGE '68m' against '20s'");
    }

    @Test
    void memberIdsAreComparedAgainstAnEarlierObservation() {
        Obs obs = new Obs()
                .add(Obs.members("before", "cp-1", "cp-3-950e9061 5b9b4cb496c89f6 false", "cp-1-e3e31a90 bf624c9e82dced96 false"))
                .add(Obs.members("rejoined", "cp-1", "cp-3-950e9061 5b9b4cb496c89f6 false", "cp-1-e3e31a90 bf624c9e82dced96 false"))
                .add(Obs.members("learner", "cp-1", "cp-3-d782f9b7 c8f6b8d5b2608446 true", "cp-1-e3e31a90 bf624c9e82dced96 false"));
        CheckSpec same = new CheckSpec("same id", Relation.MEMBER_VOTER, "cp-3", "rejoined", null, null, null, null, null, "before", null, null);
        CheckSpec newId = new CheckSpec("new id", Relation.MEMBER_LEARNER, "cp-3", "learner", null, null, null, null, null, null, "before", null);
        CheckSpec wrong = new CheckSpec("same id", Relation.MEMBER_LEARNER, "cp-3", "learner", null, null, null, null, null, "before", null, null);
        assertThat(CheckEvaluator.evaluate(same, obs).verdict()).isEqualTo(Verdict.PASS);
        assertThat(CheckEvaluator.evaluate(newId, obs).verdict()).isEqualTo(Verdict.PASS);
        CheckRecord failed = CheckEvaluator.evaluate(wrong, obs);
        assertThat(failed.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(failed.observed()).contains("c8f6b8d5b2608446").contains("ID 5b9b4cb496c89f6 in before");
    }

    @Test
    void raftTermsAreComparedNotMatchedToTheSourceFigures() {
        Obs obs = new Obs().add(Obs.status("s1", "cp-1", 7, false)).add(Obs.status("s3", "cp-3", 7, false))
                .add(Obs.status("later", "cp-1", 9, true)).add(Obs.statusUnavailable("gone", "cp-3"));
        assertThat(CheckEvaluator.evaluate(spec(Relation.TERM_EQUAL, null, null, "s1", "s3", null), obs).verdict()).isEqualTo(Verdict.PASS);
        assertThat(CheckEvaluator.evaluate(spec(Relation.TERM_RISEN, null, null, "s1", "later", null), obs).verdict()).isEqualTo(Verdict.PASS);
        assertThat(CheckEvaluator.evaluate(spec(Relation.TERM_RISEN, null, null, "s1", "s3", null), obs).verdict()).isEqualTo(Verdict.FAIL);
        assertThat(CheckEvaluator.evaluate(spec(Relation.TERM_EQUAL, null, null, "s1", "gone", null), obs).verdict()).isEqualTo(Verdict.FAIL);
        assertThat(CheckEvaluator.evaluate(spec(Relation.ENDPOINT_UNAVAILABLE, null, "gone", null, null, null), obs).verdict()).isEqualTo(Verdict.PASS);
    }

    @Test
    void layoutAndDbFilesAreReadFromTheLayoutObservation() {
        Obs obs = new Obs().add(Obs.layout("db", DbLayout.SQLITE, "db/etcd", "db/state.db", "db/state.db-shm", "db/state.db-wal", "db/etcd/name"));
        assertThat(CheckEvaluator.evaluate(spec(Relation.LAYOUT_IS, null, "db", null, null, "sqlite"), obs).verdict()).isEqualTo(Verdict.PASS);
        CheckSpec has = new CheckSpec("has", Relation.DB_HAS, null, "db", null, null, null, List.of("state.db", "etcd/", "etcd/name"), null, null, null, null);
        CheckSpec lacks = new CheckSpec("lacks", Relation.DB_LACKS, null, "db", null, null, null, List.of("etcd/member"), null, null, null, null);
        CheckSpec lacksWrong = new CheckSpec("lacks", Relation.DB_LACKS, null, "db", null, null, null, List.of("state.db"), null, null, null, null);
        assertThat(CheckEvaluator.evaluate(has, obs).verdict()).isEqualTo(Verdict.PASS);
        assertThat(CheckEvaluator.evaluate(lacks, obs).verdict()).isEqualTo(Verdict.PASS);
        assertThat(CheckEvaluator.evaluate(lacksWrong, obs).verdict()).isEqualTo(Verdict.FAIL);
    }

    @Test
    void joinFlagsAndExecStartAreReadFromTheUnit() {
        Obs obs = new Obs().add(Obs.unit("u", Obs.flags(null, true), "/usr/local/bin/k3s", "server", "--cluster-init",
                "--node-ip", "192.168.56.11"));
        assertThat(CheckEvaluator.evaluate(spec(Relation.JOIN_FLAGS, null, "u", null, null, "cluster-init"), obs).verdict()).isEqualTo(Verdict.PASS);
        assertThat(CheckEvaluator.evaluate(spec(Relation.JOIN_FLAGS, null, "u", null, null, "none"), obs).verdict()).isEqualTo(Verdict.FAIL);
        assertThat(CheckEvaluator.evaluate(spec(Relation.EXEC_START, null, "u", null, null,
                "server --cluster-init --node-ip 192.168.56.11"), obs).verdict()).isEqualTo(Verdict.PASS);
    }

    @Test
    void aFolderThatDoesNotExistIsObservedAsMissing() {
        Obs obs = new Obs().add(Obs.missingFolder("gone")).add(Obs.files("w1", "agent", "data"));
        assertThat(CheckEvaluator.evaluate(spec(Relation.PATH_MISSING, null, "gone", null, null, null), obs).verdict()).isEqualTo(Verdict.PASS);
        assertThat(CheckEvaluator.evaluate(spec(Relation.PATH_MISSING, null, "w1", null, null, null), obs).verdict()).isEqualTo(Verdict.FAIL);
        CheckSpec noServer = new CheckSpec("no server", Relation.FILES_LACKS, null, "w1", null, null, null, List.of("server"), null, null, null, null);
        assertThat(CheckEvaluator.evaluate(noServer, obs).verdict()).isEqualTo(Verdict.PASS);
    }

    @Test
    void aCheckReadingTheWrongKindOfObservationIsUnknown() {
        Obs obs = new Obs().add(Obs.health("h", true));
        assertThat(CheckEvaluator.evaluate(spec(Relation.STATUS_IS, "cp-1", "h", null, null, "Ready"), obs).verdict())
                .isEqualTo(Verdict.UNKNOWN);
        assertThat(CheckEvaluator.evaluate(spec(Relation.ENDPOINT_HEALTHY, null, "h", null, null, null), obs).verdict())
                .isEqualTo(Verdict.PASS);
    }
}
