package dev.k3slab.emulator.ssh;

import dev.k3slab.emulator.node.NodeInterpreter;
import org.apache.sshd.server.Environment;
import org.apache.sshd.server.ExitCallback;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;

/**
 * One SSH exec request: runs the command line in the node interpreter on a thread of the node's
 * command pool and sends the exit status, unless the node went down meanwhile (then the client
 * gets no exit status, as from a rebooted VM).
 */
final class InterpreterCommand implements Command {
    private static final Logger LOG = LoggerFactory.getLogger(InterpreterCommand.class);

    private final String node;
    private final String commandLine;
    private final NodeInterpreter interpreter;
    private final ExecutorService pool;
    private final BooleanSupplier serving;
    private InputStream in;
    private OutputStream out;
    private OutputStream err;
    private ExitCallback exit;
    private Future<?> running;

    InterpreterCommand(String node, String commandLine, NodeInterpreter interpreter, ExecutorService pool,
                       BooleanSupplier serving) {
        this.node = node;
        this.commandLine = commandLine;
        this.interpreter = interpreter;
        this.pool = pool;
        this.serving = serving;
    }

    @Override
    public void setInputStream(InputStream in) {
        this.in = in;
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
        String user = channel.getSession().getUsername();
        running = pool.submit(() -> run(user));
    }

    private void run(String user) {
        int status;
        try {
            status = interpreter.run(commandLine, user, in, out, err);
            out.flush();
            err.flush();
        } catch (UncheckedIOException | IOException e) {
            LOG.debug("{}: the channel closed under a command: {}", node, e.toString());
            return;
        } catch (RuntimeException e) {
            LOG.error("{}: the node interpreter failed", node, e);
            status = 70;
            try {
                err.write(("k3s-lab emulated lab: internal error of the node interpreter (" + e
                        + "); this is a bug of the emulator, see the run log\n").getBytes());
                err.flush();
            } catch (IOException ignored) {
                return;
            }
        }
        if (serving.getAsBoolean() && !Thread.currentThread().isInterrupted()) {
            exit.onExit(status);
        }
    }

    @Override
    public void destroy(ChannelSession channel) {
        Future<?> f = running;
        if (f != null) {
            f.cancel(true);
        }
    }
}
