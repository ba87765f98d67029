package dev.k3slab.emulator.node;

import dev.k3slab.emulator.node.Ast.Redirect;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * Applies a command's redirections, in order, to its standard streams: {@code > >> <} to files on
 * the node's disk (and {@code /dev/null}), {@code n>&m} between the three standard descriptors.
 */
final class Redirections {
    private Redirections() {
    }

    /** A redirection that could not be made; the message is what the shell prints (after its prefix). */
    static final class Failure extends Exception {
        Failure(String message) {
            super(message);
        }
    }

    static Streams apply(List<Redirect> redirects, Streams io, Shell shell, int line) throws Failure {
        InputStream in = io.in();
        OutputStream[] out = {null, io.out(), io.err()};
        for (Redirect r : redirects) {
            if (r.fd() > 2) {
                throw new NotModelledException("file descriptor " + r.fd() + " in a redirection");
            }
            String target = shell.expander().single(r.target(), io, line);
            switch (r.kind()) {
                case DUP_OUT, DUP_IN -> {
                    if (target.equals("-")) {
                        if (r.fd() == 0) {
                            in = InputStream.nullInputStream();
                        } else {
                            out[r.fd()] = OutputStream.nullOutputStream();
                        }
                    } else if (target.equals("1") || target.equals("2")) {
                        if (r.fd() == 0) {
                            throw new NotModelledException("redirecting standard input from an output descriptor");
                        }
                        out[r.fd()] = out[Integer.parseInt(target)];
                    } else if (target.equals("0") && r.fd() == 0) {
                        continue;
                    } else {
                        throw new Failure(dup(shell, target));
                    }
                }
                case IN -> {
                    if (r.fd() != 0) {
                        throw new NotModelledException("reading into descriptor " + r.fd());
                    }
                    in = input(shell, target);
                }
                case OUT, APPEND -> {
                    if (r.fd() == 0) {
                        throw new NotModelledException("writing to standard input");
                    }
                    out[r.fd()] = output(shell, target, r.kind() == Ast.RedirectKind.APPEND, out);
                }
                default -> throw new IllegalStateException(r.kind().toString());
            }
        }
        return new Streams(in, out[1], out[2]);
    }

    private static String dup(Shell shell, String target) {
        return shell.state().dialect == Dialect.DASH ? target + ": Bad fd number" : target + ": ambiguous redirect";
    }

    private static InputStream input(Shell shell, String target) throws Failure {
        if (target.equals("/dev/null")) {
            return InputStream.nullInputStream();
        }
        refuseDevice(target);
        String abs = NodePaths.absolute(shell.state().cwd, target);
        try {
            Path host = new NodePaths(shell.host().files()).resolve(abs);
            if (Files.isDirectory(host)) {
                return InputStream.nullInputStream();
            }
            return new ByteArrayInputStream(Files.readAllBytes(host));
        } catch (IOException e) {
            throw new Failure(shell.state().dialect == Dialect.DASH
                    ? "cannot open " + target + ": No such file"
                    : target + ": No such file or directory");
        }
    }

    private static OutputStream output(Shell shell, String target, boolean append, OutputStream[] current)
            throws Failure {
        switch (target) {
            case "/dev/null" -> {
                return OutputStream.nullOutputStream();
            }
            case "/dev/stdout" -> {
                return current[1];
            }
            case "/dev/stderr" -> {
                return current[2];
            }
            default -> refuseDevice(target);
        }
        boolean dash = shell.state().dialect == Dialect.DASH;
        String abs = NodePaths.absolute(shell.state().cwd, target);
        shell.state().proc(java.util.Map.of()).checkWritable(abs, "redirection");
        try {
            Path host = new NodePaths(shell.host().files()).resolve(abs);
            if (Files.isDirectory(host)) {
                throw new Failure(dash ? "cannot create " + target + ": Is a directory" : target + ": Is a directory");
            }
            if (!Files.isDirectory(host.getParent(), LinkOption.NOFOLLOW_LINKS)) {
                throw new Failure(dash ? "cannot create " + target + ": Directory nonexistent"
                        : target + ": No such file or directory");
            }
            if (!Files.exists(host)) {
                FileCommands.createFile(host);
            } else if (!append) {
                Files.write(host, new byte[0], StandardOpenOption.TRUNCATE_EXISTING);
            }
            return new FileAppender(host);
        } catch (IOException e) {
            throw new Failure(dash ? "cannot create " + target + ": " + e.getMessage() : target + ": " + e.getMessage());
        }
    }

    private static void refuseDevice(String target) {
        if (target.startsWith("/dev/") || target.startsWith("/proc/") || target.startsWith("/sys/")) {
            throw new NotModelledException("redirection to or from " + target);
        }
    }
}
