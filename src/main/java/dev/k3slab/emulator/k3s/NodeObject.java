package dev.k3slab.emulator.k3s;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * A Kubernetes Node object as the model stores it in a datastore (SQLite row value or etcd key
 * {@code /registry/minions/<name>}). Immutable; changes give copies.
 *
 * @param readyStatus {@code True}, {@code False} or {@code Unknown}
 * @param deleting    deletion requested, a finalizer (the etcd member controller) still holds it
 */
record NodeObject(String name, Instant creationTimestamp, Map<String, String> labels, Map<String, String> annotations,
                  String internalIp, String readyStatus, String readyReason, String readyMessage,
                  Instant readyTransition, boolean deleting) {

    static final String ROLE_PREFIX = "node-role.kubernetes.io/";
    static final String ETCD_NAME = "etcd.k3s.cattle.io/node-name";
    static final String ETCD_ADDRESS = "etcd.k3s.cattle.io/node-address";

    NodeObject {
        labels = new TreeMap<>(labels);
        annotations = new TreeMap<>(annotations);
    }

    NodeObject withLabels(Map<String, String> add, Map<String, String> addAnnotations) {
        Map<String, String> l = new TreeMap<>(labels);
        l.putAll(add);
        Map<String, String> a = new TreeMap<>(annotations);
        a.putAll(addAnnotations);
        return new NodeObject(name, creationTimestamp, l, a, internalIp, readyStatus, readyReason, readyMessage,
                readyTransition, deleting);
    }

    NodeObject withReady(String status, String reason, String message, Instant at) {
        return new NodeObject(name, creationTimestamp, labels, annotations, internalIp, status, reason, message, at,
                deleting);
    }

    NodeObject markDeleting() {
        return new NodeObject(name, creationTimestamp, labels, annotations, internalIp, readyStatus, readyReason,
                readyMessage, readyTransition, true);
    }

    /** kubectl's ROLES: suffixes of node-role labels plus kubernetes.io/role, sorted, or {@code <none>}. */
    String roles() {
        TreeMap<String, Boolean> roles = new TreeMap<>();
        labels.forEach((k, v) -> {
            if (k.startsWith(ROLE_PREFIX) && k.length() > ROLE_PREFIX.length()) {
                roles.put(k.substring(ROLE_PREFIX.length()), true);
            } else if (k.equals("kubernetes.io/role") && !v.isEmpty()) {
                roles.put(v, true);
            }
        });
        return roles.isEmpty() ? "<none>" : String.join(",", roles.keySet());
    }

    /** kubectl's STATUS column. */
    String status() {
        if (readyStatus == null) {
            return "Unknown";
        }
        return readyStatus.equals("True") ? "Ready" : "NotReady";
    }
}
