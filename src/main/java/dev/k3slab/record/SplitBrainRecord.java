package dev.k3slab.record;

import dev.k3slab.observe.DbLayout;
import java.util.List;

/**
 * The comparison row of experiments 4a/4b/4c (and of any scenario that declares one): how the
 * returning node looks from inside and whether two clusters exist at once.
 *
 * @param node           the returning node, e.g. cp-3
 * @param roles          its ROLES seen from itself, e.g. control-plane,master
 * @param age            its AGE seen from itself
 * @param ageKept        true when the Node object is the old one (AGE kept), false when new
 * @param visibleNodes   the nodes it can see
 * @param datastore      its datastore layout
 * @param splitBrain     true when it and the rest see different clusters
 * @param reason         the observed facts behind the verdict, in words
 */
public record SplitBrainRecord(String node, String roles, String age, Boolean ageKept, List<String> visibleNodes,
                               DbLayout datastore, Boolean splitBrain, String reason) {
}
