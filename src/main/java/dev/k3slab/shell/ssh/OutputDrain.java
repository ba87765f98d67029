package dev.k3slab.shell.ssh;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Reads one output stream of a remote command to its end on its own thread. stdout and stderr of
 * an sshj command share one channel window: reading them one after the other stalls the sender at
 * about 2 MiB, so both are always drained at once.
 */
final class OutputDrain {

    private static final ExecutorService THREADS = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "ssh-output-drain");
        t.setDaemon(true);
        return t;
    });

    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    private final Future<?> done;
    private volatile IOException error;

    OutputDrain(InputStream in) {
        done = THREADS.submit(() -> {
            byte[] chunk = new byte[32 * 1024];
            try (in) {
                int n;
                while ((n = in.read(chunk)) != -1) {
                    buffer.write(chunk, 0, n);
                }
            } catch (IOException e) {
                error = e;
            }
        });
    }

    /** Waits until the stream has ended (or failed) or {@code deadlineNanos} (System.nanoTime) passes. */
    boolean awaitEnd(long deadlineNanos) {
        try {
            done.get(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** What arrived so far (the buffer is synchronized, so this is safe while reading goes on). */
    String text() {
        return buffer.toString(StandardCharsets.UTF_8);
    }

    /** Why reading stopped early, when it did not reach the end of the stream. */
    IOException error() {
        return error;
    }

    void cancel() {
        done.cancel(true);
    }
}
