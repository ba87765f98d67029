package dev.k3slab.machine;

import java.time.Duration;

/**
 * The lab's machines: bring them up, look at them, reboot one, stop them. Implementations: the
 * Vagrant/VirtualBox provider (real VMs through the {@code vagrant} CLI) and the emulated lab
 * (an in-process model of K3s v1.27.9 behind real SSH servers on loopback).
 *
 * <p>Every method blocks until the action is complete or has failed; failures throw
 * {@link MachineException} naming the command, the machine and the likely fix. Optional abilities
 * ({@link Checkpoints}, {@link TimeControl}) are separate interfaces: check with
 * {@code instanceof}. Not thread-safe: one caller drives a lab at a time.
 */
public interface MachineProvider extends AutoCloseable {

    /** A short id that reports print: {@code vagrant} or {@code emulated}. */
    String id();

    /** One human sentence on what this provider is, e.g. "emulated K3s v1.27.9 model (not real VMs)". */
    String description();

    /** Brings every machine of the topology up (creates and provisions them when needed). */
    void up();

    /** The state of one machine. */
    MachineState state(String node);

    /**
     * Reboots one machine ({@code vagrant reload NAME}): its processes end, enabled systemd units
     * start again with the flags in their unit files. Blocks until it can be reached over SSH again,
     * or {@code timeout} passes.
     */
    void reboot(String node, Duration timeout);

    /** Stops every machine, keeping its disk. */
    void halt();

    /** Destroys every machine of the lab. Idempotent. */
    void destroy();

    /** How to reach a running machine over SSH. */
    SshEndpoint sshEndpoint(String node);

    /** Releases what this provider holds in-process (servers, threads); machines are left as they are. */
    @Override
    void close();
}
