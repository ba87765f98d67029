package dev.k3slab.scenario.play;

import dev.k3slab.machine.MachineProvider;
import dev.k3slab.machine.TimeControl;
import dev.k3slab.observe.NodeRow;
import dev.k3slab.shell.ShellFactory;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static dev.k3slab.scenario.play.PlayDriver.notReady;
import static dev.k3slab.scenario.play.PlayDriver.ready;
import static dev.k3slab.scenario.play.SourceCommands.CP1_FLAGS;
import static dev.k3slab.scenario.play.SourceCommands.CP3_FLAGLESS;
import static dev.k3slab.scenario.play.SourceCommands.DB;
import static dev.k3slab.scenario.play.SourceCommands.ENDPOINT_HEALTH;
import static dev.k3slab.scenario.play.SourceCommands.ENDPOINT_STATUS;
import static dev.k3slab.scenario.play.SourceCommands.ENDPOINT_STATUS_HTTPS;
import static dev.k3slab.scenario.play.SourceCommands.JOIN_URL;
import static dev.k3slab.scenario.play.SourceCommands.MEMBER_LIST;
import static dev.k3slab.scenario.play.SourceCommands.curlInstall;
import static dev.k3slab.scenario.play.SourceCommands.install;

/**
 * Plays experiments 1 to 5c of the source write-up step by step over the lab's shells, every
 * command as the source gives it, without the scenario engine: what the source ran, on the node
 * it ran it on, in its order, with the lab clock moved as the source run's time passed (to the
 * times its transcripts show, and in bounded 5-s polls where it waited for Ready or NotReady).
 * It observes and records; it judges nothing (the tests assert the source's relations on the
 * {@link Transcript}).
 *
 * <p>Needs the default topology (cp-1..3, w-1..2 at the source's addresses, whose commands name
 * them literally), a fresh lab that is up, and a clock the harness moves ({@link TimeControl}):
 * in practice the emulated lab. Experiments must be played in order (each one starts from the
 * state the previous one left). Not thread-safe.
 */
public final class SourcePlay {
    /** The experiments in the order the source runs them. */
    public static final List<String> EXPERIMENTS = List.of("1", "2", "3a", "3b", "4a", "4b", "4c", "5a", "5b", "5c");
    /** How long the source let cp-3 stay out before looking at its membership (5a). */
    public static final Duration HOLD_5A = Duration.ofMinutes(30);
    private static final Duration WAIT = Duration.ofMinutes(3);
    private static final List<String> ALL = List.of("cp-1", "cp-2", "cp-3", "w-1", "w-2");

    private final PlayDriver lab;
    private int next;
    private String token;
    private long handStarted4a;
    private long handStarted4b;

    /**
     * @param machines the lab's machines (reboots, as {@code vagrant reload})
     * @param clock    the lab clock
     * @param shells   a shell per node; the play reads the node token through it (masked from then on)
     */
    public SourcePlay(MachineProvider machines, TimeControl clock, ShellFactory shells) {
        this.lab = new PlayDriver(machines, clock, shells);
    }

    /** Plays every experiment not played yet, in order. */
    public Transcript playAll() {
        while (next < EXPERIMENTS.size()) {
            play(EXPERIMENTS.get(next));
        }
        return transcript();
    }

    /** Every command sent so far. */
    public Transcript transcript() {
        return lab.transcript();
    }

    /**
     * Plays one experiment, which must be the next one in {@link #EXPERIMENTS}.
     *
     * @return the commands of this experiment
     * @throws IllegalStateException when played out of order
     * @throws PlayException         when a wait runs out of lab time or a command gets no exit status
     */
    public Transcript play(String experiment) {
        if (next >= EXPERIMENTS.size() || !EXPERIMENTS.get(next).equals(experiment)) {
            throw new IllegalStateException("experiment " + experiment + " cannot be played now: the next one is "
                    + (next < EXPERIMENTS.size() ? EXPERIMENTS.get(next) : "none (all played)")
                    + "; the experiments build on each other in the order " + EXPERIMENTS);
        }
        lab.experiment(experiment);
        switch (experiment) {
            case "1" -> experiment1();
            case "2" -> experiment2();
            case "3a" -> experiment3a();
            case "3b" -> experiment3b();
            case "4a" -> experiment4a();
            case "4b" -> experiment4b();
            case "4c" -> experiment4c();
            case "5a" -> experiment5a();
            case "5b" -> experiment5b();
            default -> experiment5c();
        }
        next++;
        return transcript().experiment(experiment);
    }

    // The source logs in with `vagrant ssh` and `sudo su -`: the shells here run every command as root.
    private void experiment1() {
        lab.atSourceTime("04:51");
        lab.source("cp-1", "install", install("server " + CP1_FLAGS, null));
        lab.await("cp-1 Ready", "cp-1", nodes -> ready(nodes, "cp-1"), WAIT);
        lab.atSourceTime("04:52:54");
        lab.source("cp-1", "kubectl", "kubectl get nodes -o wide");
        lab.atSourceTime("04:57");
        lab.source("cp-1", "ls db", "ls -al " + DB);
        lab.source("cp-1", "ls db/etcd", "ls -al " + DB + "etcd/");
        lab.source("cp-1", "unit", "systemctl cat k3s");
        token = lab.secret("cp-1", "token", "cat /var/lib/rancher/k3s/server/node-token");
        lab.atSourceTime("04:59");
        lab.source("w-1", "install", install("agent --server " + JOIN_URL + " --node-ip 192.168.56.21", token));
        lab.source("w-1", "unit", "systemctl cat k3s-agent.service");
        lab.source("w-1", "ls k3s", "ls -al /var/lib/rancher/k3s/");
        lab.atSourceTime("05:05:06");
        lab.source("w-2", "install", install("agent --server " + JOIN_URL + " --node-ip 192.168.56.22", token));
        lab.await("w-1 and w-2 Ready", "cp-1", nodes -> ready(nodes, "w-1") && ready(nodes, "w-2"), WAIT);
        lab.atSourceTime("05:05:36");
        lab.source("cp-1", "kubectl with agents", "kubectl get nodes -o wide");
    }

    private void experiment2() {
        lab.atSourceTime("05:07");
        lab.source("cp-1", "stop", "systemctl stop k3s");
        lab.source("cp-1", "install", install("server --cluster-init " + CP1_FLAGS, null));
        lab.await("cp-1 Ready as an etcd server", "cp-1",
                nodes -> nodes.stream().anyMatch(n -> n.name().equals("cp-1") && n.ready() && n.roles().contains("etcd")), WAIT);
        lab.atSourceTime("05:07:18");
        lab.source("cp-1", "kubectl after install", "kubectl get nodes -o wide");
        lab.atSourceTime("05:08");
        lab.source("cp-1", "ls db", "ls -al " + DB);
        lab.source("cp-1", "ls db/etcd", "ls -al " + DB + "etcd/");
        lab.source("cp-1", "unit", "systemctl cat k3s");
        token = lab.secret("cp-1", "token", "sudo cat /var/lib/rancher/k3s/server/node-token");
        lab.atSourceTime("05:10");
        lab.source("cp-2", "install", install("server --server " + JOIN_URL + " --node-ip 192.168.56.12"
                + " --advertise-address 192.168.56.12", token));
        lab.await("cp-2 Ready", "cp-1", nodes -> ready(nodes, "cp-2"), WAIT);
        lab.atSourceTime("05:11");
        lab.source("cp-2", "ls db", "ls -al " + DB);
        lab.source("cp-2", "ls db/etcd", "ls -al " + DB + "etcd/");
        lab.source("cp-2", "unit", "systemctl cat k3s");
        lab.atSourceTime("05:13:30");
        lab.source("cp-3", "install", install("server --server " + JOIN_URL + " --node-ip 192.168.56.13"
                + " --advertise-address 192.168.56.13", token));
        lab.await("cp-3 Ready", "cp-1", nodes -> ready(nodes, "cp-3"), WAIT);
        lab.source("cp-1", "kubectl", "kubectl get nodes -o wide");
        lab.source("cp-1", "member list", MEMBER_LIST);
        lab.source("cp-1", "endpoint status", ENDPOINT_STATUS);
    }

    private void experiment3a() {
        lab.atSourceTime("05:24");
        lab.source("cp-2", "ExecStart before", "cat /etc/systemd/system/k3s.service | grep ExecStart");
        dropJoinFlagAndReload("cp-2");
        // "After a reboot, logging in over SSH shows systemctl status" (8 s after K3s started, in the source).
        lab.hold(Duration.ofSeconds(8));
        lab.source("cp-2", "status", "systemctl status k3s");
        lab.await("cp-2 Ready seen from cp-2", "cp-2", nodes -> ready(nodes, "cp-2"), WAIT);
        lab.source("cp-2", "kubectl", "kubectl get nodes -o wide");
        lab.source("cp-2", "member list", MEMBER_LIST);
        lab.atSourceTime("05:40");
        dropJoinFlagAndReload("cp-3");
        lab.await("cp-3 Ready", "cp-1", nodes -> ready(nodes, "cp-3"), WAIT);
        lab.source("cp-1", "kubectl", "kubectl get nodes -o wide");
        lab.source("cp-1", "member list", MEMBER_LIST);
    }

    /** 3a: delete the {@code '--server'} line and the URL line after it (the source uses vi), daemon-reload, vagrant reload. */
    private void dropJoinFlagAndReload(String node) {
        lab.source(node, "edit", "sed -i \"/'--server'/,+1d\" /etc/systemd/system/k3s.service");
        lab.source(node, "daemon-reload", "systemctl daemon-reload");
        lab.extra(node, "unit after edit", "systemctl cat k3s");
        lab.reload(node);
    }

    private void experiment3b() {
        lab.atSourceTime("05:55");
        lab.source("cp-1", "ExecStart before", "systemctl cat k3s | grep ExecStart -A 10");
        lab.source("cp-1", "install", install("server " + CP1_FLAGS, null));
        lab.source("cp-1", "ExecStart after", "systemctl cat k3s | grep ExecStart -A 10");
        lab.atSourceTime("05:58");
        lab.reload("cp-1");
        lab.await("all five Ready after cp-1's reboot", "cp-1", nodes -> ALL.stream().allMatch(n -> ready(nodes, n)), WAIT);
        lab.atSourceTime("06:00");
        lab.source("cp-1", "kubectl", "kubectl get nodes -o wide");
        lab.source("cp-1", "member list", MEMBER_LIST);
    }

    private void experiment4a() {
        lab.atSourceTime("06:08:30");
        lab.source("cp-3", "stop", "sudo systemctl stop k3s");
        lab.source("cp-3", "killall", "k3s-killall.sh");
        lab.source("cp-3", "ls wal", "ls /var/lib/rancher/k3s/server/db/etcd/member/wal/");
        lab.monitorUntil("cp-3 NotReady on cp-1's monitor", pass -> nodesOf(pass).filter(n -> notReady(n, "cp-3")).isPresent(),
                WAIT);
        // The source's terminal holds this process; its session ends before 4b (see experiment4b).
        handStarted4a = lab.background("cp-3", "start", "sudo k3s server " + CP3_FLAGLESS, "/tmp/k3s-4a.log");
        lab.monitorUntil("cp-3 Ready again on cp-1's monitor", pass -> nodesOf(pass).filter(n -> ready(n, "cp-3")).isPresent(),
                WAIT);
        lab.source("cp-3", "kubectl", "kubectl get nodes -o wide");
        lab.source("cp-3", "member list", MEMBER_LIST);
        lab.source("cp-3", "endpoint status", ENDPOINT_STATUS);
        lab.source("cp-1", "endpoint status", ENDPOINT_STATUS_HTTPS);
        lab.source("cp-1", "kubectl plain", "kubectl get nodes");
        lab.source("cp-3", "kubectl plain", "kubectl get nodes");
    }

    private void experiment4b() {
        // The source started 4a's k3s with `&` in a terminal session that ended before 4b (its
        // 4b shows cp-3's apiserver refusing right after `systemctl stop k3s`, so nothing served
        // any more). Here it runs under nohup, which ignores the SIGHUP a closing terminal sends:
        // end it the way the session's end did.
        lab.extra("cp-3", "end 4a's terminal session", "kill " + handStarted4a);
        lab.atSourceTime("06:30");
        lab.source("cp-3", "stop", "systemctl stop k3s");
        lab.source("cp-3", "status", "systemctl status k3s");
        lab.source("cp-3", "kubectl refused", "kubectl get nodes");
        lab.await("cp-3 NotReady on cp-1", "cp-1", nodes -> notReady(nodes, "cp-3"), WAIT);
        lab.source("cp-1", "kubectl plain", "kubectl get nodes");
        lab.atSourceTime("06:33");
        lab.source("cp-3", "rm wal", "rm -rf /var/lib/rancher/k3s/server/db/etcd/member/wal/");
        lab.source("cp-3", "ls member", "ls /var/lib/rancher/k3s/server/db/etcd/member/");
        handStarted4b = lab.background("cp-3", "start", "k3s server " + CP3_FLAGLESS, "/tmp/k3s-4b.log");
        lab.await("cp-3 Ready seen from cp-3", "cp-3", nodes -> ready(nodes, "cp-3"), WAIT);
        lab.source("cp-3", "kubectl", "kubectl get nodes -o wide");
        lab.source("cp-3", "endpoint status", ENDPOINT_STATUS);
        lab.source("cp-3", "ls db", "ls -al " + DB);
        // The source states that etcd/ is left beside the new state.db and that kine.sock exists,
        // without showing these two listings.
        lab.extra("cp-3", "ls db/etcd", "ls -al " + DB + "etcd/");
        lab.extra("cp-3", "ls server", "ls -al /var/lib/rancher/k3s/server/");
        lab.atSourceTime("06:35:46");
        lab.monitor();
    }

    private void experiment4c() {
        lab.atSourceTime("06:44");
        lab.source("cp-3", "killall", "k3s-killall.sh");
        lab.source("cp-3", "uninstall", "/usr/local/bin/k3s-uninstall.sh");
        lab.source("cp-3", "ls k3s", "ls /var/lib/rancher/k3s/");
        lab.source("cp-3", "install", curlInstall("server " + CP3_FLAGLESS));
        lab.await("cp-3 Ready seen from cp-3", "cp-3", nodes -> ready(nodes, "cp-3"), WAIT);
        lab.source("cp-3", "kubectl", "kubectl get nodes -o wide");
        lab.source("cp-3", "ls db", "ls -al " + DB);
        lab.source("cp-3", "ls db/etcd", "ls -al " + DB + "etcd/");
        lab.source("cp-1", "kubectl", "kubectl get nodes -o wide");
    }

    private void experiment5a() {
        lab.hold(HOLD_5A);
        lab.source("cp-1", "member list", MEMBER_LIST);
        lab.source("cp-1", "kubectl", "kubectl get nodes -o wide");
        lab.source("cp-1", "endpoint health", ENDPOINT_HEALTH);
        lab.source("cp-1", "endpoint status", ENDPOINT_STATUS);
    }

    private void experiment5b() {
        lab.source("cp-1", "delete", "kubectl delete node cp-3");
        lab.source("cp-1", "member list", MEMBER_LIST);
        lab.source("cp-1", "kubectl", "kubectl get nodes -o wide");
    }

    private void experiment5c() {
        // "kill -9 <leftover K3s PID>: if the process started in the background is still there":
        // the one started by hand in 4b.
        lab.source("cp-3", "kill", "kill -9 " + handStarted4b);
        lab.source("cp-3", "rm", "rm -rf /var/lib/rancher/k3s/");
        lab.source("cp-3", "install", curlInstall("server \\\n--server " + JOIN_URL + " \\\n--token " + token
                + " \\\n--node-ip 192.168.56.13 \\\n--advertise-address 192.168.56.13"));
        lab.source("cp-3", "status", "systemctl status k3s");
        lab.source("cp-3", "unit", "systemctl cat k3s");
        lab.monitorUntil("cp-3's Node Ready on cp-1's monitor", pass -> nodesOf(pass).filter(n -> ready(n, "cp-3")).isPresent(),
                WAIT);
        lab.source("cp-1", "kubectl", "kubectl get nodes -o wide");
        lab.source("cp-1", "member list", MEMBER_LIST);
        lab.await("five Ready seen from cp-3", "cp-3", nodes -> ALL.stream().allMatch(n -> ready(nodes, n)), WAIT);
        lab.source("cp-3", "kubectl plain", "kubectl get nodes");
        // The source states where cp-3's kubeconfig points without showing the file.
        lab.extra("cp-3", "kubeconfig server", "grep server: /etc/rancher/k3s/k3s.yaml");
    }

    private static Optional<List<NodeRow>> nodesOf(MonitorPass pass) {
        return PlayDriver.nodes(pass.nodes());
    }
}
