package dev.k3slab.scenario;

import dev.k3slab.check.BootCaseSpec;
import dev.k3slab.check.CheckSpec;
import dev.k3slab.check.ObservationKind;
import dev.k3slab.check.SplitBrainSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The observations a judging step reads, with the key it names them under and the kinds it accepts. */
final class ObservationRefs {

    /** One reference: {@code name} (or {@code <scenario>/<name>}) under {@code key}, which must be of one of {@code kinds}. */
    record Ref(String key, String name, Set<ObservationKind> kinds) {
        /** The scenario a qualified name points into, or null for a plain name. */
        String scenario() {
            int i = name.indexOf('/');
            return i < 0 ? null : name.substring(0, i);
        }

        /** The name without its scenario part. */
        String local() {
            int i = name.indexOf('/');
            return i < 0 ? name : name.substring(i + 1);
        }
    }

    private ObservationRefs() {
    }

    static List<Ref> of(Step step) {
        List<Ref> refs = new ArrayList<>();
        if (step instanceof Step.Check c) {
            CheckSpec s = c.spec();
            Set<ObservationKind> kinds = s.relation().reads();
            add(refs, "in", s.in(), kinds);
            add(refs, "between", s.earlier(), kinds);
            add(refs, "between", s.later(), kinds);
            add(refs, "id-same-as", s.idSameAs(), Set.of(ObservationKind.MEMBERS));
            add(refs, "id-new-against", s.idNewAgainst(), Set.of(ObservationKind.MEMBERS));
        } else if (step instanceof Step.Verdict v) {
            SplitBrainSpec s = v.spec();
            add(refs, "inside", s.inside(), Set.of(ObservationKind.NODES));
            add(refs, "outside", s.outside(), Set.of(ObservationKind.NODES));
            add(refs, "before", s.before(), Set.of(ObservationKind.NODES));
            add(refs, "layout", s.layout(), Set.of(ObservationKind.LAYOUT));
        } else if (step instanceof Step.BootCase bc) {
            BootCaseSpec s = bc.spec();
            add(refs, "inside", s.inside(), Set.of(ObservationKind.NODES));
            add(refs, "outside", s.outside(), Set.of(ObservationKind.NODES));
            add(refs, "layout", s.layout(), Set.of(ObservationKind.LAYOUT));
            add(refs, "members", s.members(), Set.of(ObservationKind.MEMBERS));
            add(refs, "members-before", s.membersBefore(), Set.of(ObservationKind.MEMBERS));
        }
        return refs;
    }

    private static void add(List<Ref> refs, String key, String name, Set<ObservationKind> kinds) {
        if (name != null) {
            refs.add(new Ref(key, name, kinds));
        }
    }
}
