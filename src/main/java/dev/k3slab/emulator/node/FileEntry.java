package dev.k3slab.emulator.node;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * What {@code ls -l} and {@code stat} show of one entry of a node's disk, as an ext4 disk of the
 * lab VM would show it: folders are 4096 bytes in 4 KiB blocks, a folder's link count is 2 plus
 * its subfolders, everything belongs to root except under {@code /home/vagrant}.
 *
 * @param name       the name to print
 * @param mode       {@code drwx------} and the like
 * @param links      hard link count
 * @param owner      owner and group name
 * @param size       size in bytes
 * @param mtime      modification time (the lab clock's, see {@link MtimeStamper})
 * @param blocksKib  allocated 1 KiB blocks, for {@code total}
 * @param linkTarget the symlink's target, or null
 * @param directory  true for a folder
 */
record FileEntry(String name, String mode, long links, String owner, long size, Instant mtime, long blocksKib,
                 String linkTarget, boolean directory) {
    private static final long SIX_MONTHS_SECONDS = 31556952L / 2;
    private static final int S_IFMT = 0170000;
    private static final int S_IFSOCK = 0140000;
    private static final int S_IFIFO = 0010000;
    private static final int S_IFCHR = 0020000;
    private static final int S_IFBLK = 0060000;
    private static final DateTimeFormatter RECENT = DateTimeFormatter.ofPattern("MMM ppd HH:mm", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter OLD = DateTimeFormatter.ofPattern("MMM ppd  yyyy", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    static FileEntry of(String name, Path host, String nodePath, CommandContext c) throws IOException {
        BasicFileAttributes a = Files.readAttributes(host, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        String owner = nodePath.equals("/home/vagrant") || nodePath.startsWith("/home/vagrant/") ? "vagrant" : "root";
        if (a.isSymbolicLink()) {
            String target = Files.readSymbolicLink(host).toString();
            return new FileEntry(name, "lrwxrwxrwx", 1, owner, target.length(), a.lastModifiedTime().toInstant(), 0,
                    target, false);
        }
        Set<PosixFilePermission> perms = Files.getPosixFilePermissions(host, LinkOption.NOFOLLOW_LINKS);
        if (a.isDirectory()) {
            long subdirs;
            try (Stream<Path> s = Files.list(host)) {
                subdirs = s.filter(p -> Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)).count();
            }
            return new FileEntry(name, "d" + rwx(perms), 2 + subdirs, owner, 4096, a.lastModifiedTime().toInstant(), 4,
                    null, true);
        }
        if (a.isOther()) {
            // kine.sock is a real unix socket: GNU ls shows the type letter, size 0, no blocks
            return new FileEntry(name, otherType(host) + rwx(perms), 1, owner, 0, a.lastModifiedTime().toInstant(), 0,
                    null, false);
        }
        long size = a.size();
        long links = 1;
        try {
            links = ((Number) Files.getAttribute(host, "unix:nlink", LinkOption.NOFOLLOW_LINKS)).longValue();
        } catch (UnsupportedOperationException | IllegalArgumentException e) {
            // not a Unix file system: one link
        }
        return new FileEntry(name, "-" + rwx(perms), links, owner, size, a.lastModifiedTime().toInstant(),
                (size + 4095) / 4096 * 4, null, false);
    }

    /** {@code s} for a socket, {@code p} for a FIFO, from the file type bits of {@code st_mode}. */
    private static char otherType(Path host) {
        try {
            int mode = (Integer) Files.getAttribute(host, "unix:mode", LinkOption.NOFOLLOW_LINKS);
            return switch (mode & S_IFMT) {
                case S_IFSOCK -> 's';
                case S_IFIFO -> 'p';
                case S_IFCHR -> 'c';
                case S_IFBLK -> 'b';
                default -> '?';
            };
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            // no unix: view (not a Unix file system): only the model makes such entries, and only sockets
            return 's';
        }
    }

    /** What {@code stat -c %F} calls this entry. */
    String typeName() {
        return switch (mode.charAt(0)) {
            case 'd' -> "directory";
            case 'l' -> "symbolic link";
            case 's' -> "socket";
            case 'p' -> "fifo";
            case 'c' -> "character special file";
            case 'b' -> "block special file";
            default -> size == 0 ? "regular empty file" : "regular file";
        };
    }

    static String rwx(Set<PosixFilePermission> p) {
        return "" + (p.contains(PosixFilePermission.OWNER_READ) ? 'r' : '-')
                + (p.contains(PosixFilePermission.OWNER_WRITE) ? 'w' : '-')
                + (p.contains(PosixFilePermission.OWNER_EXECUTE) ? 'x' : '-')
                + (p.contains(PosixFilePermission.GROUP_READ) ? 'r' : '-')
                + (p.contains(PosixFilePermission.GROUP_WRITE) ? 'w' : '-')
                + (p.contains(PosixFilePermission.GROUP_EXECUTE) ? 'x' : '-')
                + (p.contains(PosixFilePermission.OTHERS_READ) ? 'r' : '-')
                + (p.contains(PosixFilePermission.OTHERS_WRITE) ? 'w' : '-')
                + (p.contains(PosixFilePermission.OTHERS_EXECUTE) ? 'x' : '-');
    }

    /** GNU's date column: {@code Feb 22 04:51} within six months before now, else {@code Feb 22  2025}. */
    String date(Instant now) {
        Duration age = Duration.between(mtime, now);
        boolean recent = !age.isNegative() && age.getSeconds() < SIX_MONTHS_SECONDS;
        return (recent ? RECENT : OLD).format(mtime);
    }

    String sizeText(boolean human) {
        return human ? human(size) : String.valueOf(size);
    }

    /** GNU's {@code -h}: below 1024 as is, else rounded up to one decimal under 10, whole above. */
    static String human(long bytes) {
        if (bytes < 1024) {
            return String.valueOf(bytes);
        }
        String units = "KMGTPE";
        double v = bytes;
        int u = -1;
        while (v >= 1024 && u < units.length() - 1) {
            v /= 1024;
            u++;
        }
        if (v < 10) {
            double up = Math.ceil(v * 10) / 10;
            if (up >= 10) {
                return "10" + units.charAt(u);
            }
            return String.format(Locale.ROOT, "%.1f%c", up, units.charAt(u));
        }
        return (long) Math.ceil(v) + String.valueOf(units.charAt(u));
    }
}
