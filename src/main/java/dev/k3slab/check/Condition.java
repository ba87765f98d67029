package dev.k3slab.check;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A condition that a wait polls, over a fresh observation from one node, written as a short
 * sentence such as {@code node cp-3 Ready from cp-1} or {@code 3 voters from cp-1}.
 *
 * @param text    the sentence as written
 * @param form    which form it has
 * @param subject the node (or count) it is about; null for the forms about a whole endpoint
 * @param state   the state it waits for ({@code Ready}, {@code learner}, ...); null for counts
 * @param from    the node whose point of view is observed
 */
public record Condition(String text, Form form, String subject, String state, String from) {

    /** The forms a condition can take. */
    public enum Form {
        NODE("node <node> Ready|NotReady|listed|absent from <node>",
                "node (\\S+) (Ready|NotReady|listed|absent) from (\\S+)", ObservationKind.NODES),
        NODE_ROLES("node <node> roles <roles> from <node>", "node (\\S+) roles (\\S+) from (\\S+)", ObservationKind.NODES),
        NODES_READY("<n> nodes Ready from <node>", "([0-9]+) nodes (Ready) from (\\S+)", ObservationKind.NODES),
        MEMBER("member <node> present|absent|learner|voter from <node>",
                "member (\\S+) (present|absent|learner|voter) from (\\S+)", ObservationKind.MEMBERS),
        MEMBERS("<n> members from <node>", "([0-9]+) (members) from (\\S+)", ObservationKind.MEMBERS),
        VOTERS("<n> voters from <node>", "([0-9]+) (voters) from (\\S+)", ObservationKind.MEMBERS),
        APISERVER("apiserver refused|up from <node>", "()apiserver (refused|up) from (\\S+)", ObservationKind.NODES),
        ENDPOINT("endpoint unavailable|healthy from <node>", "()endpoint (unavailable|healthy) from (\\S+)", ObservationKind.HEALTH);

        private final String shape;
        private final Pattern pattern;
        private final ObservationKind reads;

        Form(String shape, String regex, ObservationKind reads) {
            this.shape = shape;
            this.pattern = Pattern.compile(regex);
            this.reads = reads;
        }

        /** The form in words, for messages. */
        public String shape() {
            return shape;
        }

        /** The kind of observation each poll makes. */
        public ObservationKind reads() {
            return reads;
        }
    }

    /** The condition a sentence states, or empty when it has none of the forms. */
    public static Optional<Condition> parse(String text) {
        String t = text.trim().replaceAll("\\s+", " ");
        for (Form f : Form.values()) {
            Matcher m = f.pattern.matcher(t);
            if (m.matches()) {
                String subject = m.group(1).isEmpty() ? null : m.group(1);
                return Optional.of(new Condition(t, f, subject, m.group(2), m.group(3)));
            }
        }
        return Optional.empty();
    }

    /** Every form in words, for the message of a condition that has none. */
    public static List<String> shapes() {
        return Arrays.stream(Form.values()).map(Form::shape).toList();
    }

    /** The nodes the condition names (subject when it is a node, and the viewpoint). */
    public List<String> nodes() {
        boolean subjectIsNode = form == Form.NODE || form == Form.NODE_ROLES || form == Form.MEMBER;
        return subjectIsNode ? List.of(subject, from) : List.of(from);
    }

    @Override
    public String toString() {
        return text;
    }
}
