package dev.k3slab.emulator.node;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * GNU {@code ls} with {@code -a -A -l -d -1 -h -t -r}: one name a line (stdout is never a
 * terminal), {@code -l} in GNU's long format ({@code total N}, aligned columns, dates by the lab
 * clock), names ordered as Ubuntu's en_US.UTF-8 collation orders them (punctuation and case
 * ignored first: {@code state.db.migrated} before {@code state.db-shm}, as in the source's
 * transcripts).
 */
final class LsCommand implements Builtin {

    @Override
    public int run(CommandContext c, List<String> args) throws IOException {
        GnuOptions.Parsed o;
        try {
            o = new GnuOptions("aAld1htr", "").longFlag("all", "a").longFlag("almost-all", "A")
                    .longFlag("directory", "d").longFlag("human-readable", "h").parse(args);
        } catch (GnuOptions.UsageError e) {
            return GnuOptions.usage(c, e, 2);
        }
        Options opts = new Options(o.has("a"), o.has("A") && !o.has("a"), o.has("l"), o.has("d"), o.has("h"),
                o.has("t"), o.has("r"));
        List<String> operands = o.operands().isEmpty() ? List.of(".") : o.operands();
        int status = 0;
        List<FileEntry> files = new ArrayList<>();
        List<String> dirs = new ArrayList<>();
        for (String operand : operands) {
            String abs = c.abs(operand);
            NodePaths paths = c.paths();
            Path link;
            try {
                link = paths.resolveNoFollow(abs);
            } catch (IOException e) {
                c.err("ls: cannot access '" + operand + "': " + e.getMessage() + "\n");
                status = 2;
                continue;
            }
            if (!Files.exists(link, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                c.err("ls: cannot access '" + operand + "': No such file or directory\n");
                status = 2;
                continue;
            }
            boolean followLink = !opts.longFormat && !opts.directory || operand.endsWith("/");
            Path target = Files.isSymbolicLink(link) && followLink ? paths.resolve(abs) : link;
            if (Files.isDirectory(target, java.nio.file.LinkOption.NOFOLLOW_LINKS) && !opts.directory) {
                dirs.add(operand);
            } else {
                files.add(FileEntry.of(operand, Files.isSymbolicLink(link) && !followLink ? link : target, abs, c));
            }
        }
        StringBuilder out = new StringBuilder();
        sort(files, opts);
        if (!files.isEmpty()) {
            out.append(format(files, opts, c, false));
        }
        dirs.sort(Collation.EN_US);
        if (opts.reverse && !opts.byTime) {
            java.util.Collections.reverse(dirs);
        }
        boolean headers = operands.size() > 1;
        for (String d : dirs) {
            if (!out.isEmpty()) {
                out.append('\n');
            }
            if (headers) {
                out.append(d).append(":\n");
            }
            out.append(format(list(d, opts, c), opts, c, true));
        }
        c.out(out.toString());
        return status;
    }

    record Options(boolean all, boolean almostAll, boolean longFormat, boolean directory, boolean human,
                   boolean byTime, boolean reverse) {
    }

    private static List<FileEntry> list(String operand, Options opts, CommandContext c) throws IOException {
        String abs = c.abs(operand);
        Path dir = c.paths().resolve(abs);
        List<FileEntry> entries = new ArrayList<>();
        if (opts.all) {
            entries.add(FileEntry.of(".", dir, abs, c));
            String parent = NodePaths.absolute(abs, "..");
            entries.add(FileEntry.of("..", c.paths().resolve(parent), parent, c));
        }
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.toList()) {
                String name = p.getFileName().toString();
                if (name.startsWith(".") && !opts.all && !opts.almostAll) {
                    continue;
                }
                entries.add(FileEntry.of(name, p, NodePaths.absolute(abs, name), c));
            }
        }
        sort(entries, opts);
        return entries;
    }

    private static void sort(List<FileEntry> entries, Options opts) {
        Comparator<FileEntry> cmp = Comparator.comparing(FileEntry::name, Collation.EN_US);
        if (opts.byTime) {
            cmp = Comparator.comparing(FileEntry::mtime).reversed().thenComparing(cmp);
        }
        entries.sort(opts.reverse ? cmp.reversed() : cmp);
    }

    private static String format(List<FileEntry> entries, Options opts, CommandContext c, boolean directory) {
        StringBuilder sb = new StringBuilder();
        if (!opts.longFormat) {
            entries.forEach(e -> sb.append(e.name()).append('\n'));
            return sb.toString();
        }
        if (directory) {
            long blocks = entries.stream().mapToLong(FileEntry::blocksKib).sum();
            sb.append("total ").append(opts.human ? FileEntry.human(blocks * 1024) : String.valueOf(blocks)).append('\n');
        }
        int linkW = 0;
        int ownerW = 0;
        int groupW = 0;
        int sizeW = 0;
        for (FileEntry e : entries) {
            linkW = Math.max(linkW, String.valueOf(e.links()).length());
            ownerW = Math.max(ownerW, e.owner().length());
            groupW = Math.max(groupW, e.owner().length());
            sizeW = Math.max(sizeW, e.sizeText(opts.human).length());
        }
        for (FileEntry e : entries) {
            sb.append(e.mode()).append(' ')
                    .append(pad(String.valueOf(e.links()), linkW, true)).append(' ')
                    .append(pad(e.owner(), ownerW, false)).append(' ')
                    .append(pad(e.owner(), groupW, false)).append(' ')
                    .append(pad(e.sizeText(opts.human), sizeW, true)).append(' ')
                    .append(e.date(c.host().now())).append(' ')
                    .append(e.name());
            if (e.linkTarget() != null) {
                sb.append(" -> ").append(e.linkTarget());
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    private static String pad(String s, int width, boolean right) {
        String fill = " ".repeat(Math.max(0, width - s.length()));
        return right ? fill + s : s + fill;
    }
}
