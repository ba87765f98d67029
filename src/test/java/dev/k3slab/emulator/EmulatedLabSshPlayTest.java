package dev.k3slab.emulator;

import dev.k3slab.emulator.ssh.Threads;
import dev.k3slab.observe.DbLayout;
import dev.k3slab.observe.EndpointStatus;
import dev.k3slab.observe.EtcdMember;
import dev.k3slab.observe.NodeRow;
import dev.k3slab.observe.Parsers;
import dev.k3slab.scenario.play.MonitorPass;
import dev.k3slab.scenario.play.Played;
import dev.k3slab.scenario.play.SourcePlay;
import dev.k3slab.scenario.play.Transcript;
import dev.k3slab.shell.CommandListener;
import dev.k3slab.shell.SecretMasker;
import dev.k3slab.shell.ssh.HostKeyTrust;
import dev.k3slab.shell.ssh.SshSettings;
import dev.k3slab.shell.ssh.SshShellPool;
import dev.k3slab.topology.TopologyLoader;
import dev.k3slab.observe.Fixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static dev.k3slab.emulator.Observed.createdSince;
import static dev.k3slab.emulator.Observed.execStart;
import static dev.k3slab.emulator.Observed.existedBefore;
import static dev.k3slab.emulator.Observed.fileNames;
import static dev.k3slab.emulator.Observed.installInfo;
import static dev.k3slab.emulator.Observed.ls;
import static dev.k3slab.emulator.Observed.memberId;
import static dev.k3slab.emulator.Observed.members;
import static dev.k3slab.emulator.Observed.membership;
import static dev.k3slab.emulator.Observed.names;
import static dev.k3slab.emulator.Observed.nodes;
import static dev.k3slab.emulator.Observed.roles;
import static dev.k3slab.emulator.Observed.row;
import static dev.k3slab.emulator.Observed.seedExecStart;
import static dev.k3slab.emulator.Observed.seedInstallInfoOnAmd64;
import static dev.k3slab.emulator.Observed.seedLs;
import static dev.k3slab.emulator.Observed.seedMembers;
import static dev.k3slab.emulator.Observed.seedNodes;
import static dev.k3slab.emulator.Observed.seedStatus;
import static dev.k3slab.emulator.Observed.status;
import static dev.k3slab.emulator.Observed.statusAndRoles;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 5's fidelity test: the five-node emulated lab with the K3s model serves every command of
 * experiments 1 to 5c over SSH, sent by the harness's own sshj shell as the source write-up gives
 * them ({@link SourcePlay}), and each observation, read by the project's parsers, stands in the
 * same relation to the others as in the source's transcripts ({@code recorded/}): the same ROLES
 * and node lists, AGE kept or new, the same members and learner flags, RAFT TERM equal across
 * viewpoints and risen after a leader loss, the same files under {@code server/db/}.
 * One lab, played in order; each test method is one experiment.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EmulatedLabSshPlayTest {
    private static final String CP1_URL = "https://192.168.56.11:6443";

    private Path run;
    private EmulatedLab lab;
    private SshShellPool shells;
    private SourcePlay play;
    private final List<String> logged = new CopyOnWriteArrayList<>();
    private Transcript e1;
    private Transcript e2;
    private Transcript e4a;

    @BeforeAll
    void up(@TempDir Path dir) {
        run = dir;
        lab = EmulatedLab.withK3sModel(TopologyLoader.loadDefault(), run);
        lab.up();
        CommandListener log = r -> logged.add(r.command() + "\n" + r.stdout() + r.stderr());
        shells = new SshShellPool(lab::sshEndpoint, SshSettings.defaults(), new HostKeyTrust(), new SecretMasker(), log);
        play = new SourcePlay(lab, lab, shells);
    }

    @AfterAll
    void down() {
        if (shells != null) {
            shells.close();
        }
        if (lab != null) {
            lab.close();
        }
        Threads.awaitEmulatedSshEnded();
    }

    @Test
    @Order(1)
    void experiment1_aSingleServerRunsOnSqliteAndTwoAgentsJoinIt() {
        e1 = play.play("1");
        assertThat(installInfo(e1.get("cp-1", "install"))).as("cp-1's install messages, in the seed's order")
                .isEqualTo(seedInstallInfoOnAmd64("exp1-cp1-install.txt"));
        assertThat(installInfo(e1.get("w-1", "install"))).isEqualTo(seedInstallInfoOnAmd64("exp1-w1-install-agent.txt"));
        assertThat(statusAndRoles(nodes(e1.get("cp-1", "kubectl")))).isEqualTo(statusAndRoles(seedNodes("exp1-cp1-wide.txt")));

        var db = ls(e1.get("cp-1", "ls db"));
        var dbEtcd = ls(e1.get("cp-1", "ls db/etcd"));
        assertThat(fileNames(db)).isEqualTo(fileNames(seedLs("exp1-cp1-db.txt")));
        assertThat(fileNames(dbEtcd)).as("etcd/ holds only its name file: no member/").isEqualTo(fileNames(seedLs("exp1-cp1-db-etcd.txt")));
        assertThat(Parsers.dbLayout(db, dbEtcd)).isEqualTo(DbLayout.SQLITE)
                .isEqualTo(Parsers.dbLayout(seedLs("exp1-cp1-db.txt"), seedLs("exp1-cp1-db-etcd.txt")));

        assertThat(execStart(e1.get("cp-1", "unit"))).isEqualTo(seedExecStart("exp1-cp1-k3s.service.txt"));
        assertThat(Parsers.unit(e1.get("cp-1", "unit").out()).joinFlags().none()).isTrue();
        assertThat(e1.get("cp-1", "token").out()).as("the token is masked where it is shown").isEqualTo(SecretMasker.MASK + "\n");
        assertThat(execStart(e1.get("w-1", "unit"))).isEqualTo(seedExecStart("exp1-w1-k3s-agent.service.txt"));
        assertThat(fileNames(ls(e1.get("w-1", "ls k3s")))).as("an agent has agent/ and data/, no server/")
                .isEqualTo(fileNames(seedLs("exp1-w1-k3s.txt")));

        Played all = e1.get("cp-1", "kubectl with agents");
        assertThat(statusAndRoles(nodes(all))).isEqualTo(statusAndRoles(seedNodes("exp1-cp1-wide-with-workers.txt")));
        assertThat(nodes(all)).extracting(NodeRow::ageSeconds).as("AGE: cp-1 oldest, then w-1, then w-2, as in the seed")
                .isSortedAccordingTo((a, b) -> Long.compare(b, a));
        assertThat(existedBefore(all, "cp-1", e1.get("w-1", "install").labTime())).isTrue();
    }

    @Test
    @Order(2)
    void experiment2_clusterInitMigratesCp1AndTwoServersJoinAsEtcdVoters() {
        e2 = play.play("2");
        Played start = e2.get("cp-1", "stop");
        assertThat(installInfo(e2.get("cp-1", "install"))).isEqualTo(seedInstallInfoOnAmd64("exp2-cp1-install-cluster-init.txt"));
        assertThat(installInfo(e2.get("cp-2", "install"))).isEqualTo(seedInstallInfoOnAmd64("exp2-cp2-install-join.txt"));

        Played cp1 = e2.get("cp-1", "kubectl after install");
        assertThat(statusAndRoles(nodes(cp1))).isEqualTo(statusAndRoles(seedNodes("exp2-cp1-wide-after-cluster-init.txt")));
        assertThat(existedBefore(cp1, "cp-1", start.labTime())).as("cp-1's AGE kept: the same Node object").isTrue();

        var db = ls(e2.get("cp-1", "ls db"));
        var dbEtcd = ls(e2.get("cp-1", "ls db/etcd"));
        assertThat(fileNames(db)).containsExactlyInAnyOrderElementsOf(fileNames(seedLs("exp2-cp1-db.txt")));
        assertThat(fileNames(dbEtcd)).isEqualTo(fileNames(seedLs("exp2-cp1-db-etcd.txt")));
        assertThat(db).filteredOn(e -> e.name().equals("state.db-wal")).singleElement().extracting(e -> e.size()).isEqualTo(0L);
        assertThat(Parsers.dbLayout(db, dbEtcd)).isEqualTo(DbLayout.MIGRATED)
                .isEqualTo(Parsers.dbLayout(seedLs("exp2-cp1-db.txt"), seedLs("exp2-cp1-db-etcd.txt")));
        assertThat(execStart(e2.get("cp-1", "unit"))).isEqualTo(seedExecStart("exp2-cp1-k3s.service.txt"));

        var cp2Db = ls(e2.get("cp-2", "ls db"));
        var cp2DbEtcd = ls(e2.get("cp-2", "ls db/etcd"));
        assertThat(fileNames(cp2Db)).as("a joined server never had SQLite").isEqualTo(fileNames(seedLs("exp2-cp2-db.txt")));
        assertThat(fileNames(cp2DbEtcd)).isEqualTo(fileNames(seedLs("exp2-cp2-db-etcd.txt")));
        assertThat(Parsers.dbLayout(cp2Db, cp2DbEtcd)).isEqualTo(DbLayout.ETCD);
        assertThat(execStart(e2.get("cp-2", "unit"))).isEqualTo(seedExecStart("exp2-cp2-k3s.service.txt"));

        Played three = e2.get("cp-1", "kubectl");
        assertThat(statusAndRoles(nodes(three))).isEqualTo(statusAndRoles(seedNodes("exp2-cp1-wide-three-servers.txt")));
        assertThat(createdSince(three, "cp-3", e2.get("cp-3", "install").labTime())).as("cp-3's AGE new").isTrue();
        List<EtcdMember> members = members(e2.get("cp-1", "member list"));
        assertThat(membership(members)).isEqualTo(membership(seedMembers("exp2-cp1-member-list.txt")));
        assertThat(members).extracting(EtcdMember::name).allMatch(n -> n.matches("cp-[123]-[0-9a-f]{8}"));
        assertThat(memberId(members, "cp-1")).as("the first member's ID is etcd's hash of its peer URL, as in the seed")
                .isEqualTo(memberId(seedMembers("exp2-cp1-member-list.txt"), "cp-1"));
        EndpointStatus cp1Status = status(e2.get("cp-1", "endpoint status"));
        EndpointStatus seed = seedStatus("exp2-cp1-endpoint-status.txt");
        assertThat(cp1Status.leader()).as("cp-1 leads the cluster it initialised").isEqualTo(seed.leader()).isTrue();
        assertThat(cp1Status.raftTerm()).isEqualTo(seed.raftTerm());
        assertThat(cp1Status.endpoint()).isEqualTo(seed.endpoint());
    }

    @Test
    @Order(3)
    void experiment3a_withoutTheJoinFlagAndAfterARebootEachServerStaysAMember() {
        Transcript e = play.play("3a");
        assertThat(e.get("cp-2", "ExecStart before").out().lines()).as("grep ExecStart: the ExecStartPre lines and the first ExecStart line")
                .containsExactly("ExecStartPre=-/sbin/modprobe br_netfilter", "ExecStartPre=-/sbin/modprobe overlay",
                        "ExecStart=/usr/local/bin/k3s \\");
        assertThat(execStart(e.get("cp-2", "unit after edit"))).isEqualTo(seedExecStart("exp3a-cp2-execstart-after.txt"));
        assertThat(Parsers.unit(e.get("cp-3", "unit after edit").out()).joinFlags().none()).isTrue();
        assertThat(e.get("cp-2", "status").out()).contains("Active: active (running) since");

        Played cp2 = e.get("cp-2", "kubectl");
        assertThat(statusAndRoles(nodes(cp2))).isEqualTo(statusAndRoles(seedNodes("exp3a-cp2-wide-after-reboot.txt")));
        assertThat(names(nodes(cp2))).allMatch(n -> existedBefore(cp2, n, e.entries().get(0).labTime()));
        assertThat(statusAndRoles(nodes(e.get("cp-1", "kubectl"))))
                .isEqualTo(statusAndRoles(seedNodes("exp3a-cp1-wide-after-cp3-reboot.txt")));
        List<EtcdMember> before = members(e2.get("cp-1", "member list"));
        for (Played list : List.of(e.get("cp-2", "member list"), e.get("cp-1", "member list"))) {
            assertThat(members(list)).as("the same three members, started voters").containsExactlyInAnyOrderElementsOf(before);
        }
        assertThat(membership(members(e.get("cp-1", "member list")))).isEqualTo(membership(seedMembers("exp3a-cp1-member-list.txt")));
    }

    @Test
    @Order(4)
    void experiment3b_aReinstallWithoutClusterInitRewritesTheUnitAndTheClusterStays() {
        Transcript e = play.play("3b");
        assertThat(execStart(e.get("cp-1", "ExecStart before"))).isEqualTo(seedExecStart("exp3b-cp1-execstart-before.txt"));
        assertThat(installInfo(e.get("cp-1", "install"))).isEqualTo(seedInstallInfoOnAmd64("exp3b-cp1-install-rerun.txt"));
        assertThat(execStart(e.get("cp-1", "ExecStart after"))).isEqualTo(seedExecStart("exp3b-cp1-execstart-after.txt"));
        assertThat(statusAndRoles(nodes(e.get("cp-1", "kubectl")))).isEqualTo(statusAndRoles(seedNodes("exp3b-cp1-wide-after-reboot.txt")));
        assertThat(members(e.get("cp-1", "member list"))).containsExactlyInAnyOrderElementsOf(members(e2.get("cp-1", "member list")));
    }

    @Test
    @Order(5)
    void experiment4a_aFlaglessStartWithEtcdDataRejoinsTheSameCluster() {
        e4a = play.play("4a");
        assertThat(e4a.get("cp-3", "ls wal").out()).as("the WAL is there").isNotBlank();
        List<MonitorPass> passes = e4a.of(Played.Kind.MONITOR).stream().map(p -> MonitorPass.of(p.out())).toList();
        int notReady = firstPass(passes, pass -> cp3Ready(pass) == Boolean.FALSE);
        int readyAgain = firstPass(passes.subList(notReady, passes.size()), pass -> cp3Ready(pass) == Boolean.TRUE) + notReady;
        assertThat(readyAgain).as("cp-1's monitor: cp-3 NotReady, then Ready").isGreaterThan(notReady);
        // The seed's monitor excerpts show some rows only ("..."): those rows must match.
        assertThat(statusAndRoles(Parsers.kubectlNodes(passes.get(notReady).nodes())))
                .containsAllEntriesOf(statusAndRoles(seedNodes("exp4a-cp1-monitor-060924-wide.txt")));
        assertThat(statusAndRoles(Parsers.kubectlNodes(passes.get(readyAgain).nodes())))
                .containsAllEntriesOf(statusAndRoles(seedNodes("exp4a-cp1-monitor-060929-wide.txt")));
        String cp3Id = memberId(members(e2.get("cp-1", "member list")), "cp-3");
        for (MonitorPass pass : passes) {
            assertThat(members(pass.members())).as("cp-3's member keeps its ID the whole time").extracting(EtcdMember::id)
                    .hasSize(3).contains(cp3Id);
        }

        List<NodeRow> fromCp1 = nodes(e4a.get("cp-1", "kubectl plain"));
        List<NodeRow> fromCp3 = nodes(e4a.get("cp-3", "kubectl plain"));
        assertThat(fromCp3).as("the same node list, STATUS, ROLES and AGE from cp-1 and cp-3").isEqualTo(fromCp1);
        assertThat(statusAndRoles(fromCp1)).isEqualTo(statusAndRoles(seedNodes("exp4a-cp1-cp3-plain.txt")));
        assertThat(roles(nodes(e4a.get("cp-3", "kubectl")))).isEqualTo(roles(seedNodes("exp4a-cp3-wide.txt")));
        assertThat(existedBefore(e4a.get("cp-3", "kubectl"), "cp-3", e4a.get("cp-3", "stop").labTime()))
                .as("cp-3's AGE kept").isTrue();
        assertThat(members(e4a.get("cp-3", "member list"))).containsExactlyInAnyOrderElementsOf(members(e2.get("cp-1", "member list")));

        EndpointStatus cp3 = status(e4a.get("cp-3", "endpoint status"));
        EndpointStatus cp1 = status(e4a.get("cp-1", "endpoint status"));
        assertThat(cp3.raftTerm()).as("one cluster: the same RAFT TERM on cp-3 and cp-1").isEqualTo(cp1.raftTerm());
        assertThat(cp1.raftTerm()).as("risen since 2: leaders were lost (3b's restarts, cp-3 stopped in 4a)")
                .isGreaterThan(status(e2.get("cp-1", "endpoint status")).raftTerm());
        assertThat(List.of(cp1.leader(), cp3.leader())).as("the leader moved to cp-2, as in the seed")
                .isEqualTo(List.of(seedStatus("exp4a-cp1-endpoint-status.txt").leader(),
                        seedStatus("exp4a-cp3-endpoint-status.txt").leader()));
        assertThat(cp1.raftTerm() - status(e2.get("cp-1", "endpoint status")).raftTerm())
                .as("risen by as much as in the seed (2 to 4)")
                .isEqualTo(seedStatus("exp4a-cp1-endpoint-status.txt").raftTerm() - seedStatus("exp2-cp1-endpoint-status.txt").raftTerm());
    }

    @Test
    @Order(6)
    void experiment4b_withTheWalDeletedAFlaglessStartMakesASecondSqliteCluster() {
        Transcript e = play.play("4b");
        assertThat(e.get("cp-3", "status").result().exitStatus()).hasValue(3);
        assertThat(e.get("cp-3", "status").out()).contains("Active: inactive (dead)");
        assertThat(Parsers.apiserverRefused(e.get("cp-3", "kubectl refused").result().stderr()))
                .isEqualTo(Parsers.apiserverRefused(Fixtures.read("kubectl/exp4b-cp3-refused.txt"))).isTrue();
        assertThat(statusAndRoles(nodes(e.get("cp-1", "kubectl plain")))).isEqualTo(statusAndRoles(seedNodes("exp4b-cp1-plain.txt")));
        assertThat(e.get("cp-3", "ls member").out().lines()).doesNotContain("wal");

        Played cp3 = e.get("cp-3", "kubectl");
        assertThat(statusAndRoles(nodes(cp3))).as("only cp-3, without etcd").isEqualTo(statusAndRoles(seedNodes("exp4b-cp3-wide.txt")));
        assertThat(createdSince(cp3, "cp-3", e.get("cp-3", "start").labTime())).as("cp-3's AGE new: a new Node object").isTrue();
        assertThat(Parsers.endpointFailure(e.get("cp-3", "endpoint status").result().stderr()))
                .isEqualTo(Parsers.endpointFailure(Fixtures.read("etcdctl/exp4b-cp3-endpoint-status-failed.txt"))).isPresent();
        var db = ls(e.get("cp-3", "ls db"));
        var dbEtcd = ls(e.get("cp-3", "ls db/etcd"));
        assertThat(fileNames(db)).as("a new state.db beside the old etcd/ and snapshots/").isEqualTo(fileNames(seedLs("exp4b-cp3-db.txt")));
        assertThat(fileNames(dbEtcd)).contains("member");
        assertThat(Parsers.dbLayout(db, dbEtcd)).isEqualTo(DbLayout.SQLITE);
        assertThat(ls(e.get("cp-3", "ls server"))).filteredOn(f -> f.name().equals("kine.sock")).singleElement()
                .extracting(f -> f.mode().charAt(0)).isEqualTo('s');

        Played monitor = e.of(Played.Kind.MONITOR).get(0);
        List<NodeRow> fromCp1 = Parsers.kubectlNodes(MonitorPass.of(monitor.out()).nodes());
        assertThat(statusAndRoles(fromCp1)).isEqualTo(statusAndRoles(seedNodes("exp4b-cp1-monitor-063546-plain.txt")));
        assertThat(row(fromCp1, "cp-3").ageSeconds()).as("cp-1 still shows the old cp-3").isGreaterThan(row(nodes(cp3), "cp-3").ageSeconds());
        assertThat(names(nodes(cp3))).as("split brain: two clusters see different node lists").isNotEqualTo(names(fromCp1));
    }

    @Test
    @Order(7)
    void experiment4c_uninstallAndAFlaglessReinstallAlsoMakeASecondSqliteCluster() {
        Transcript e = play.play("4c");
        assertThat(e.get("cp-3", "ls k3s").result().exitStatus()).hasValue(2);
        assertThat(Parsers.lsMissing(e.get("cp-3", "ls k3s").result().stderr()))
                .isEqualTo(Parsers.lsMissing(Fixtures.read("ls/exp4c-cp3-k3s-missing.txt"))).isTrue();
        Played cp3 = e.get("cp-3", "kubectl");
        // The seed's cp-3 is NotReady here (its 4b process still served; the model ends it, see
        // docs/emulated-lab-model.md): compare the node list and ROLES only.
        assertThat(roles(nodes(cp3))).isEqualTo(roles(seedNodes("exp4c-cp3-wide.txt")));
        assertThat(createdSince(cp3, "cp-3", e.get("cp-3", "install").labTime())).isTrue();
        var db = ls(e.get("cp-3", "ls db"));
        var dbEtcd = ls(e.get("cp-3", "ls db/etcd"));
        assertThat(fileNames(db)).isEqualTo(fileNames(seedLs("exp4c-cp3-db.txt")));
        assertThat(fileNames(dbEtcd)).as("etcd/ holds only name: no member/").isEqualTo(fileNames(seedLs("exp4c-cp3-db-etcd.txt")));
        assertThat(Parsers.dbLayout(db, dbEtcd)).isEqualTo(DbLayout.SQLITE)
                .isEqualTo(Parsers.dbLayout(seedLs("exp4c-cp3-db.txt"), seedLs("exp4c-cp3-db-etcd.txt")));
        Played cp1 = e.get("cp-1", "kubectl");
        assertThat(row(nodes(cp1), "cp-3").status()).isEqualTo("NotReady");
        assertThat(existedBefore(cp1, "cp-3", e4a.get("cp-3", "stop").labTime())).isTrue();
        assertThat(names(nodes(cp3))).isNotEqualTo(names(nodes(cp1)));
    }

    @Test
    @Order(8)
    void experiment5a_halfAnHourLaterNoVotingMemberHasBeenRemoved() {
        Transcript e = play.play("5a");
        assertThat(Duration.between(e4a.get("cp-3", "stop").labTime(), e.entries().get(0).labTime()))
                .isGreaterThanOrEqualTo(SourcePlay.HOLD_5A);
        List<EtcdMember> list = members(e.get("cp-1", "member list"));
        assertThat(list).as("cp-3 is still a started voter with its ID").containsExactlyInAnyOrderElementsOf(members(e2.get("cp-1", "member list")));
        assertThat(membership(list)).isEqualTo(membership(seedMembers("exp5a-cp1-member-list.txt")));
        assertThat(statusAndRoles(nodes(e.get("cp-1", "kubectl")))).isEqualTo(statusAndRoles(seedNodes("exp5a-cp1-wide.txt")));
        assertThat(Parsers.endpointHealth(e.get("cp-1", "endpoint health").out())).singleElement()
                .extracting(h -> h.healthy()).as("two of three members carry quorum").isEqualTo(true);
        assertThat(status(e.get("cp-1", "endpoint status")).raftTerm()).as("no leader lost since 4a")
                .isEqualTo(status(e4a.get("cp-1", "endpoint status")).raftTerm());
    }

    @Test
    @Order(9)
    void experiment5b_deletingTheNodeRemovesItsMemberAtOnce() {
        Transcript e = play.play("5b");
        assertThat(e.get("cp-1", "delete").out()).isEqualTo("node \"cp-3\" deleted\n");
        List<EtcdMember> list = members(e.get("cp-1", "member list"));
        assertThat(membership(list)).isEqualTo(membership(seedMembers("exp5b-cp1-member-list-after-delete.txt")));
        assertThat(list).extracting(EtcdMember::id).doesNotContain(memberId(members(e2.get("cp-1", "member list")), "cp-3"));
        assertThat(statusAndRoles(nodes(e.get("cp-1", "kubectl")))).isEqualTo(statusAndRoles(seedNodes("exp5b-cp1-wide-after-delete.txt")));
    }

    @Test
    @Order(10)
    void experiment5c_aCleanRejoinIsALearnerWithANewIdThenAVoterThenANode() {
        Transcript e = play.play("5c");
        // The seed killed its 4b process here; the model already ended it at 4c's k3s-killall.sh
        // (docs/emulated-lab-model.md, "Differences"), so there is nothing left to kill.
        assertThat(e.get("cp-3", "kill").result().stderr()).contains("No such process");
        assertThat(e.get("cp-3", "status").out()).contains("Active: active (running)");
        assertThat(execStart(e.get("cp-3", "unit"))).startsWith(seedExecStart5c().toArray(String[]::new));
        assertThat(Parsers.unit(e.get("cp-3", "unit").out()).joinFlags().joins()).isTrue();

        List<MonitorPass> passes = e.of(Played.Kind.MONITOR).stream().map(p -> MonitorPass.of(p.out())).toList();
        String oldId = memberId(members(e2.get("cp-1", "member list")), "cp-3");
        assertThat(membership(members(passes.get(0).members())))
                .isEqualTo(membership(seedMembers("exp5c-cp1-monitor-070010-member-list.txt")));
        int learner = firstPass(passes, pass -> cp3Member(pass) != null && cp3Member(pass).learner());
        int voter = firstPass(passes, pass -> cp3Member(pass) != null && !cp3Member(pass).learner());
        int node = firstPass(passes, pass -> cp3Ready(pass) != null);
        assertThat(cp3Member(passes.get(learner)).learner()).isEqualTo(seedMembers("exp5c-cp1-monitor-070015-member-list.txt").get(0).learner());
        assertThat(cp3Member(passes.get(learner)).id()).as("a new member ID").isNotEqualTo(oldId);
        assertThat(cp3Member(passes.get(voter)).id()).isEqualTo(cp3Member(passes.get(learner)).id());
        assertThat(List.of(learner, voter, node)).as("learner, then voter, then the Node (monitor passes)").isSorted();
        assertThat(voter).isGreaterThan(learner);
        assertThat(node).as("the Node appears after the member").isGreaterThan(learner);

        assertThat(members(e.get("cp-1", "member list"))).hasSize(3).noneMatch(EtcdMember::learner);
        Played fromCp3 = e.get("cp-3", "kubectl plain");
        assertThat(statusAndRoles(nodes(fromCp3))).isEqualTo(statusAndRoles(seedNodes("exp5c-cp3-plain.txt")));
        assertThat(createdSince(fromCp3, "cp-3", e.get("cp-3", "install").labTime())).as("cp-3's AGE fresh").isTrue();
        for (String other : List.of("cp-1", "cp-2", "w-1", "w-2")) {
            assertThat(existedBefore(fromCp3, other, e1.get("cp-1", "install").labTime().plus(Duration.ofMinutes(30))))
                    .as(other + "'s AGE kept").isTrue();
        }
        assertThat(e.get("cp-3", "kubeconfig server").out().strip()).isEqualTo("server: https://127.0.0.1:6443");
    }

    @Test
    @Order(11)
    void theNodeTokenNeverAppearsInClearInAResultOrTheCommandLog() throws IOException {
        String token = Files.readString(run.resolve("nodes/cp-1/var/lib/rancher/k3s/server/token")).strip();
        String password = token.substring(token.indexOf("::server:") + "::server:".length());
        assertThat(play.transcript().entries()).allSatisfy(p -> assertThat(p.result().command() + p.out() + p.result().stderr())
                .doesNotContain(password));
        assertThat(logged).isNotEmpty().allSatisfy(l -> assertThat(l).doesNotContain(password));
        assertThat(play.transcript().entries().stream().filter(p -> p.result().command().contains("K3S_TOKEN=")))
                .isNotEmpty().allSatisfy(p -> assertThat(p.result().command()).contains("K3S_TOKEN=\"" + SecretMasker.MASK + "\""));
    }

    /** The seed's 5c unit up to its elided token: {@code server --server URL --token}. */
    private static List<String> seedExecStart5c() {
        return List.of("server", "--server", CP1_URL, "--token");
    }

    private static int firstPass(List<MonitorPass> passes, java.util.function.Predicate<MonitorPass> condition) {
        for (int i = 0; i < passes.size(); i++) {
            if (condition.test(passes.get(i))) {
                return i;
            }
        }
        throw new AssertionError("no monitor pass matched among " + passes.size() + ": " + passes);
    }

    /** cp-3's readiness in a pass; null when cp-3 is not listed. */
    private static Boolean cp3Ready(MonitorPass pass) {
        if (pass.nodes().isBlank()) {
            return null;
        }
        return Parsers.kubectlNodes(pass.nodes()).stream().filter(n -> n.name().equals("cp-3")).map(NodeRow::ready)
                .findFirst().orElse(null);
    }

    private static EtcdMember cp3Member(MonitorPass pass) {
        return members(pass.members()).stream().filter(m -> m.peerUrls().contains("https://192.168.56.13:2380"))
                .findFirst().orElse(null);
    }
}
