package dev.k3slab.emulator.vagrantdouble;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;

/**
 * A port on 127.0.0.1 that accepts TCP connections and never says anything: the SSH port of a
 * machine whose guest hangs (no SSH banner ever comes). Connections stay open until it is closed.
 */
final class SilentPort implements AutoCloseable {
    private final ServerSocket server;
    private final Thread acceptor;
    private final List<Socket> held = new ArrayList<>();

    SilentPort() {
        try {
            server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException("vagrant double: cannot open a port on 127.0.0.1 for a silent SSH", e);
        }
        acceptor = new Thread(this::accept, "vagrant-double-silent-ssh");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return server.getLocalPort();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                synchronized (held) {
                    held.add(s);
                }
            } catch (IOException e) {
                // closed: the loop ends
            }
        }
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            // closing a listener that is going away anyway
        }
        synchronized (held) {
            for (Socket s : held) {
                try {
                    s.close();
                } catch (IOException e) {
                    // best effort: the peer may have gone already
                }
            }
            held.clear();
        }
        try {
            acceptor.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
