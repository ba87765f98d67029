package dev.k3slab.emulator.vagrantdouble;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The answer to one call, line by line as it is produced, so that the client prints (and the
 * provider logs) each line when Vagrant would: {@code 1 <text>} is a line of standard output,
 * {@code 2 <text>} one of standard error, {@code x <code>} the end with the exit status. Text with
 * line breaks is sent as one frame per line.
 */
final class Frames {
    private final OutputStream out;

    Frames(OutputStream out) {
        this.out = out;
    }

    void stdout(String text) {
        lines('1', text);
    }

    void stderr(String text) {
        lines('2', text);
    }

    void exit(int status) {
        send("x " + status + "\n");
    }

    private void lines(char stream, String text) {
        StringBuilder sb = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            sb.append(stream).append(' ').append(line).append('\n');
        }
        send(sb.toString());
    }

    private synchronized void send(String frames) {
        try {
            out.write(frames.getBytes(StandardCharsets.UTF_8));
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("the vagrant double's client went away", e);
        }
    }
}
