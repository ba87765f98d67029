package dev.k3slab.scenario;

import dev.k3slab.machine.Checkpoints;
import dev.k3slab.machine.MachineProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Which experiments a run plays, in order, and where it starts: from a fresh lab, or from the
 * checkpoint the provider saved after the last prerequisite of the first one (then the run
 * variables those prerequisites captured, such as the node token, are read again), or, without
 * such a checkpoint, by replaying the prerequisites first.
 *
 * @param experiments the experiments to run, in order
 * @param restore     the checkpoint to restore before the first one, or null
 * @param recapture   steps of skipped prerequisites that capture run variables, to run again first
 * @param notes       what the reader must know about how the run starts
 */
public record RunPlan(List<Scenario> experiments, String restore, List<Step> recapture, List<String> notes) {
    /** Checkpoints are named after the experiment whose end state they hold. */
    public static final String CHECKPOINT_PREFIX = "after-";

    public RunPlan {
        experiments = List.copyOf(experiments);
        recapture = List.copyOf(recapture);
        notes = List.copyOf(notes);
    }

    /**
     * Which experiments to run: all of them, {@code only} these ids, or everything {@code from} an
     * id on (empty list and null mean no restriction).
     */
    public record Selection(List<String> only, String from) {
        public Selection {
            only = only == null ? List.of() : List.copyOf(only);
        }

        public static Selection all() {
            return new Selection(List.of(), null);
        }
    }

    /** Plans a selection; throws {@link IllegalArgumentException} naming unknown ids and the known ones. */
    public static RunPlan of(ScenarioSet set, Selection sel, MachineProvider provider) {
        List<String> ids = set.ids();
        for (String id : sel.only()) {
            requireKnown(set, id);
        }
        if (sel.from() != null) {
            requireKnown(set, sel.from());
        }
        List<Scenario> targets = new ArrayList<>();
        if (!sel.only().isEmpty()) {
            set.all().stream().filter(s -> sel.only().contains(s.id())).forEach(targets::add);
        } else if (sel.from() != null) {
            targets.addAll(set.all().subList(ids.indexOf(sel.from()), ids.size()));
        } else {
            targets.addAll(set.all());
        }
        Scenario first = targets.get(0);
        Optional<Scenario> start = set.startState(first);
        List<String> notes = new ArrayList<>();
        if (start.isEmpty()) {
            return new RunPlan(targets, null, List.of(), notes);
        }
        String checkpoint = CHECKPOINT_PREFIX + start.get().id();
        List<Scenario> skipped = set.prerequisites(first.id());
        if (provider instanceof Checkpoints c && c.checkpoints().contains(checkpoint)) {
            notes.add("starting at " + first.id() + " from checkpoint " + checkpoint + " (the state " + start.get().id()
                    + " left) instead of replaying " + String.join(", ", skipped.stream().map(Scenario::id).toList()));
            List<Step> recapture = new ArrayList<>();
            skipped.forEach(s -> s.steps().stream().filter(st -> st instanceof Step.Run r && r.capture() != null)
                    .forEach(recapture::add));
            return new RunPlan(targets, checkpoint, recapture, notes);
        }
        List<Scenario> replay = new ArrayList<>(skipped);
        replay.removeAll(targets);
        notes.add("no checkpoint " + checkpoint + " on the " + provider.id() + " provider: replaying "
                + String.join(", ", replay.stream().map(Scenario::id).toList()) + " before " + first.id());
        List<Scenario> all = new ArrayList<>(replay);
        all.addAll(targets);
        return new RunPlan(all, null, List.of(), notes);
    }

    private static void requireKnown(ScenarioSet set, String id) {
        if (set.find(id).isEmpty()) {
            throw new IllegalArgumentException("no scenario has the id '" + id + "'; known: " + String.join(", ", set.ids()));
        }
    }
}
