package dev.k3slab.emulator.ssh;

import dev.k3slab.emulator.node.NodeHost;
import dev.k3slab.emulator.node.NodeInterpreter;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.io.nio2.Nio2ServiceFactoryFactory;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.common.util.threads.ThreadUtils;
import org.apache.sshd.core.CoreModuleProperties;
import org.apache.sshd.server.Environment;
import org.apache.sshd.server.ExitCallback;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.PublicKey;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The SSH server of one emulated node: Apache MINA sshd on 127.0.0.1, public-key authentication
 * only (the run's user key, users {@code vagrant} and {@code root}), exec requests run by the
 * node interpreter on a pool of command threads (several at once), SFTP over the node's disk
 * ({@link NodeSftp}), interactive shells refused.
 *
 * <p>{@link #stop()} is the machine going down: sessions are dropped at once, running commands
 * are interrupted and never send an exit status. {@link #start(int)} may be called again, on the
 * same port, with the same host key. Threads are named {@code emu-ssh-<node>-...}.
 */
public final class NodeSshServer implements AutoCloseable {
    static final Set<String> USERS = Set.of("vagrant", "root");

    private final NodeHost host;
    private final KeyPair hostKey;
    private final PublicKey userKey;
    private final NodeInterpreter interpreter;
    private SshServer server;
    private ExecutorService commands;
    private volatile boolean serving;

    public NodeSshServer(NodeHost host, KeyPair hostKey, PublicKey userKey) {
        this.host = host;
        this.hostKey = hostKey;
        this.userKey = userKey;
        this.interpreter = new NodeInterpreter(host);
    }

    /**
     * Starts listening on 127.0.0.1:{@code port} ({@code 0}: any free port).
     *
     * @return the port listened on
     * @throws IOException when the port cannot be bound
     */
    public synchronized int start(int port) throws IOException {
        if (server != null) {
            return server.getPort();
        }
        String prefix = "emu-ssh-" + host.name();
        ExecutorService pool = Executors.newCachedThreadPool(named(prefix + "-cmd-"));
        SshServer s = SshServer.setUpDefaultServer();
        s.setHost("127.0.0.1");
        s.setPort(port);
        s.setKeyPairProvider(KeyPairProvider.wrap(hostKey));
        s.setPasswordAuthenticator(null);
        s.setKeyboardInteractiveAuthenticator(null);
        s.setGSSAuthenticator(null);
        s.setHostBasedAuthenticator(null);
        s.setPublickeyAuthenticator((user, key, session) -> USERS.contains(user) && KeyUtils.compareKeys(key, userKey));
        s.setIoServiceFactoryFactory(new Nio2ServiceFactoryFactory(() -> ThreadUtils.newFixedThreadPool(prefix + "-io", 2)));
        s.setScheduledExecutorService(ThreadUtils.newSingleThreadScheduledExecutor(prefix + "-timer"), true);
        s.setCommandFactory((channel, commandLine) ->
                new InterpreterCommand(host.name(), commandLine, interpreter, pool, () -> serving));
        s.setShellFactory(channel -> new Refusal("an interactive shell on " + host.name()
                + "; send each command as an exec request (ssh HOST 'command')"));
        s.setFileSystemFactory(NodeSftp.fileSystem(host));
        s.setSubsystemFactories(List.of(NodeSftp.subsystem(host, prefix)));
        // Small request/response exchanges: without TCP_NODELAY each one waits for delayed ACKs.
        CoreModuleProperties.TCP_NODELAY.set(s, true);
        try {
            s.start();
        } catch (IOException | RuntimeException e) {
            pool.shutdownNow();
            closeQuietly(s);
            throw e instanceof IOException io ? io : new IOException(e);
        }
        server = s;
        commands = pool;
        serving = true;
        return s.getPort();
    }

    public synchronized boolean running() {
        return server != null;
    }

    /** The port listened on; throws when stopped. */
    public synchronized int port() {
        if (server == null) {
            throw new IllegalStateException(host.name() + ": the SSH server is not running");
        }
        return server.getPort();
    }

    /** Drops every session at once and stops; running commands are interrupted and send no exit status. */
    public synchronized void stop() {
        if (server == null) {
            return;
        }
        serving = false;
        commands.shutdownNow();
        closeQuietly(server);
        try {
            // Commands blocked inside a model call finish on their own; their output goes nowhere.
            commands.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        server = null;
        commands = null;
    }

    @Override
    public void close() {
        stop();
    }

    private static void closeQuietly(SshServer s) {
        try {
            s.stop(true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot stop the SSH server on port " + s.getPort(), e);
        }
    }

    private static ThreadFactory named(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /** Answers a request the emulated node does not serve with a refusal on stderr and status 127. */
    private static final class Refusal implements Command {
        private final String what;
        private OutputStream err;
        private ExitCallback exit;

        Refusal(String what) {
            this.what = what;
        }

        @Override
        public void setInputStream(InputStream in) {
            // nothing is read
        }

        @Override
        public void setOutputStream(OutputStream out) {
            // nothing is written to stdout
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
        public void start(ChannelSession channel, Environment env) throws IOException {
            err.write(("not modelled by the emulated lab: " + what + "\r\n").getBytes(StandardCharsets.UTF_8));
            err.flush();
            exit.onExit(127, what);
        }

        @Override
        public void destroy(ChannelSession channel) {
            // nothing runs
        }
    }
}
