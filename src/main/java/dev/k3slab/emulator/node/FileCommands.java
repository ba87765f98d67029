package dev.k3slab.emulator.node;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

/** Coreutils that change the node's disk: {@code rm}, {@code mkdir}, {@code touch}, {@code cp}, {@code mv}, {@code ln}. */
final class FileCommands {
    private static final LinkOption NOFOLLOW = LinkOption.NOFOLLOW_LINKS;

    private FileCommands() {
    }

    static void register(Builtins b) {
        b.add("rm", FileCommands::rm);
        b.add("mkdir", FileCommands::mkdir);
        b.add("touch", FileCommands::touch);
        b.add("cp", (c, a) -> copyOrMove(c, a, false));
        b.add("mv", (c, a) -> copyOrMove(c, a, true));
        b.add("ln", FileCommands::ln);
        b.add("chmod", new ChmodCommand());
    }

    private static GnuOptions.Parsed parse(CommandContext c, List<String> args, String flags, String valued)
            throws GnuOptions.UsageError {
        return new GnuOptions(flags, valued).longFlag("recursive", "r").longFlag("force", "f")
                .longFlag("parents", "p").parse(args);
    }

    static int rm(CommandContext c, List<String> args) throws IOException {
        GnuOptions.Parsed o;
        try {
            o = parse(c, args, "rRfdv", "");
        } catch (GnuOptions.UsageError e) {
            return GnuOptions.usage(c, e, 1);
        }
        boolean recursive = o.has("r") || o.has("R");
        boolean force = o.has("f");
        if (o.operands().isEmpty() && !force) {
            c.err("rm: missing operand\nTry 'rm --help' for more information.\n");
            return 1;
        }
        int status = 0;
        for (String f : o.operands()) {
            if (c.abs(f).equals("/") && recursive) {
                c.err("rm: it is dangerous to operate recursively on '/'\n"
                        + "rm: use --no-preserve-root to override this failsafe\n");
                status = 1;
                continue;
            }
            c.checkWritable(f);
            Path p = c.resolveNoFollow(f);
            if (!Files.exists(p, NOFOLLOW)) {
                if (!force) {
                    c.complain("cannot remove '" + f + "': No such file or directory");
                    status = 1;
                }
                continue;
            }
            if (Files.isDirectory(p, NOFOLLOW) && !recursive) {
                c.complain("cannot remove '" + f + "': Is a directory");
                status = 1;
                continue;
            }
            DiskTrees.delete(p);
        }
        return status;
    }

    static int mkdir(CommandContext c, List<String> args) throws IOException {
        GnuOptions.Parsed o;
        try {
            o = parse(c, args, "pv", "m");
        } catch (GnuOptions.UsageError e) {
            return GnuOptions.usage(c, e, 1);
        }
        if (o.has("m")) {
            throw new NotModelledException("mkdir -m");
        }
        if (o.operands().isEmpty()) {
            c.err("mkdir: missing operand\nTry 'mkdir --help' for more information.\n");
            return 1;
        }
        int status = 0;
        for (String d : o.operands()) {
            c.checkWritable(d);
            Path p = c.resolve(d);
            if (o.has("p")) {
                if (Files.exists(p) && !Files.isDirectory(p)) {
                    c.complain("cannot create directory '" + d + "': File exists");
                    status = 1;
                } else {
                    createDirectories(p);
                }
            } else if (Files.exists(p, NOFOLLOW)) {
                c.complain("cannot create directory '" + d + "': File exists");
                status = 1;
            } else if (!Files.isDirectory(p.getParent())) {
                c.complain("cannot create directory '" + d + "': No such file or directory");
                status = 1;
            } else {
                createDirectories(p);
            }
        }
        return status;
    }

    static int touch(CommandContext c, List<String> args) throws IOException {
        GnuOptions.Parsed o;
        try {
            o = new GnuOptions("cam", "dtr").longFlag("no-create", "c").parse(args);
        } catch (GnuOptions.UsageError e) {
            return GnuOptions.usage(c, e, 1);
        }
        if (o.has("d") || o.has("t") || o.has("r")) {
            throw new NotModelledException("touch with an explicit time (-d, -t, -r)");
        }
        int status = 0;
        for (String f : o.operands()) {
            c.checkWritable(f);
            Path p = c.resolve(f);
            if (Files.exists(p)) {
                Files.setLastModifiedTime(p, FileTime.from(c.host().now()));
            } else if (!o.has("c")) {
                if (!Files.isDirectory(p.getParent())) {
                    c.complain("cannot touch '" + f + "': No such file or directory");
                    status = 1;
                    continue;
                }
                createFile(p);
                Files.setLastModifiedTime(p, FileTime.from(c.host().now()));
            }
        }
        return status;
    }

    static int copyOrMove(CommandContext c, List<String> args, boolean move) throws IOException {
        GnuOptions.Parsed o;
        try {
            o = new GnuOptions(move ? "fvn" : "rRapfvPd", "").longFlag("recursive", "r").longFlag("archive", "a")
                    .longFlag("force", "f").parse(args);
        } catch (GnuOptions.UsageError e) {
            return GnuOptions.usage(c, e, 1);
        }
        List<String> ops = o.operands();
        if (ops.size() < 2) {
            c.err(c.name() + ": " + (ops.isEmpty() ? "missing file operand" : "missing destination file operand after '"
                    + ops.get(0) + "'") + "\nTry '" + c.name() + " --help' for more information.\n");
            return 1;
        }
        String dest = ops.get(ops.size() - 1);
        c.checkWritable(dest);
        Path destPath = c.resolve(dest);
        boolean intoDir = Files.isDirectory(destPath);
        if (ops.size() > 2 && !intoDir) {
            c.complain("target '" + dest + "' is not a directory");
            return 1;
        }
        boolean recursive = o.has("r") || o.has("R") || o.has("a");
        boolean preserve = o.has("a") || o.has("p");
        int status = 0;
        for (String src : ops.subList(0, ops.size() - 1)) {
            Path from = move ? c.resolveNoFollow(src) : c.resolve(src);
            if (!Files.exists(from, NOFOLLOW)) {
                c.complain("cannot stat '" + src + "': No such file or directory");
                status = 1;
                continue;
            }
            Path to = intoDir ? destPath.resolve(from.getFileName().toString()) : c.resolveNoFollow(dest);
            if (move) {
                c.checkWritable(src);
                Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
            } else if (Files.isDirectory(from) && !recursive) {
                c.complain("-r not specified; omitting directory '" + src + "'");
                status = 1;
            } else {
                copyTree(from, to, preserve);
            }
        }
        return status;
    }

    /** Copies a file or a folder tree; symlinks inside a tree are copied as symlinks. */
    static void copyTree(Path from, Path to, boolean preserveTimes) throws IOException {
        StandardCopyOption[] opts = preserveTimes
                ? new StandardCopyOption[] {StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES}
                : new StandardCopyOption[] {StandardCopyOption.REPLACE_EXISTING};
        if (!Files.isDirectory(from)) {
            Files.copy(from, to, opts);
            Files.setPosixFilePermissions(to, Files.getPosixFilePermissions(from));
            return;
        }
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                Path d = to.resolve(from.relativize(dir).toString());
                createDirectories(d);
                Files.setPosixFilePermissions(d, Files.getPosixFilePermissions(dir));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Path t = to.resolve(from.relativize(file).toString());
                if (attrs.isSymbolicLink()) {
                    Files.deleteIfExists(t);
                    Files.createSymbolicLink(t, Files.readSymbolicLink(file));
                } else {
                    Files.copy(file, t, opts);
                    Files.setPosixFilePermissions(t, Files.getPosixFilePermissions(file));
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                if (preserveTimes) {
                    Files.setLastModifiedTime(to.resolve(from.relativize(dir).toString()), Files.getLastModifiedTime(dir));
                }
                return FileVisitResult.CONTINUE;
            }
        });
    }

    static int ln(CommandContext c, List<String> args) throws IOException {
        GnuOptions.Parsed o;
        try {
            o = new GnuOptions("sfnvT", "").longFlag("symbolic", "s").longFlag("force", "f").parse(args);
        } catch (GnuOptions.UsageError e) {
            return GnuOptions.usage(c, e, 1);
        }
        if (o.operands().size() != 2) {
            throw new NotModelledException("ln with " + o.operands().size() + " operands");
        }
        String target = o.operands().get(0);
        String link = o.operands().get(1);
        c.checkWritable(link);
        Path linkPath = c.resolve(link);
        if (Files.isDirectory(linkPath) && !o.has("n")) {
            linkPath = linkPath.resolve(Dispatcher.basename(target));
        } else {
            linkPath = c.resolveNoFollow(link);
        }
        if (Files.exists(linkPath, NOFOLLOW)) {
            if (!o.has("f")) {
                c.complain("failed to create " + (o.has("s") ? "symbolic " : "hard ") + "link '" + link + "': File exists");
                return 1;
            }
            Files.delete(linkPath);
        }
        if (o.has("s")) {
            Files.createSymbolicLink(linkPath, Path.of(target));
        } else {
            Files.createLink(linkPath, c.resolve(target));
        }
        return 0;
    }

    /**
     * Creates an empty regular file with mode 0644 and folders with 0755: the node's umask is
     * 022 whatever the host's umask is.
     */
    static void createFile(Path p) throws IOException {
        Files.createFile(p);
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rw-r--r--"));
    }

    /** {@code mkdir -p}: creates the missing folders, each with mode 0755. */
    static void createDirectories(Path p) throws IOException {
        if (Files.isDirectory(p)) {
            return;
        }
        createDirectories(p.getParent());
        Files.createDirectory(p);
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
}
