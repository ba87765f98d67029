package dev.k3slab.shell.ssh;

import java.time.Duration;

/**
 * How the SSH shell connects and notices trouble.
 *
 * @param connectTimeout     one TCP connect, key exchange or authentication step
 * @param connectWindow      how long connecting is retried (a VM that is still booting refuses for a while)
 * @param backoffInitial     first pause between connect attempts; doubles up to {@code backoffMax}
 * @param backoffMax         longest pause between connect attempts
 * @param keepAliveInterval  how often a {@code keepalive@openssh.com} request is sent on an idle connection
 * @param keepAliveMaxMisses unanswered keep-alives after which the peer is taken as dead and the connection dropped
 */
public record SshSettings(Duration connectTimeout, Duration connectWindow, Duration backoffInitial,
                          Duration backoffMax, Duration keepAliveInterval, int keepAliveMaxMisses) {

    /** Values for VMs on the same host: a dead peer is noticed within about 15 s. */
    public static SshSettings defaults() {
        return new SshSettings(Duration.ofSeconds(10), Duration.ofSeconds(90), Duration.ofMillis(250),
                Duration.ofSeconds(5), Duration.ofSeconds(5), 3);
    }

    public SshSettings withConnectWindow(Duration d) {
        return new SshSettings(connectTimeout, d, backoffInitial, backoffMax, keepAliveInterval, keepAliveMaxMisses);
    }

    public SshSettings withKeepAlive(Duration interval, int maxMisses) {
        return new SshSettings(connectTimeout, connectWindow, backoffInitial, backoffMax, interval, maxMisses);
    }
}
