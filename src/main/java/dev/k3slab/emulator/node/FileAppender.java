package dev.k3slab.emulator.node;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Output redirected to a file on the node's disk. Every write opens, appends and closes, so that a
 * background program (a {@code k3s server &} whose output goes to a log file) can keep writing
 * after the command that started it has ended, without holding a file open.
 */
final class FileAppender extends OutputStream {
    private final Path file;

    FileAppender(Path file) {
        this.file = file;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return;
        }
        try (OutputStream o = Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
            o.write(b, off, len);
        }
    }
}
