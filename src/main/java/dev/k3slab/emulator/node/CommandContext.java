package dev.k3slab.emulator.node;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;

/**
 * Everything one builtin call sees: the node, the process attributes, its streams, whether it
 * runs in the background, and who called it (a shell, for messages and echo rules, or another
 * program such as {@code sudo}).
 *
 * @param host       the node
 * @param dispatcher runs further commands (for wrappers such as {@code sudo} and {@code nohup})
 * @param name       the command name as called
 * @param proc       user, working folder, environment
 * @param io         standard streams
 * @param background set when the command is the whole of a {@code &} job
 * @param caller     the shell that ran it, or null when another program ran it
 * @param line       the line of the calling shell's script (for messages)
 */
record CommandContext(NodeHost host, Dispatcher dispatcher, String name, Proc proc, Streams io,
                      Background background, ShellState caller, int line) {

    void out(String s) {
        write(io.out(), s);
    }

    void err(String s) {
        write(io.err(), s);
    }

    /** Prints {@code <name>: <message>} and a newline on stderr (coreutils style). */
    void complain(String message) {
        err(name + ": " + message + "\n");
    }

    /** The prefix a shell puts before its own messages ({@code sh: 1: }), or the command name. */
    String shellPrefix() {
        return caller == null ? name + ": " : caller.prefix(line);
    }

    byte[] stdin() {
        try {
            InputStream in = io.in();
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    NodePaths paths() {
        return new NodePaths(host.files());
    }

    /** A path argument as an absolute node path. */
    String abs(String path) {
        return NodePaths.absolute(proc.cwd(), path);
    }

    Path resolve(String path) throws IOException {
        return paths().resolve(abs(path));
    }

    Path resolveNoFollow(String path) throws IOException {
        return paths().resolveNoFollow(abs(path));
    }

    /** Refuses a write outside the user's home and /tmp when not root (file permissions are not modelled). */
    void checkWritable(String path) {
        proc.checkWritable(abs(path), name);
    }

    /** The bytes of a file operand ({@code -} is stdin); the exception's message is strerror's text. */
    byte[] read(String operand) throws IOException {
        if (operand.equals("-")) {
            return stdin();
        }
        Path p = resolve(operand);
        if (!Files.exists(p)) {
            throw new IOException("No such file or directory");
        }
        if (Files.isDirectory(p)) {
            throw new IOException("Is a directory");
        }
        return Files.readAllBytes(p);
    }

    /** What strerror would say for a failed file operation. */
    static String strerror(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "No such file or directory";
        }
        if (e instanceof DirectoryNotEmptyException) {
            return "Directory not empty";
        }
        if (e instanceof FileAlreadyExistsException) {
            return "File exists";
        }
        if (e instanceof AccessDeniedException) {
            return "Permission denied";
        }
        if (e instanceof NotDirectoryException) {
            return "Not a directory";
        }
        return e.getMessage();
    }

    static void write(OutputStream o, String s) {
        try {
            o.write(s.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
