package dev.k3slab.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One check as a scenario states it: a relation, the observations it reads and the value it
 * expects. Operands a relation does not use are null (or empty lists); the scenario loader has
 * already made sure the ones it needs are there.
 *
 * @param name         the check's sentence, e.g. "cp-3 keeps its AGE seen from cp-1"
 * @param relation     the relation
 * @param node         the node it is about, or null
 * @param in           the observation it reads, or null
 * @param earlier      the earlier of two observations it compares, or null
 * @param later        the later of two observations it compares, or null
 * @param is           the expected value, or null
 * @param files        file names for db-has/db-lacks/files-has/files-lacks
 * @param nodes        node names for nodes-visible
 * @param idSameAs     an observation whose member ID for the node must be the same, or null
 * @param idNewAgainst an observation whose member ID for the node must differ, or null
 * @param prediction   what the K3s model of the reference notes predicts here, or null
 */
public record CheckSpec(String name, Relation relation, String node, String in, String earlier, String later,
                        String is, List<String> files, List<String> nodes, String idSameAs, String idNewAgainst,
                        String prediction) {
    public CheckSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(relation, "relation");
        files = files == null ? List.of() : List.copyOf(files);
        nodes = nodes == null ? List.of() : List.copyOf(nodes);
    }

    /** Every observation name this check reads, in operand order. */
    public List<String> references() {
        List<String> refs = new ArrayList<>();
        for (String r : new String[] {in, earlier, later, idSameAs, idNewAgainst}) {
            if (r != null) {
                refs.add(r);
            }
        }
        return refs;
    }

    /** The relation in words, for the record: e.g. {@code age-kept cp-3 between before and after}. */
    public String describe() {
        StringBuilder sb = new StringBuilder(relation.word());
        if (node != null) {
            sb.append(' ').append(node);
        }
        if (is != null) {
            sb.append(" is ").append(is);
        }
        if (!files.isEmpty()) {
            sb.append(' ').append(files);
        }
        if (!nodes.isEmpty()) {
            sb.append(' ').append(nodes);
        }
        if (in != null) {
            sb.append(" in ").append(in);
        }
        if (earlier != null) {
            sb.append(" between ").append(earlier).append(" and ").append(later);
        }
        if (idSameAs != null) {
            sb.append(", ID same as in ").append(idSameAs);
        }
        if (idNewAgainst != null) {
            sb.append(", ID new against ").append(idNewAgainst);
        }
        return sb.toString();
    }
}
