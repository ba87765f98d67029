package dev.k3slab.emulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How an emulated node's disk says "this file is a program": an executable shell script whose
 * second line is {@code # k3s-lab emulated program: <name>}. Installing K3s writes
 * {@code /usr/local/bin/k3s} this way; {@code kubectl} is a relative symlink to it. The interpreter
 * runs such a file by calling the {@link Program} registered under {@code <name>}, with argv0 the
 * name it was called by.
 */
public final class ProgramFiles {
    private static final Pattern MARKER = Pattern.compile("^# k3s-lab emulated program: (\\S+)$", Pattern.MULTILINE);

    private ProgramFiles() {
    }

    /** The file content that stands for program {@code name}. */
    public static String content(String name) {
        return "#!/bin/sh\n# k3s-lab emulated program: " + name + "\n"
                + "# This node is emulated by k3s-lab; the program's behaviour is modelled in Java.\n";
    }

    /** Writes an executable program file (0755), creating parent folders. */
    public static void write(Path file, String name) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, content(name), StandardCharsets.UTF_8);
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The program name that a script text stands for, if it carries the marker. */
    public static Optional<String> programOf(String scriptText) {
        Matcher m = MARKER.matcher(scriptText);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /** The program name that a file stands for (symlinks followed), if it is a program file. */
    public static Optional<String> programOf(Path file) {
        try {
            if (!Files.isRegularFile(file) || Files.size(file) > 4096) {
                return Optional.empty();
            }
            return programOf(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
