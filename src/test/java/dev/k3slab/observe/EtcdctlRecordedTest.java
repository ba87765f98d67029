package dev.k3slab.observe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every etcdctl block of the seed, and the JSON and simple forms built from the same run. */
class EtcdctlRecordedTest {
    private static final String CP1 = "bf624c9e82dced96";
    private static final String CP2 = "b0139766c119db32";
    private static final String CP3 = "5b9b4cb496c89f6";
    private static final String CP3_REJOINED = "c8f6b8d5b2608446";

    /** Asserts "ID STATUS NAME learner" of each member. */
    private static List<EtcdMember> assertMembers(String fixture, String... expected) {
        List<EtcdMember> members = Parsers.etcdMembers(Fixtures.read(fixture));
        assertThat(members).extracting(m -> m.id() + " " + m.status() + " " + m.name() + " " + m.learner())
                .as(fixture).containsExactly(expected);
        return members;
    }

    private static final String[] THREE_VOTERS = {
            CP3 + " started cp-3-950e9061 false", CP2 + " started cp-2-e08cab0e false", CP1 + " started cp-1-e3e31a90 false"};

    @ParameterizedTest
    @ValueSource(strings = {"exp2-cp1-member-list", "exp3a-cp2-member-list", "exp3a-cp1-member-list",
            "exp3b-cp1-member-list", "exp4a-cp3-member-list", "exp5a-cp1-member-list", "exp4a-cp1-monitor-060929-member-list"})
    void threeStartedVotersAreListedFromExperiment2OnUntilTheNodeIsDeleted(String name) {
        List<EtcdMember> members = assertMembers("etcdctl/" + name + ".txt", THREE_VOTERS);
        assertThat(members).extracting(EtcdMember::nodeName).containsExactly("cp-3", "cp-2", "cp-1");
        assertThat(members.get(0).peerUrls()).containsExactly("https://192.168.56.13:2380");
        assertThat(members.get(0).clientUrls()).containsExactly("https://192.168.56.13:2379");
    }

    @Test
    void experiment4a_cp3BrieflyAdvertisesItsNatAddress() {
        List<EtcdMember> members = assertMembers("etcdctl/exp4a-cp1-monitor-060924-member-list.txt", THREE_VOTERS);
        assertThat(members.get(0).clientUrls()).containsExactly("https://10.0.2.15:2379");
        assertThat(members.get(0).peerUrls()).containsExactly("https://192.168.56.13:2380");
    }

    @Test
    void experiment5b_deletingTheNodeRemovesItsMember() {
        assertMembers("etcdctl/exp5b-cp1-member-list-after-delete.txt",
                CP2 + " started cp-2-e08cab0e false", CP1 + " started cp-1-e3e31a90 false");
        assertMembers("etcdctl/exp5c-cp1-monitor-070010-member-list.txt",
                CP2 + " started cp-2-e08cab0e false", CP1 + " started cp-1-e3e31a90 false");
    }

    @Test
    void experiment5c_theRejoinedNodeGetsANewIdAsALearnerThenIsPromoted() {
        assertMembers("etcdctl/exp5c-cp1-monitor-070015-member-list.txt", CP3_REJOINED + " started cp-3-d782f9b7 true");
        assertMembers("etcdctl/exp5c-cp1-monitor-070020-member-list.txt", CP3_REJOINED + " started cp-3-d782f9b7 false");
    }

    @Test
    void endpointStatus_experiment2_cp1IsTheLeaderAtTerm2() {
        List<EndpointStatus> status = Parsers.endpointStatus(Fixtures.read("etcdctl/exp2-cp1-endpoint-status.txt"));
        assertThat(status).extracting(EndpointStatus::endpoint, EndpointStatus::id, EndpointStatus::version, EndpointStatus::dbSize,
                        EndpointStatus::leader, EndpointStatus::learner, EndpointStatus::raftTerm, EndpointStatus::raftIndex,
                        EndpointStatus::raftAppliedIndex, EndpointStatus::errors)
                .containsExactly(tuple("127.0.0.1:2379", CP1, "3.5.9", "4.1 MB", true, false, 2L, 4371L, 4371L, List.of()));
    }

    @Test
    void endpointStatus_experiment4a_cp3AndCp1AreFollowersAtTheSameTerm4() {
        EndpointStatus cp3 = Parsers.endpointStatus(Fixtures.read("etcdctl/exp4a-cp3-endpoint-status.txt")).get(0);
        EndpointStatus cp1 = Parsers.endpointStatus(Fixtures.read("etcdctl/exp4a-cp1-endpoint-status.txt")).get(0);
        assertThat(cp3.id()).isEqualTo(CP3).hasSize(15);
        assertThat(cp3.endpoint()).isEqualTo("127.0.0.1:2379");
        assertThat(cp1.endpoint()).isEqualTo("https://127.0.0.1:2379");
        assertThat(cp1.dbSize()).isEqualTo("4.9 MB");
        assertThat(List.of(cp3, cp1)).extracting(EndpointStatus::leader, EndpointStatus::learner, EndpointStatus::raftTerm)
                .containsOnly(tuple(false, false, 4L));
        assertThat(cp3.raftIndex()).isEqualTo(17844);
        assertThat(cp1.raftAppliedIndex()).isEqualTo(18031);
    }

    @Test
    void endpointStatus_experiment4b_aTimedOutEndpointIsAnObservationNotAnError() {
        String text = Fixtures.read("etcdctl/exp4b-cp3-endpoint-status-failed.txt");
        assertThat(Parsers.endpointFailure(text)).contains("127.0.0.1:2379");
        assertThat(Parsers.endpointStatus(text)).isEmpty();
        assertThat(Parsers.endpointFailure(Fixtures.read("etcdctl/exp2-cp1-endpoint-status.txt"))).isEmpty();
    }

    @Test
    void endpointStatus_experiment5a_cp1StillFollowsAtTerm4() {
        assertThat(Parsers.endpointStatus(Fixtures.read("etcdctl/exp5a-cp1-endpoint-status.txt")))
                .extracting(EndpointStatus::id, EndpointStatus::leader, EndpointStatus::raftTerm, EndpointStatus::raftIndex)
                .containsExactly(tuple(CP1, false, 4L, 29137L));
    }

    @Test
    void endpointHealth_experiment5a_isHealthy() {
        assertThat(Parsers.endpointHealth(Fixtures.read("etcdctl/exp5a-cp1-endpoint-health.txt")))
                .containsExactly(new EndpointHealth("127.0.0.1:2379", true, "7.305542ms", ""));
    }

    @ParameterizedTest
    @ValueSource(strings = {"exp2-cp1-member-list", "exp5c-cp1-monitor-070015-member-list"})
    void alignedMemberTablesReadTheSameAsTheSeed(String name) {
        assertThat(Parsers.etcdMembers(Fixtures.read("etcdctl/" + name + ".aligned.txt")))
                .isEqualTo(Parsers.etcdMembers(Fixtures.read("etcdctl/" + name + ".txt")));
    }

    @Test
    void alignedStatusAndHealthTablesReadTheSameAsTheSeed() {
        assertThat(Parsers.endpointStatus(Fixtures.read("etcdctl/exp4a-cp3-endpoint-status.aligned.txt")))
                .isEqualTo(Parsers.endpointStatus(Fixtures.read("etcdctl/exp4a-cp3-endpoint-status.txt")));
        assertThat(Parsers.endpointHealth(Fixtures.read("etcdctl/exp5a-cp1-endpoint-health.aligned.txt")))
                .isEqualTo(Parsers.endpointHealth(Fixtures.read("etcdctl/exp5a-cp1-endpoint-health.txt")));
    }

    @Test
    void memberListJson_idsBeyondLongMaxValueComeBackAsTheTableShowsThem() {
        assertThat(Parsers.etcdMembers(Fixtures.read("etcdctl/constructed-exp2-cp1-member-list.json")))
                .isEqualTo(Parsers.etcdMembers(Fixtures.read("etcdctl/exp2-cp1-member-list.txt")));
        assertMembers("etcdctl/constructed-exp5c-cp1-member-list-learner.json",
                CP2 + " started cp-2-e08cab0e false", CP1 + " started cp-1-e3e31a90 false", CP3_REJOINED + " started cp-3-d782f9b7 true");
    }

    @Test
    void anUnstartedLearnerHasNoNameAndNoClientUrls_inJsonAndInTheSimpleForm() {
        for (String f : List.of("etcdctl/constructed-exp5c-cp1-member-list-unstarted.json",
                "etcdctl/constructed-member-list-simple-unstarted.txt")) {
            List<EtcdMember> members = assertMembers(f, CP2 + " started cp-2-e08cab0e false",
                    CP1 + " started cp-1-e3e31a90 false", CP3_REJOINED + " unstarted  true");
            assertThat(members.get(2).clientUrls()).as(f).isEmpty();
            assertThat(members.get(2).peerUrls()).as(f).containsExactly("https://192.168.56.13:2380");
        }
    }

    @Test
    void theSimpleMemberListReadsLikeTheTable() {
        assertThat(Parsers.etcdMembers(Fixtures.read("etcdctl/constructed-member-list-simple.txt")))
                .isEqualTo(Parsers.etcdMembers(Fixtures.read("etcdctl/exp2-cp1-member-list.txt")));
    }

    @Test
    void endpointStatusJsonAndSimpleGiveTheSameFieldsAsTheTable() {
        assertThat(Parsers.endpointStatus(Fixtures.read("etcdctl/constructed-exp2-cp1-endpoint-status.json")))
                .isEqualTo(Parsers.endpointStatus(Fixtures.read("etcdctl/exp2-cp1-endpoint-status.txt")));
        assertThat(Parsers.endpointStatus(Fixtures.read("etcdctl/constructed-endpoint-status-simple.txt")))
                .isEqualTo(Parsers.endpointStatus(Fixtures.read("etcdctl/exp2-cp1-endpoint-status.txt")));
        assertThat(Parsers.endpointStatus(Fixtures.read("etcdctl/constructed-exp4a-cp3-endpoint-status.json")))
                .isEqualTo(Parsers.endpointStatus(Fixtures.read("etcdctl/exp4a-cp3-endpoint-status.txt")));
    }

    @Test
    void endpointHealthJsonAndSimpleGiveTheSameFieldsAsTheTable() {
        List<EndpointHealth> table = Parsers.endpointHealth(Fixtures.read("etcdctl/exp5a-cp1-endpoint-health.txt"));
        assertThat(Parsers.endpointHealth(Fixtures.read("etcdctl/constructed-exp5a-cp1-endpoint-health.json"))).isEqualTo(table);
        assertThat(Parsers.endpointHealth(Fixtures.read("etcdctl/constructed-endpoint-health-simple.txt"))).isEqualTo(table);
    }

    @Test
    void anUnhealthyEndpointIsReadBesideTheClientLogAndTheClosingError() {
        assertThat(Parsers.endpointHealth(Fixtures.read("etcdctl/constructed-endpoint-health-simple-unhealthy.txt")))
                .extracting(EndpointHealth::endpoint, EndpointHealth::healthy, EndpointHealth::took, EndpointHealth::error)
                .containsExactly(tuple("https://192.168.56.11:2379", true, "7.305542ms", ""),
                        tuple("https://192.168.56.12:2379", true, "9.118204ms", ""),
                        tuple("https://192.168.56.13:2379", false, "", "context deadline exceeded"));
    }
}
