package dev.k3slab.emulator.node;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code test} and {@code [}: file tests {@code -e -f -d -x -s -r -w -L -h -S -p}, string tests
 * {@code -z -n = !=}, integer comparisons, {@code !}. Files are read as root reads them.
 */
final class TestCommand implements Builtin {

    @Override
    public int run(CommandContext c, List<String> args) throws IOException {
        List<String> a = args;
        if (c.name().endsWith("[")) {
            if (a.isEmpty() || !a.get(a.size() - 1).equals("]")) {
                c.err(c.shellPrefix() + "[: missing ]\n");
                return 2;
            }
            a = a.subList(0, a.size() - 1);
        }
        try {
            return eval(c, a) ? 0 : 1;
        } catch (IllegalArgumentException e) {
            c.err(c.shellPrefix() + (c.name().endsWith("[") ? "[" : "test") + ": " + e.getMessage() + "\n");
            return 2;
        }
    }

    private static boolean eval(CommandContext c, List<String> a) throws IOException {
        if (a.isEmpty()) {
            return false;
        }
        if (a.get(0).equals("!")) {
            return !eval(c, a.subList(1, a.size()));
        }
        if (a.contains("-a") || a.contains("-o")) {
            throw new NotModelledException("test with -a / -o (use && and ||)");
        }
        if (a.size() == 1) {
            return !a.get(0).isEmpty();
        }
        if (a.size() == 2) {
            return unary(c, a.get(0), a.get(1));
        }
        if (a.size() == 3) {
            return binary(a.get(0), a.get(1), a.get(2));
        }
        throw new IllegalArgumentException("unexpected operator");
    }

    private static boolean unary(CommandContext c, String op, String arg) throws IOException {
        switch (op) {
            case "-z":
                return arg.isEmpty();
            case "-n":
                return !arg.isEmpty();
            case "-L", "-h":
                return Files.isSymbolicLink(c.resolveNoFollow(arg));
            default:
                break;
        }
        Path p;
        try {
            p = c.resolve(arg);
        } catch (IOException e) {
            return false;
        }
        switch (op) {
            case "-e":
                return Files.exists(p, LinkOption.NOFOLLOW_LINKS);
            case "-f":
                return Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS);
            case "-d":
                return Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS);
            case "-s":
                return Files.exists(p) && (Files.isDirectory(p) || Files.size(p) > 0);
            case "-S", "-p":
                // a socket or a FIFO: on a node disk only what the model made as such
                return Files.exists(p) && Files.readAttributes(p, java.nio.file.attribute.BasicFileAttributes.class).isOther();
            case "-r", "-w":
                return Files.exists(p) && c.proc().root();
            case "-x":
                return Files.exists(p) && (Files.isDirectory(p) || FileEntry.rwx(Files.getPosixFilePermissions(p))
                        .matches(".*x.*"));
            default:
                throw new IllegalArgumentException(op + ": unexpected operator");
        }
    }

    private static boolean binary(String l, String op, String r) {
        switch (op) {
            case "=", "==":
                return l.equals(r);
            case "!=":
                return !l.equals(r);
            case "-eq", "-ne", "-lt", "-le", "-gt", "-ge":
                long x = number(l);
                long y = number(r);
                return switch (op) {
                    case "-eq" -> x == y;
                    case "-ne" -> x != y;
                    case "-lt" -> x < y;
                    case "-le" -> x <= y;
                    case "-gt" -> x > y;
                    default -> x >= y;
                };
            default:
                throw new IllegalArgumentException(op + ": unexpected operator");
        }
    }

    private static long number(String s) {
        try {
            return Long.parseLong(s.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Illegal number: " + s);
        }
    }
}
