package dev.k3slab.machine.vagrant;

import dev.k3slab.machine.SshEndpoint;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One {@code Host} block of {@code vagrant ssh-config}.
 *
 * @param host         the {@code Host} name (the Vagrant machine name)
 * @param hostName     {@code HostName}, always 127.0.0.1 for VirtualBox
 * @param user         {@code User}
 * @param port         {@code Port}: the host side of the guest-22 forward
 * @param identityFile the first {@code IdentityFile}, unquoted
 */
public record SshConfigEntry(String host, String hostName, String user, int port, String identityFile) {
    public SshConfigEntry {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(hostName, "hostName");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(identityFile, "identityFile");
    }

    /** The endpoint of lab node {@code node} described by this block. */
    public SshEndpoint toEndpoint(String node) {
        return new SshEndpoint(node, hostName, port, user, Path.of(identityFile));
    }
}
