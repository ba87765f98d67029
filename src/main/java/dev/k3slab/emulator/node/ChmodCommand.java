package dev.k3slab.emulator.node;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** {@code chmod [-R] MODE FILE...} with octal modes and symbolic ones ({@code u+x}, {@code go-w}, {@code a=r}). */
final class ChmodCommand implements Builtin {
    private static final PosixFilePermission[] ORDER = {
            PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE,
            PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE,
            PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE};

    @Override
    public int run(CommandContext c, List<String> args) throws IOException {
        boolean recursive = false;
        List<String> rest = args;
        if (!rest.isEmpty() && (rest.get(0).equals("-R") || rest.get(0).equals("--recursive"))) {
            recursive = true;
            rest = rest.subList(1, rest.size());
        }
        if (rest.size() < 2) {
            c.err("chmod: missing operand\nTry 'chmod --help' for more information.\n");
            return 1;
        }
        String mode = rest.get(0);
        if (!mode.matches("[0-7]{1,4}|([ugoa]*[-+=][rwxX]*)(,[ugoa]*[-+=][rwxX]*)*")) {
            c.err("chmod: invalid mode: '" + mode + "'\nTry 'chmod --help' for more information.\n");
            return 1;
        }
        int status = 0;
        for (String f : rest.subList(1, rest.size())) {
            c.checkWritable(f);
            Path p = c.resolve(f);
            if (!Files.exists(p)) {
                c.complain("cannot access '" + f + "': No such file or directory");
                status = 1;
                continue;
            }
            if (recursive && Files.isDirectory(p)) {
                Files.walkFileTree(p, new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                        apply(dir, mode);
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                        if (!attrs.isSymbolicLink()) {
                            apply(file, mode);
                        }
                        return FileVisitResult.CONTINUE;
                    }
                });
            } else {
                apply(p, mode);
            }
        }
        return status;
    }

    private static void apply(Path p, String mode) throws IOException {
        Set<PosixFilePermission> perms = EnumSet.noneOf(PosixFilePermission.class);
        perms.addAll(Files.getPosixFilePermissions(p));
        if (mode.matches("[0-7]+")) {
            int bits = Integer.parseInt(mode, 8) & 0777;
            perms.clear();
            for (int i = 0; i < 9; i++) {
                if ((bits & (1 << (8 - i))) != 0) {
                    perms.add(ORDER[i]);
                }
            }
        } else {
            boolean dirOrExec = Files.isDirectory(p) || perms.contains(PosixFilePermission.OWNER_EXECUTE)
                    || perms.contains(PosixFilePermission.GROUP_EXECUTE) || perms.contains(PosixFilePermission.OTHERS_EXECUTE);
            for (String clause : mode.split(",")) {
                int op = clause.indexOf('+') >= 0 ? clause.indexOf('+') : clause.indexOf('-') >= 0 ? clause.indexOf('-')
                        : clause.indexOf('=');
                String who = clause.substring(0, op).isEmpty() ? "a" : clause.substring(0, op);
                char how = clause.charAt(op);
                String what = clause.substring(op + 1);
                for (int w = 0; w < 3; w++) {
                    if (!(who.contains("a") || who.indexOf("ugo".charAt(w)) >= 0)) {
                        continue;
                    }
                    if (how == '=') {
                        perms.remove(ORDER[w * 3]);
                        perms.remove(ORDER[w * 3 + 1]);
                        perms.remove(ORDER[w * 3 + 2]);
                    }
                    for (char r : what.toCharArray()) {
                        int bit = r == 'r' ? 0 : r == 'w' ? 1 : 2;
                        if (r == 'X' && !dirOrExec) {
                            continue;
                        }
                        if (how == '-') {
                            perms.remove(ORDER[w * 3 + bit]);
                        } else {
                            perms.add(ORDER[w * 3 + bit]);
                        }
                    }
                }
            }
        }
        Files.setPosixFilePermissions(p, perms);
    }
}
