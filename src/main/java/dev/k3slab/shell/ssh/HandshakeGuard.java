package dev.k3slab.shell.ssh;

import net.schmizz.sshj.SSHClient;

import java.io.IOException;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Bounds sshj's {@code connect}: it reads the server's SSH banner without any timeout (the
 * transport timeout starts with the key exchange), so a port that accepts connections and never
 * speaks (a guest hung after boot, a forward to nothing) would hold a connect, and the run,
 * forever. A watchdog thread of this one attempt closes the socket when the handshake is not
 * done in time; it ends with the attempt, so nothing is left running.
 */
final class HandshakeGuard {

    private HandshakeGuard() {
    }

    /** {@code client.connect(host, port)}, given up after {@code limit} with an error that says why. */
    static void connect(SSHClient client, String host, int port, Duration limit, String node) throws IOException {
        AtomicBoolean fired = new AtomicBoolean();
        Thread watchdog = new Thread(() -> {
            try {
                Thread.sleep(limit.toMillis());
            } catch (InterruptedException e) {
                return;
            }
            fired.set(true);
            Socket s = client.getSocket();
            if (s != null) {
                try {
                    // Closing the socket is what wakes the read blocked on the banner.
                    s.close();
                } catch (IOException e) {
                    // it is going away either way
                }
            }
        }, "ssh-handshake-guard-" + node);
        watchdog.setDaemon(true);
        watchdog.start();
        try {
            client.connect(host, port);
        } catch (IOException e) {
            if (fired.get()) {
                throw new IOException("no SSH handshake within " + limit.toSeconds() + " s from " + host + ":" + port
                        + " (the port accepts connections but no SSH server answers)", e);
            }
            throw e;
        } finally {
            watchdog.interrupt();
            try {
                watchdog.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
