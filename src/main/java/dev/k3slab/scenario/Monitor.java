package dev.k3slab.scenario;

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
import java.util.function.Supplier;

/**
 * The experiments' 5-second loop on one node ({@code kubectl get nodes -o wide} and
 * {@code etcdctl member list}), sampled every interval of lab time while steps run, each sample
 * added to the run's timeline. On the emulated lab it samples on the engine's thread as the clock
 * moves; on a real lab on a thread of its own, with a shell of its own.
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

    void sample() {
        NodeShell shell = ownShell != null ? ownShell : lab.shell(node);
        List<MonitorSample.NodePoint> points = List.of();
        Integer members = null;
        Integer learners = null;
        List<String> errors = new ArrayList<>();
        try {
            CommandResult n = shell.run(Observer.NODES, TIMEOUT);
            if (n.succeeded()) {
                points = Parsers.kubectlNodes(n.stdout()).stream()
                        .map(r -> new MonitorSample.NodePoint(r.name(), r.ready(), r.rolesText())).toList();
            } else {
                errors.add("nodes: " + Observer.firstLine(n.stderr()));
            }
            CommandResult m = shell.run(Observer.MEMBERS, TIMEOUT);
            if (m.succeeded()) {
                List<EtcdMember> list = Parsers.etcdMembers(m.stdout());
                members = list.size();
                learners = (int) list.stream().filter(EtcdMember::learner).count();
            } else {
                errors.add("members: " + Observer.firstLine(m.stderr()));
            }
        } catch (ParseException | ShellException e) {
            errors.add(e.getMessage());
        }
        timeline.add(new MonitorSample(lab.time().now(), node, experiment, step.get(), points, members, learners, null,
                errors.isEmpty() ? null : String.join("; ", errors)));
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
