package dev.k3slab.shell.ssh;

import dev.k3slab.machine.SshEndpoint;
import dev.k3slab.shell.CommandListener;
import dev.k3slab.shell.NodeShell;
import dev.k3slab.shell.SecretMasker;
import dev.k3slab.shell.ShellException;
import dev.k3slab.shell.ShellFactory;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * One {@link SshNodeShell} per node, created on first use, all sharing the run's host keys, masker
 * and command listener. Endpoints come from a function (usually the machine provider's
 * {@code sshEndpoint}), asked again whenever a shell reconnects. Thread-safe.
 */
public final class SshShellPool implements ShellFactory {

    private final Function<String, SshEndpoint> endpoints;
    private final SshSettings settings;
    private final HostKeyTrust trust;
    private final SecretMasker masker;
    private final CommandListener listener;
    private final Map<String, SshNodeShell> shells = new ConcurrentHashMap<>();
    private volatile boolean closed;

    public SshShellPool(Function<String, SshEndpoint> endpoints, SshSettings settings, HostKeyTrust trust,
                        SecretMasker masker, CommandListener listener) {
        this.endpoints = endpoints;
        this.settings = settings;
        this.trust = trust;
        this.masker = masker;
        this.listener = listener;
    }

    @Override
    public NodeShell shell(String node) {
        if (closed) {
            throw new ShellException(node, "the shell pool has been closed");
        }
        return shells.computeIfAbsent(node, n -> new SshNodeShell(n, () -> endpoints.apply(n), settings, trust, masker, listener));
    }

    /** The run's host keys, e.g. to print the fingerprints seen. */
    public HostKeyTrust hostKeys() {
        return trust;
    }

    @Override
    public void close() {
        closed = true;
        shells.values().forEach(SshNodeShell::close);
        shells.clear();
    }
}
