package dev.k3slab.emulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;

/**
 * Writes {@code <run>/ssh/config} (one {@code Host} block per running machine, like
 * {@code vagrant ssh-config}) and {@code <run>/ssh/known_hosts}, so that a person can look into
 * an emulated node with OpenSSH: {@code ssh -F <run>/ssh/config cp-1}.
 */
final class SshFiles {
    private SshFiles() {
    }

    static void write(Path sshDir, Collection<EmulatedMachine> machines) {
        StringBuilder config = new StringBuilder();
        StringBuilder known = new StringBuilder();
        for (EmulatedMachine m : machines) {
            if (!m.sshRunning()) {
                continue;
            }
            config.append("Host ").append(m.name()).append('\n')
                    .append("  HostName 127.0.0.1\n")
                    .append("  User vagrant\n")
                    .append("  Port ").append(m.port()).append('\n')
                    .append("  UserKnownHostsFile ").append(sshDir.resolve("known_hosts")).append('\n')
                    .append("  IdentityFile ").append(sshDir.resolve("id_rsa")).append('\n')
                    .append("  IdentitiesOnly yes\n\n");
            Path hostPub = sshDir.resolve("host-keys").resolve(m.name() + ".pub");
            try {
                String key = Files.readString(hostPub).trim();
                String[] parts = key.split(" ");
                known.append("[127.0.0.1]:").append(m.port()).append(' ').append(parts[0]).append(' ').append(parts[1])
                        .append('\n');
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the host key " + hostPub, e);
            }
        }
        try {
            Files.writeString(sshDir.resolve("config"), config.toString());
            Files.writeString(sshDir.resolve("known_hosts"), known.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the SSH files under " + sshDir, e);
        }
    }
}
