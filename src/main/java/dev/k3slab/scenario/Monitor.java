package dev.k3slab.scenario;

import dev.k3slab.observe.EndpointStatus;
import dev.k3slab.observe.EtcdMember;
import dev.k3slab.observe.ParseException;
import dev.k3slab.observe.Parsers;
import dev.k3slab.record.MonitorSample;
import dev.k3slab.shell.CommandResult;
import dev.k3slab.shell.NodeShell;
import dev.k3slab.shell.ShellException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The experiments' 5-second loop on one node ({@code kubectl get nodes -o wide} and
 * {@code etcdctl member list}, as in the source), plus {@code etcdctl endpoint status} for the
 * timeline's RAFT TERM, sampled every interval of lab time while steps run, each sample added to
 * the run's timeline. On the emulated lab it samples on the engine's thread as the clock moves; on
 * a real lab on a thread of its own, with a shell of its own.
 */
final class Monitor implements AutoCloseable {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final LabSession lab;
    private final String node;
    private final String experiment;
    private final Supplier<String> step;
    private final List<MonitorSample> timeline;
    private final NodeShell ownShell;
    private final AutoCloseable schedule;

    private Monitor(LabSession lab, String node, Duration every, String experiment, Supplier<String> step,
                    List<MonitorSample> timeline) {
        this.lab = lab;
        this.node = node;
        this.experiment = experiment;
        this.step = step;
        this.timeline = timeline;
        this.ownShell = lab.time().emulated() ? null : lab.separateShell(node);
        this.schedule = lab.time().every(every, this::sample);
    }

    static Monitor start(LabSession lab, String node, Duration every, String experiment, Supplier<String> step,
                         List<MonitorSample> timeline) {
        return new Monitor(lab, node, every, experiment, step, timeline);
    }

    String node() {
        return node;
    }

    /**
     * Takes one sample. Each probe stands alone: one that fails or prints what the parsers reject
     * leaves its value null and its reason in the sample's error; a node that cannot be reached at
     * all ends the sample there. Nothing here fails the run.
     */
    void sample() {
        NodeShell shell = ownShell != null ? ownShell : lab.shell(node);
        List<String> errors = new ArrayList<>();
        List<MonitorSample.NodePoint> points = null;
        List<EtcdMember> members = null;
        List<EndpointStatus> status = null;
        try {
            points = probe(shell, "nodes", Observer.NODES, errors, out -> Parsers.kubectlNodes(out).stream()
                    .map(r -> new MonitorSample.NodePoint(r.name(), r.ready(), r.rolesText())).toList());
            members = probe(shell, "members", Observer.MEMBERS, errors, Parsers::etcdMembers);
            status = probe(shell, "status", Observer.STATUS, errors, Parsers::endpointStatus);
        } catch (ShellException e) {
            errors.add(e.getMessage());
        }
        if (status != null && status.isEmpty()) {
            errors.add("status: no endpoint answered");
        }
        timeline.add(new MonitorSample(lab.time().now(), node, experiment, step.get(), points == null ? List.of() : points,
                members == null ? null : members.size(),
                members == null ? null : (int) members.stream().filter(EtcdMember::learner).count(),
                status == null || status.isEmpty() ? null : status.get(0).raftTerm(),
                errors.isEmpty() ? null : String.join("; ", errors)));
    }

    /** Runs one probe and reads its output; null (the reason added to {@code errors}) when it cannot be read. */
    private static <T> T probe(NodeShell shell, String what, String command, List<String> errors, Function<String, T> read) {
        CommandResult r = shell.run(command, TIMEOUT);
        if (!r.succeeded()) {
            errors.add(what + ": " + (r.statusUnknown() ? r.describeStatus() + ": " : "") + Observer.firstLine(r.stderr()));
            return null;
        }
        try {
            return read.apply(r.stdout());
        } catch (ParseException e) {
            errors.add(what + ": " + e.getMessage());
            return null;
        }
    }

    @Override
    public void close() {
        try {
            schedule.close();
        } catch (Exception e) {
            // Stopping the schedule is best effort; the samples taken so far are kept either way.
        } finally {
            if (ownShell != null) {
                ownShell.close();
            }
        }
    }
}
