package dev.k3slab.emulator.vagrantdouble;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One call of the {@code vagrant} double as its client script sends it: NUL-terminated UTF-8
 * fields {@code k3s-lab-vagrant-double/1}, the secret from the endpoint file, the working
 * directory, the number of environment entries and each {@code NAME=value}, the number of
 * arguments and each argument.
 *
 * @param secret the secret the client read from the endpoint file
 * @param cwd    the client's working directory
 * @param env    the forwarded variables ({@code VAGRANT_CWD}, {@code VAGRANT_DOUBLE_FAULT}, ...)
 * @param args   the arguments after {@code vagrant}
 */
record DoubleRequest(String secret, String cwd, Map<String, String> env, List<String> args) {
    static final String MAGIC = "k3s-lab-vagrant-double/1";
    /** A request larger than this is not from the client script. */
    private static final int MAX_FIELD = 1 << 20;
    private static final int MAX_COUNT = 1000;

    DoubleRequest {
        env = Map.copyOf(env);
        args = List.copyOf(args);
    }

    /** True when {@code --machine-readable} is among the arguments (Vagrant's global flag). */
    boolean machineReadable() {
        return args.contains("--machine-readable");
    }

    /** The arguments without Vagrant's global flags. */
    List<String> commandArgs() {
        return args.stream().filter(a -> !a.equals("--machine-readable") && !a.equals("--no-color")
                && !a.equals("--no-tty")).toList();
    }

    /** Reads one request; throws when the stream ends early or the fields are not the client's. */
    static DoubleRequest read(InputStream in) throws IOException {
        String magic = field(in);
        if (!magic.equals(MAGIC)) {
            throw new IOException("not a vagrant-double request (first field '" + magic + "', expected " + MAGIC + ")");
        }
        String secret = field(in);
        String cwd = field(in);
        Map<String, String> env = new LinkedHashMap<>();
        int envCount = count(in);
        for (int i = 0; i < envCount; i++) {
            String entry = field(in);
            int eq = entry.indexOf('=');
            if (eq > 0) {
                env.put(entry.substring(0, eq), entry.substring(eq + 1));
            }
        }
        List<String> args = new ArrayList<>();
        int argCount = count(in);
        for (int i = 0; i < argCount; i++) {
            args.add(field(in));
        }
        return new DoubleRequest(secret, cwd, env, args);
    }

    private static int count(InputStream in) throws IOException {
        String s = field(in);
        try {
            int n = Integer.parseInt(s);
            if (n < 0 || n > MAX_COUNT) {
                throw new IOException("count out of range: " + n);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IOException("expected a count, got '" + s + "'", e);
        }
    }

    private static String field(InputStream in) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        while (true) {
            int b = in.read();
            if (b < 0) {
                throw new EOFException("the request ended inside a field");
            }
            if (b == 0) {
                return buf.toString(StandardCharsets.UTF_8);
            }
            if (buf.size() >= MAX_FIELD) {
                throw new IOException("a request field is longer than " + MAX_FIELD + " bytes");
            }
            buf.write(b);
        }
    }
}
