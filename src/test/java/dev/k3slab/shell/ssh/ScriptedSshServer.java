package dev.k3slab.shell.ssh;

import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.server.Environment;
import org.apache.sshd.server.ExitCallback;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An in-process Apache MINA sshd on 127.0.0.1 whose commands act out the faults the shell must
 * survive. The command the shell sent is unwrapped from {@code sudo -n sh -c '...'} and picked by
 * its first word: {@code echo X} prints X; {@code fail} exits 3; {@code echo-fail X} prints X, then
 * fails like {@code fail}; {@code hang} never ends;
 * {@code big} writes 5 MiB to stdout and to stderr, interleaved; {@code no-status} closes the channel
 * without an exit status; {@code drop} cuts the TCP connection; a background start prints pid 4242.
 */
final class ScriptedSshServer implements AutoCloseable {

    static final int BIG = 5 * 1024 * 1024;

    final List<String> received = new CopyOnWriteArrayList<>();
    final AtomicInteger sessions = new AtomicInteger();
    private final SshServer sshd;

    private ScriptedSshServer(SshServer sshd) {
        this.sshd = sshd;
    }

    /**
     * @param port    0 for any free port
     * @param hostKey file holding the host key; generated on first use, so the same file means the same key
     * @param allowed the only client key accepted
     */
    static ScriptedSshServer start(int port, Path hostKey, PublicKey allowed) {
        SshServer sshd = SshServer.setUpDefaultServer();
        sshd.setHost("127.0.0.1");
        sshd.setPort(port);
        SimpleGeneratorHostKeyProvider keys = new SimpleGeneratorHostKeyProvider(hostKey);
        keys.setAlgorithm(KeyUtils.EC_ALGORITHM);
        keys.setKeySize(256);
        sshd.setKeyPairProvider(keys);
        sshd.setPublickeyAuthenticator((user, key, session) -> KeyUtils.compareKeys(key, allowed));
        ScriptedSshServer server = new ScriptedSshServer(sshd);
        sshd.addSessionListener(new org.apache.sshd.common.session.SessionListener() {
            @Override
            public void sessionCreated(org.apache.sshd.common.session.Session session) {
                server.sessions.incrementAndGet();
            }
        });
        sshd.setCommandFactory((channel, command) -> server.new Scripted(command));
        try {
            sshd.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return server;
    }

    int port() {
        return sshd.getPort();
    }

    long count(String wire) {
        return received.stream().filter(wire::equals).count();
    }

    @Override
    public void close() {
        try {
            sshd.stop(true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The command inside {@code sudo -n sh -c '...'}. */
    static String unwrap(String wire) {
        String prefix = "sudo -n sh -c '";
        if (!wire.startsWith(prefix) || !wire.endsWith("'")) {
            return wire;
        }
        return wire.substring(prefix.length(), wire.length() - 1).replace("'\"'\"'", "'");
    }

    final class Scripted implements Command {
        private final String wire;
        private final CountDownLatch destroyed = new CountDownLatch(1);
        private OutputStream out;
        private OutputStream err;
        private ExitCallback exit;

        Scripted(String wire) {
            this.wire = wire;
            received.add(wire);
        }

        @Override
        public void setInputStream(InputStream in) {
        }

        @Override
        public void setOutputStream(OutputStream out) {
            this.out = out;
        }

        @Override
        public void setErrorStream(OutputStream err) {
            this.err = err;
        }

        @Override
        public void setExitCallback(ExitCallback callback) {
            this.exit = callback;
        }

        @Override
        public void start(ChannelSession channel, Environment env) {
            Thread t = new Thread(() -> act(channel), "scripted-command");
            t.setDaemon(true);
            t.start();
        }

        @Override
        public void destroy(ChannelSession channel) {
            destroyed.countDown();
        }

        private void act(ChannelSession channel) {
            String inner = unwrap(wire);
            try {
                if (inner.startsWith("nohup ")) {
                    write(out, "4242\n");
                    exit.onExit(0);
                } else if (inner.startsWith("echo ")) {
                    write(out, inner.substring(5) + "\n");
                    exit.onExit(0);
                } else if (inner.startsWith("echo-fail ")) {
                    write(out, inner.substring(10) + "\n");
                    write(err, "it failed\n");
                    exit.onExit(3);
                } else if (inner.equals("fail")) {
                    write(err, "it failed\n");
                    exit.onExit(3);
                } else if (inner.equals("hang")) {
                    write(out, "started\n");
                    destroyed.await();
                } else if (inner.equals("big")) {
                    byte[] a = "o".repeat(64 * 1024).getBytes(StandardCharsets.US_ASCII);
                    byte[] b = "e".repeat(64 * 1024).getBytes(StandardCharsets.US_ASCII);
                    for (int written = 0; written < BIG; written += a.length) {
                        out.write(a);
                        out.flush();
                        err.write(b);
                        err.flush();
                    }
                    exit.onExit(0);
                } else if (inner.equals("no-status")) {
                    write(out, "partial\n");
                    channel.close(false);
                } else if (inner.equals("drop")) {
                    write(out, "before drop\n");
                    channel.getSession().close(true);
                } else {
                    write(out, "ran: " + inner + "\n");
                    exit.onExit(0);
                }
            } catch (IOException | InterruptedException e) {
                // The client went away while the script ran: nothing to report to it.
            }
        }

        private void write(OutputStream s, String text) throws IOException {
            s.write(text.getBytes(StandardCharsets.UTF_8));
            s.flush();
        }
    }
}
