package dev.k3slab.observe;

import java.util.Optional;

/**
 * The flags that decide a K3s server's boot path (reference §1), merged from the unit's ExecStart
 * and its env file: {@code --server URL} / {@code K3S_URL}, a token from {@code --token},
 * {@code --token-file} or {@code K3S_TOKEN}, {@code --cluster-init}, {@code --cluster-reset}.
 *
 * @param server       the join URL, if any
 * @param token        whether a token is given (its value is never kept)
 * @param clusterInit  {@code --cluster-init}
 * @param clusterReset {@code --cluster-reset}
 */
public record JoinFlags(Optional<String> server, boolean token, boolean clusterInit, boolean clusterReset) {

    /** No join flag at all: with no etcd data, such a server silently starts a new SQLite cluster. */
    public boolean none() {
        return server.isEmpty() && !clusterInit && !clusterReset;
    }

    /** A join URL and a token: a server without etcd data joins as a learner. */
    public boolean joins() {
        return server.isPresent() && token;
    }
}
