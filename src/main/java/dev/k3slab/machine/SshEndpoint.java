package dev.k3slab.machine;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where and how to reach a node over SSH, as {@code vagrant ssh-config} tells it (or the emulated
 * lab hands it out).
 *
 * @param node         lab node name
 * @param host         host to connect to (always loopback for VirtualBox and the emulated lab)
 * @param port         TCP port
 * @param user         login user ({@code vagrant})
 * @param identityFile private key file
 */
public record SshEndpoint(String node, String host, int port, String user, Path identityFile) {
    public SshEndpoint {
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(identityFile, "identityFile");
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
    }
}
