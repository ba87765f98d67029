package dev.k3slab.emulator;

/**
 * A program of the emulated lab that is not a plain shell utility: {@code k3s} (and its
 * {@code kubectl}/{@code crictl}/{@code ctr} names), {@code etcdctl}, {@code systemctl},
 * {@code journalctl}, the install, kill-all and uninstall scripts. The K3s model implements them;
 * the node interpreter finds them through {@link ProgramFiles} markers on the node's disk and calls
 * {@link #run}.
 *
 * <p>Contract: prints exactly what the real tool prints, to the invocation's stdout and stderr,
 * and returns the real exit status. Anything the model does not cover is refused with
 * {@code not modelled by the emulated lab: ...} on stderr and exit status 127, never answered
 * with invented output. Called on the SSH server's command thread; implementations synchronise on
 * the model.
 */
@FunctionalInterface
public interface Program {
    int run(Invocation invocation);
}
