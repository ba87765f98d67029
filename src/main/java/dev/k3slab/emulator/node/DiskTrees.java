package dev.k3slab.emulator.node;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Copies and deletes trees of a node's disk: symlinks stay symlinks (never followed, so a node's
 * absolute link cannot reach the host). A copy keeps modes and modification times, folders' times
 * included (checkpoints of the emulated lab).
 */
public final class DiskTrees {
    private DiskTrees() {
    }

    /** Copies the tree {@code from} to {@code to}, keeping symlinks, modes and times. */
    public static void copy(Path from, Path to) throws IOException {
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                Files.createDirectories(to.resolve(from.relativize(dir).toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Path target = to.resolve(from.relativize(file).toString());
                if (attrs.isOther()) {
                    copySocket(file, target);
                    return FileVisitResult.CONTINUE;
                }
                Files.copy(file, target, LinkOption.NOFOLLOW_LINKS, StandardCopyOption.COPY_ATTRIBUTES);
                if (attrs.isSymbolicLink()) {
                    setTime(target, attrs);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                if (exc != null) {
                    throw exc;
                }
                Path target = to.resolve(from.relativize(dir).toString());
                Files.setPosixFilePermissions(target, Files.getPosixFilePermissions(dir));
                setTime(target, Files.readAttributes(dir, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS));
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /**
     * A socket (kine's {@code kine.sock}) cannot be copied: a new socket in its place is what
     * {@code ls -al} and {@code test -S} see; an empty file where the path is too long for a socket
     * address, as the model itself does.
     */
    private static void copySocket(Path file, Path target) throws IOException {
        try (ServerSocketChannel ch = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            ch.bind(UnixDomainSocketAddress.of(target));
        } catch (IOException | UnsupportedOperationException e) {
            Files.write(target, new byte[0]);
        }
        Files.setPosixFilePermissions(target, Files.getPosixFilePermissions(file, LinkOption.NOFOLLOW_LINKS));
    }

    private static void setTime(Path p, BasicFileAttributes attrs) {
        try {
            Files.getFileAttributeView(p, BasicFileAttributeView.class, LinkOption.NOFOLLOW_LINKS)
                    .setTimes(attrs.lastModifiedTime(), null, null);
        } catch (IOException e) {
            // a symlink's time on a file system without lutimes: ls shows the copy's time
        }
    }

    /** Deletes a file, a symlink (not its target) or a folder with everything in it; nothing if absent. */
    public static void delete(Path root) throws IOException {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
