package dev.k3slab.emulator.vagrantdouble;

import dev.k3slab.emulator.EmulatedLab;
import dev.k3slab.topology.Topology;
import dev.k3slab.topology.TopologyLoader;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The "VirtualBox" behind the {@code vagrant} double: one emulated lab that outlives each
 * {@code vagrant} process, served on 127.0.0.1. It writes {@code <vagrant dir>/.vagrant-double/endpoint}
 * ({@code PORT SECRET}), which the client script ({@code src/test/resources/vagrant-double/vagrant})
 * reads; each connection carries one call ({@link DoubleRequest}) and gets its output line by line
 * ({@link Frames}). Calls are acted out one at a time, as Vagrant's machine lock would have it.
 *
 * <p>The emulated lab lives under {@code .vagrant-double/lab/}, its machines are those of
 * {@code topology.yaml} beside the Vagrantfile. {@link #close()} stops the machines' SSH servers,
 * ends every open call and every thread the server started, and removes the endpoint file.
 */
public final class VagrantDoubleServer implements AutoCloseable {
    static final String STATE_DIR = ".vagrant-double";
    static final String ENDPOINT = STATE_DIR + "/endpoint";
    /** The variable that makes one call act out faults (see {@link Fault}); the client forwards it. */
    static final String FAULT_ENV = "VAGRANT_DOUBLE_FAULT";

    private final Path vagrantDir;
    private final DoubleLab lab;
    private final ServerSocket listener;
    private final String secret;
    private final ReentrantLock busy = new ReentrantLock(true);
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final ExecutorService calls;
    private final Thread acceptor;
    private volatile boolean closing;

    private VagrantDoubleServer(Path vagrantDir, Topology topology) throws IOException {
        this.vagrantDir = vagrantDir.toRealPath();
        this.lab = new DoubleLab(topology, this.vagrantDir, this.vagrantDir.resolve(STATE_DIR).resolve("lab"));
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        byte[] random = new byte[16];
        new SecureRandom().nextBytes(random);
        this.secret = HexFormat.of().formatHex(random);
        AtomicInteger n = new AtomicInteger();
        this.calls = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "vagrant-double-call-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        Path endpoint = this.vagrantDir.resolve(ENDPOINT);
        Files.createDirectories(endpoint.getParent());
        Files.writeString(endpoint, listener.getLocalPort() + " " + secret + "\n");
        Files.setPosixFilePermissions(endpoint, PosixFilePermissions.fromString("rw-------"));
        this.acceptor = new Thread(this::accept, "vagrant-double-acceptor");
        this.acceptor.setDaemon(true);
        this.acceptor.start();
    }

    /** Serves the Vagrant folder {@code vagrantDir}: its machines are those of its {@code topology.yaml}. */
    public static VagrantDoubleServer start(Path vagrantDir) {
        return start(vagrantDir, TopologyLoader.load(vagrantDir.resolve("topology.yaml")));
    }

    /** Serves the Vagrant folder {@code vagrantDir} with the machines of {@code topology}. */
    public static VagrantDoubleServer start(Path vagrantDir, Topology topology) {
        try {
            return new VagrantDoubleServer(vagrantDir, topology);
        } catch (IOException e) {
            throw new UncheckedIOException("vagrant double: cannot serve " + vagrantDir + ": " + e.getMessage(), e);
        }
    }

    public Path vagrantDir() {
        return vagrantDir;
    }

    /** The port the client connects to. */
    public int port() {
        return listener.getLocalPort();
    }

    /** Acts out {@code spec} (see {@link Fault}) on every later call, until {@link #clearFaults()}. */
    public void inject(String spec) {
        lab.inject(Fault.parse(spec));
    }

    public void clearFaults() {
        lab.clearFaults();
    }

    /** The emulated lab's clock (the side channel of the test's TimeControl: VirtualBox has no such thing). */
    public Instant now() {
        return lab.lab.now();
    }

    /** Moves the emulated lab's clock, between two {@code vagrant} calls. */
    public void advance(Duration d) {
        busy.lock();
        try {
            lab.endRound();
            lab.lab.advance(d);
        } finally {
            busy.unlock();
        }
    }

    /** The emulated lab itself, for tests that look behind the double (states, disks). */
    public EmulatedLab lab() {
        return lab.lab;
    }

    private void accept() {
        while (!closing) {
            try {
                Socket s = listener.accept();
                open.add(s);
                calls.execute(() -> serve(s));
            } catch (IOException e) {
                // the listener was closed: the loop ends
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            socket.setTcpNoDelay(true);
            InputStream in = socket.getInputStream();
            Frames frames = new Frames(socket.getOutputStream());
            DoubleRequest request = DoubleRequest.read(in);
            if (!MessageDigest.isEqual(request.secret().getBytes(StandardCharsets.UTF_8), secret.getBytes(StandardCharsets.UTF_8))) {
                frames.stderr("vagrant double: wrong secret; the endpoint file " + vagrantDir.resolve(ENDPOINT)
                        + " belongs to another server. Likely fix: remove it and start the server again");
                frames.exit(1);
                return;
            }
            String cwd = request.env().getOrDefault("VAGRANT_CWD", request.cwd());
            if (!Path.of(cwd).toRealPath().equals(vagrantDir)) {
                frames.stderr("vagrant double: this server serves " + vagrantDir + ", not " + cwd);
                frames.exit(1);
                return;
            }
            int status = call(request, frames, in);
            if (status != VagrantCommands.NO_ANSWER) {
                frames.exit(status);
            }
        } catch (IOException | UncheckedIOException e) {
            // the client went away, or did not speak the protocol: nobody is left to answer
        } finally {
            open.remove(socket);
        }
    }

    private int call(DoubleRequest request, Frames frames, InputStream in) {
        VagrantUi ui = new VagrantUi(frames, request.machineReadable());
        List<Fault> callFaults;
        try {
            callFaults = Fault.parse(request.env().get(FAULT_ENV));
        } catch (IllegalArgumentException e) {
            frames.stderr(e.getMessage());
            return 1;
        }
        busy.lock();
        try {
            return new VagrantCommands(lab, ui, callFaults, caller(in)).run(request.commandArgs());
        } catch (VagrantError e) {
            ui.fatal(e);
            return 1;
        } catch (RuntimeException e) {
            if (closing) {
                return VagrantCommands.NO_ANSWER;
            }
            frames.stderr("vagrant double: the emulated lab failed: " + e);
            return 1;
        } finally {
            busy.unlock();
        }
    }

    private VagrantCommands.Caller caller(InputStream in) {
        return new VagrantCommands.Caller() {
            @Override
            public void awaitGone() {
                try {
                    // The client sends nothing after its request: the read ends when it closes (killed) or we do.
                    while (in.read() >= 0) {
                        continue;
                    }
                } catch (IOException e) {
                    // closed under us: gone as well
                }
            }

            @Override
            public boolean serverClosing() {
                return closing;
            }
        };
    }

    /** Ends the machines, the open calls and the server's threads; a second call does nothing. */
    @Override
    public synchronized void close() {
        if (closing) {
            return;
        }
        closing = true;
        try {
            listener.close();
        } catch (IOException e) {
            // closing anyway
        }
        for (Socket s : open) {
            try {
                s.close();
            } catch (IOException e) {
                // the call ends either way
            }
        }
        calls.shutdownNow();
        try {
            acceptor.join(5000);
            if (!calls.awaitTermination(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("vagrant double: calls still running 30 s after close");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            lab.close();
            try {
                Files.deleteIfExists(vagrantDir.resolve(ENDPOINT));
            } catch (IOException e) {
                // a stale endpoint file is refused by the client: the secret no longer matches any server
            }
        }
    }
}
