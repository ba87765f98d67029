package dev.k3slab.emulator.node;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;

/**
 * Gives files on a node's disk the lab clock's time. The host writes files with the wall clock's
 * time; after every command (and every move of the lab clock) the provider calls {@link #stamp}:
 * each entry modified by the wall clock since the command started gets the lab time instead. So
 * {@code ls -al} shows times of the emulated world, whoever wrote the file (the interpreter or
 * the model), without the model having to care.
 *
 * <p>An entry whose time was set explicitly to a lab time (a copy that keeps its time, a model
 * that sets times itself) is left alone: only times within the wall-clock window of the command
 * are replaced. The lab clock must therefore not run close to the wall clock (the emulated lab
 * starts at 2026-02-22T04:40:00Z, the date of the source's runs).
 */
public final class MtimeStamper {
    /** Slack for file systems whose timestamps are coarser than the clock (and for clock skew). */
    private static final Duration SLACK = Duration.ofSeconds(2);

    private MtimeStamper() {
    }

    /** Stamps every entry under {@code root} modified by the wall clock since {@code wallSince} with {@code labNow}. */
    public static void stamp(Path root, Instant wallSince, Instant labNow) {
        if (!Files.isDirectory(root)) {
            return;
        }
        Instant from = wallSince.minus(SLACK);
        Instant to = Instant.now().plus(SLACK);
        FileTime stamp = FileTime.from(labNow);
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    touch(file, attrs);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException exc) {
                    // deleted while walking: nothing to stamp
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException exc) {
                    try {
                        touch(dir, Files.readAttributes(dir, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS));
                    } catch (IOException e) {
                        // deleted while walking: nothing to stamp
                    }
                    return FileVisitResult.CONTINUE;
                }

                private void touch(Path p, BasicFileAttributes attrs) {
                    Instant t = attrs.lastModifiedTime().toInstant();
                    if (t.isBefore(from) || t.isAfter(to)) {
                        return;
                    }
                    try {
                        Files.getFileAttributeView(p, BasicFileAttributeView.class, LinkOption.NOFOLLOW_LINKS)
                                .setTimes(stamp, null, null);
                    } catch (IOException e) {
                        // a symlink on a file system without lutimes, or an entry deleted meanwhile
                    }
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("could not set lab times under " + root, e);
        }
    }
}
