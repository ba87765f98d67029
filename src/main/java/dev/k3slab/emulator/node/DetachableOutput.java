package dev.k3slab.emulator.node;

import java.io.IOException;
import java.io.OutputStream;

/**
 * A command's SSH output stream as background programs hold it: after {@link #detach()} (the
 * command line ended) their writes are dropped instead of reaching a finished channel.
 */
final class DetachableOutput extends OutputStream {
    private volatile OutputStream target;

    DetachableOutput(OutputStream target) {
        this.target = target;
    }

    void detach() {
        OutputStream t = target;
        target = OutputStream.nullOutputStream();
        try {
            t.flush();
        } catch (IOException e) {
            // the channel is gone: nothing left to flush to
        }
    }

    @Override
    public void write(int b) throws IOException {
        target.write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        target.write(b, off, len);
    }

    @Override
    public void flush() throws IOException {
        target.flush();
    }
}
