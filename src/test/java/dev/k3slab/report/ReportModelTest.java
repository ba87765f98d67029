package dev.k3slab.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.k3slab.observe.DbLayout;
import dev.k3slab.record.BootCaseRecord;
import dev.k3slab.record.ExperimentRecord;
import dev.k3slab.record.ObservationRecord;
import dev.k3slab.record.RunRecord;
import dev.k3slab.record.SplitBrainRecord;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportModelTest {

    private final ReportModel model = ReportModel.of(SourceRun.run());

    @Test
    void theComparisonRebuildsTheSourceRowsOf4a4b4cAndAgreesWithEachOfThem() {
        assertThat(model.comparison()).filteredOn(r -> !r.reference())
                .extracting(ComparisonRow::roles, ComparisonRow::age, ComparisonRow::visible, ComparisonRow::datastore,
                        ComparisonRow::splitBrain, ComparisonRow::agrees)
                .containsExactly(
                        tuple("control-plane,etcd,master", "kept (56m)", "all 5 (cp-1, cp-2, cp-3, w-1, w-2)", "etcd", "no", true),
                        tuple("control-plane,master", "new (30s)", "only cp-3", "SQLite (kine)", "yes", true),
                        tuple("control-plane,master", "new (10m)", "only cp-3", "SQLite (kine)", "yes", true));
    }

    @Test
    void thePart1FieldObservationIsTheLastRowAndMarkedAsAReferenceNotObservedByThisRun() {
        ComparisonRow last = model.comparison().get(model.comparison().size() - 1);
        assertThat(last.reference()).isTrue();
        assertThat(last.condition()).contains("Part 1").contains("not observed by this run");
        assertThat(List.of(last.roles(), last.age(), last.visible(), last.datastore(), last.splitBrain()))
                .containsExactly("control-plane,master", "19h", "only cp-node-c", "presumed SQLite (not observed)", "yes");
        assertThat(last.anchor()).isNull();
    }

    @Test
    void aRowThatDiffersFromTheSourceSaysWhichRelationDiffers() {
        ExperimentRecord b = SourceRun.fourB();
        ExperimentRecord kept = SourceRun.copy(b, b.observations(), new SplitBrainRecord("cp-3", "control-plane,etcd,master", "81m", true,
                SourceRun.ALL, DbLayout.ETCD, false, "rejoined"), b.bootCases());
        ReportModel m = ReportModel.of(SourceRun.run(SourceRun.with(kept), SourceRun.timeline()));

        ComparisonRow row = m.comparison().get(1);
        assertThat(row.agrees()).isFalse();
        assertThat(row.vsSource()).contains("AGE kept (source: new)", "split brain no (source: yes)",
                "datastore etcd (source: SQLite)", "visible nodes all 5");
    }

    @Test
    void aSplitBrainRowWithUnknownFieldsIsNeitherAgreementNorACrash() {
        ExperimentRecord c = SourceRun.fourC();
        ExperimentRecord unknown = SourceRun.copy(c, c.observations(),
                new SplitBrainRecord("cp-3", null, null, null, List.of(), null, null, "observation 'inside' is unusable"),
                c.bootCases());
        ComparisonRow row = ReportModel.of(SourceRun.run(SourceRun.with(unknown), List.of())).comparison().get(2);
        assertThat(row.agrees()).isFalse();
        assertThat(List.of(row.age(), row.visible(), row.datastore(), row.splitBrain()))
                .containsExactly("not observed", "not observed", "not observed", "unknown");
    }

    @Test
    void theBootMatrixFillsEachCellFromTheBootCasesAndLinksTheExperimentThatObservedIt() {
        BootMatrix.Row noFlags = row("no-join-flags");
        assertThat(noFlags.present().cases()).extracting(BootMatrix.Case::experiment, BootMatrix.Case::node, BootMatrix.Case::anchor)
                .containsExactly(tuple("3a", "cp-2", "exp-3a"), tuple("3a", "cp-3", "exp-3a"), tuple("3b", "cp-1", "exp-3b"),
                        tuple("4a", "cp-3", "exp-4a"));
        assertThat(noFlags.absent().cases()).extracting(BootMatrix.Case::experiment).containsExactly("4b", "4c");
        assertThat(noFlags.absent().cases()).allSatisfy(c -> assertThat(c.outcome()).contains("SQLite"));
        assertThat(row("server-and-token").absent().cases()).extracting(BootMatrix.Case::experiment).containsExactly("2", "5c");
        assertThat(row("cluster-init").absent().cases()).extracting(BootMatrix.Case::experiment).containsExactly("2");
    }

    @Test
    void cellsNoExperimentCoveredAreEmptyAndTheSourcesWordsOnlyCellsSaySo() {
        assertThat(row("server-and-token").present().cases()).isEmpty();
        assertThat(row("server-and-token").present().sourceBasis()).contains("words only");
        assertThat(row("server-and-token").present().sourceSays()).contains("member ID mismatch");
        assertThat(row("cluster-reset").present().cases()).isEmpty();
        assertThat(row("cluster-reset").present().sourceBasis()).contains("words only");
        assertThat(row("cluster-init").present().cases()).isEmpty();
        assertThat(row("no-join-flags").present().sourceBasis()).isEqualTo("source runs: 3a, 4a");
    }

    @Test
    void theBootMatrixKeepsTheSourcesRowOrderAndAddsARowForACommandTheSourceDoesNotHave() {
        ExperimentRecord a = SourceRun.fiveA();
        ExperimentRecord extra = SourceRun.copy(a, a.observations(), null,
                List.of(new BootCaseRecord("datastore-endpoint", false, "cp-3", "kine on MySQL", "5a")));
        BootMatrix m = ReportModel.of(SourceRun.run(SourceRun.with(extra), List.of())).bootMatrix();
        assertThat(m.rows()).extracting(BootMatrix.Row::command)
                .containsExactly("no-join-flags", "server-and-token", "cluster-init", "cluster-reset", "datastore-endpoint");
        assertThat(m.rows().get(4).absent().sourceSays()).isNull();
    }

    @Test
    void joinFlagsAfter2And3aAnd3bAgreeWithTheSourceForEveryServer() {
        JoinFlagTable t = model.joinFlags();
        assertThat(t.columns()).extracting(JoinFlagTable.Column::experiment).containsExactly("1", "2", "3a", "3b", "5c");
        assertThat(t.rows()).extracting(JoinFlagTable.Row::node).containsExactly("cp-1", "cp-2", "cp-3");
        assertThat(cell("cp-1", "2").flags()).isEqualTo("--cluster-init");
        assertThat(cell("cp-2", "2").flags()).isEqualTo("--server https://192.168.56.11:6443 (token set)");
        assertThat(cell("cp-2", "3a").flags()).isEqualTo("no join flags (token set)");
        assertThat(cell("cp-1", "3a").flags()).isEqualTo("--cluster-init");
        assertThat(cell("cp-1", "3b").flags()).isEqualTo("no join flags");
        for (String node : List.of("cp-1", "cp-2", "cp-3")) {
            for (String experiment : List.of("2", "3a", "3b")) {
                assertThat(cell(node, experiment).agrees()).as(node + " after " + experiment).isTrue();
            }
        }
        assertThat(cell("cp-1", "5c").flags()).isEqualTo("not observed in 5c");
        assertThat(cell("cp-3", "5c").sourceSays()).isNull();
    }

    @Test
    void aUnitThatStillHoldsTheJoinUrlAfter3aDiffersFromTheSource() {
        ExperimentRecord a = SourceRun.threeA();
        List<ObservationRecord> obs = new ArrayList<>(a.observations());
        obs.set(1, SourceRun.unit("unit-cp-2", "cp-2", a.observations().get(1).at(),
                SourceRun.flags(SourceRun.CP1_URL, true, false), "server", "--server", SourceRun.CP1_URL));
        ExperimentRecord changed = SourceRun.copy(a, obs, null, a.bootCases());
        JoinFlagTable t = ReportModel.of(SourceRun.run(SourceRun.with(changed), List.of())).joinFlags();
        JoinFlagTable.Cell c = t.rows().get(1).cells().get(2);
        assertThat(c.agrees()).isFalse();
        assertThat(c.sourceSays()).isEqualTo("no join flags");
    }

    @Test
    void memberRemovalRowsRebuild5a5b5cFromTheMemberListsAndAgreeWithTheSource() {
        assertThat(model.memberRemoval()).extracting(MemberRemovalRow::experiment, MemberRemovalRow::agrees)
                .containsExactly(tuple("5a", true), tuple("5b", true), tuple("5c", true));
        MemberRemovalRow a = model.memberRemoval().get(0);
        assertThat(a.observed()).anySatisfy(l -> assertThat(l).startsWith("unchanged (seen from cp-1): 3 members").contains(SourceRun.CP3_OLD_ID));
        MemberRemovalRow b = model.memberRemoval().get(1);
        assertThat(b.observed()).contains("member cp-3 removed (ID " + SourceRun.CP3_OLD_ID + ")", "Node object cp-3 gone");
        MemberRemovalRow c = model.memberRemoval().get(2);
        assertThat(c.observed()).contains(
                "member cp-3 added as a learner (ID " + SourceRun.CP3_NEW_ID + ", a new ID; was " + SourceRun.CP3_OLD_ID + ")",
                "member cp-3 promoted from learner to voter (ID " + SourceRun.CP3_NEW_ID + ")");
        assertThat(c.observed()).anySatisfy(l -> assertThat(l).startsWith("the monitor saw 1 learner"));
    }

    @Test
    void a5bInWhichNoMemberWentAwayDiffersFromTheSource() {
        ExperimentRecord b = SourceRun.fiveB();
        List<ObservationRecord> obs = new ArrayList<>(b.observations().stream()
                .filter(o -> !o.kind().equals("members")).toList());
        obs.add(SourceRun.members("members", "cp-1", b.observations().get(0).at(), SourceRun.voter(SourceRun.CP3_OLD_ID, "cp-3"),
                SourceRun.voter(SourceRun.CP2_ID, "cp-2"), SourceRun.voter(SourceRun.CP1_ID, "cp-1")));
        ExperimentRecord kept = SourceRun.copy(b, obs, null, b.bootCases());
        MemberRemovalRow row = ReportModel.of(SourceRun.run(SourceRun.with(kept), List.of())).memberRemoval().get(1);
        assertThat(row.agrees()).isFalse();
        assertThat(row.vsSource()).contains("no member was removed");
    }

    @Test
    void aRunWithoutExperiment5HasNoMemberRemovalRows() {
        RunRecord run = SourceRun.run(SourceRun.experiments().subList(0, 7), List.of());
        assertThat(ReportModel.of(run).memberRemoval()).isEmpty();
    }

    @Test
    void theSummaryCarriesTheEmulatedBannerAndTheTimes() {
        assertThat(model.summary().emulatedBanner()).isEqualTo(Summary.EMULATED_BANNER)
                .startsWith("Emulated lab — an in-process model of K3s v1.27.9, not real VMs");
        assertThat(model.summary().took()).isEqualTo("1 m 35 s");
        assertThat(model.experiments()).hasSize(10);
        assertThat(model.experiments().get(4).steps()).extracting(ExperimentView.Step::labAt)
                .containsExactly("2026-02-22T05:40:00Z", "2026-02-22T05:40:05Z", "2026-02-22T05:40:10Z");
    }

    private BootMatrix.Row row(String command) {
        return model.bootMatrix().rows().stream().filter(r -> r.command().equals(command)).findFirst().orElseThrow();
    }

    private JoinFlagTable.Cell cell(String node, String experiment) {
        JoinFlagTable t = model.joinFlags();
        int column = t.columns().stream().map(JoinFlagTable.Column::experiment).toList().indexOf(experiment);
        return t.rows().stream().filter(r -> r.node().equals(node)).findFirst().orElseThrow().cells().get(column);
    }
}
