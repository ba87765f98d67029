package dev.k3slab.emulator.node;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** {@code pwd}, {@code basename}, {@code dirname}, {@code readlink}, {@code realpath}, {@code stat -c}. */
final class PathCommands {
    private static final DateTimeFormatter STAT_TIME = DateTimeFormatter
            .ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSSSSS Z").withZone(ZoneOffset.UTC);

    private PathCommands() {
    }

    static void register(Builtins b) {
        b.add("pwd", (c, a) -> {
            c.out(c.proc().cwd() + "\n");
            return 0;
        });
        b.add("basename", PathCommands::basename);
        b.add("dirname", PathCommands::dirname);
        b.add("readlink", PathCommands::readlink);
        b.add("realpath", PathCommands::realpath);
        b.add("stat", PathCommands::stat);
    }

    static int basename(CommandContext c, List<String> args) {
        if (args.isEmpty()) {
            c.err("basename: missing operand\nTry 'basename --help' for more information.\n");
            return 1;
        }
        String b = Dispatcher.basename(args.get(0).isEmpty() ? "" : args.get(0).replaceAll("/+$", "/"));
        if (args.get(0).matches("/+")) {
            b = "/";
        }
        if (args.size() > 1 && b.endsWith(args.get(1)) && !b.equals(args.get(1))) {
            b = b.substring(0, b.length() - args.get(1).length());
        }
        c.out(b + "\n");
        return 0;
    }

    static int dirname(CommandContext c, List<String> args) {
        if (args.isEmpty()) {
            c.err("dirname: missing operand\nTry 'dirname --help' for more information.\n");
            return 1;
        }
        for (String a : args) {
            String p = a.replaceAll("(?<=.)/+$", "");
            int i = p.lastIndexOf('/');
            c.out((i < 0 ? "." : i == 0 ? "/" : p.substring(0, i).replaceAll("(?<=.)/+$", "")) + "\n");
        }
        return 0;
    }

    static int readlink(CommandContext c, List<String> args) throws IOException {
        GnuOptions.Parsed o;
        try {
            o = new GnuOptions("femnqsv", "").longFlag("canonicalize", "f").parse(args);
        } catch (GnuOptions.UsageError e) {
            return GnuOptions.usage(c, e, 1);
        }
        int status = 0;
        for (String f : o.operands()) {
            String abs = c.abs(f);
            if (o.has("f") || o.has("e") || o.has("m")) {
                String real = c.paths().real(abs, true);
                boolean parentOk = Files.isDirectory(c.paths().resolve(NodePaths.absolute(real, "..")));
                boolean exists = c.paths().exists(real);
                if ((o.has("e") && !exists) || (o.has("f") && !parentOk)) {
                    status = 1;
                    continue;
                }
                c.out(real + (o.has("n") ? "" : "\n"));
            } else {
                Path p = c.resolveNoFollow(f);
                if (!Files.isSymbolicLink(p)) {
                    status = 1;
                    continue;
                }
                c.out(Files.readSymbolicLink(p) + (o.has("n") ? "" : "\n"));
            }
        }
        return status;
    }

    static int realpath(CommandContext c, List<String> args) throws IOException {
        int status = 0;
        for (String f : args) {
            if (f.startsWith("-")) {
                throw new NotModelledException("realpath option " + f);
            }
            String real = c.paths().real(c.abs(f), true);
            if (!c.paths().exists(real)) {
                c.complain(f + ": No such file or directory");
                status = 1;
                continue;
            }
            c.out(real + "\n");
        }
        return status;
    }

    /** Only {@code stat -c/--format/--printf}: the default layout shows device and inode numbers the node has not got. */
    static int stat(CommandContext c, List<String> args) throws IOException {
        GnuOptions.Parsed o;
        try {
            o = new GnuOptions("L", "c").longValued("format", "c").longValued("printf", "printf").parse(args);
        } catch (GnuOptions.UsageError e) {
            return GnuOptions.usage(c, e, 1);
        }
        if (!o.has("c") && !o.has("printf")) {
            throw new NotModelledException("stat without -c FORMAT (device and inode numbers are not modelled)");
        }
        boolean printf = o.has("printf");
        String format = printf ? Escapes.printf(o.last("printf", "")) : o.last("c", "");
        int status = 0;
        for (String f : o.operands()) {
            Path p = o.has("L") ? c.resolve(f) : c.resolveNoFollow(f);
            if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
                c.complain("cannot statx '" + f + "': No such file or directory");
                status = 1;
                continue;
            }
            FileEntry e = FileEntry.of(f, p, c.abs(f), c);
            c.out(statFormat(format, e, f) + (printf ? "" : "\n"));
        }
        return status;
    }

    private static String statFormat(String format, FileEntry e, String name) {
        return PercentFormat.expand(format, k -> switch (k) {
            case 's' -> String.valueOf(e.size());
            case 'n' -> name;
            case 'N' -> "'" + name + "'" + (e.linkTarget() != null ? " -> '" + e.linkTarget() + "'" : "");
            case 'Y' -> String.valueOf(e.mtime().getEpochSecond());
            case 'y' -> STAT_TIME.format(e.mtime());
            case 'A' -> e.mode();
            case 'a' -> Integer.toOctalString(octal(e.mode()));
            case 'U', 'G' -> e.owner();
            case 'F' -> e.typeName();
            case 'h' -> String.valueOf(e.links());
            case '%' -> "%";
            default -> throw new NotModelledException("stat format %" + k);
        });
    }

    private static int octal(String mode) {
        int bits = 0;
        for (int i = 1; i < 10; i++) {
            bits = (bits << 1) | (mode.charAt(i) == '-' ? 0 : 1);
        }
        return bits;
    }
}
