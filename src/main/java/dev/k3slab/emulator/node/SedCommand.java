package dev.k3slab.emulator.node;

import dev.k3slab.emulator.node.SedScript.Address;
import dev.k3slab.emulator.node.SedScript.Command;
import dev.k3slab.emulator.node.SedScript.Kind;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;

/**
 * GNU {@code sed} with {@code -n -e -E -r -s -i[SUFFIX]} and the commands of {@link SedScript}:
 * enough for the lab's edits, such as deleting a unit file's {@code '--server'} line and the URL
 * line after it ({@code sed -i "/'--server'/,+1d" /etc/systemd/system/k3s.service}).
 */
final class SedCommand implements Builtin {

    @Override
    public int run(CommandContext c, List<String> args) throws IOException {
        Invocation inv = options(args);
        if (inv.scripts.isEmpty()) {
            if (inv.operands.isEmpty()) {
                c.err("Usage: sed [OPTION]... {script-only-if-no-other-script} [input-file]...\n");
                return 1;
            }
            inv.scripts.add(inv.operands.remove(0));
        }
        List<Command> script;
        try {
            script = SedScript.parse(String.join("\n", inv.scripts), inv.extended);
        } catch (SedScript.Error e) {
            c.err("sed: -e expression #1, char " + e.position + ": " + e.getMessage() + "\n");
            return 1;
        }
        List<String> files = inv.operands.isEmpty() ? List.of("-") : inv.operands;
        if (inv.inPlace && inv.operands.isEmpty()) {
            throw new NotModelledException("sed -i without a file");
        }
        int status = 0;
        if (inv.inPlace || inv.separate) {
            for (String f : files) {
                byte[] data = read(c, f);
                if (data == null) {
                    status = 2;
                    continue;
                }
                Run r = new Run(script, inv.quiet);
                String out = r.process(new String(data, StandardCharsets.UTF_8));
                if (inv.inPlace) {
                    write(c, f, out, inv.suffix);
                } else {
                    c.out(out);
                }
                if (r.quit) {
                    return r.exitStatus;
                }
            }
            return status;
        }
        StringBuilder all = new StringBuilder();
        for (String f : files) {
            byte[] data = read(c, f);
            if (data == null) {
                status = 2;
            } else {
                all.append(new String(data, StandardCharsets.UTF_8));
            }
        }
        Run r = new Run(script, inv.quiet);
        c.out(r.process(all.toString()));
        return r.quit ? r.exitStatus : status;
    }

    private static byte[] read(CommandContext c, String f) {
        try {
            return c.read(f);
        } catch (IOException e) {
            c.err("sed: " + ("Is a directory".equals(e.getMessage()) ? "couldn't edit " + f + ": not a regular file"
                    : "can't read " + f + ": " + CommandContext.strerror(e)) + "\n");
            return null;
        }
    }

    /** GNU sed -i writes a new file in place of the old one (a symlink is replaced, not followed). */
    private static void write(CommandContext c, String f, String out, String suffix) throws IOException {
        c.checkWritable(f);
        Path target = c.resolveNoFollow(f);
        Set<PosixFilePermission> perms = Files.isSymbolicLink(target)
                ? Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE, PosixFilePermission.GROUP_READ,
                PosixFilePermission.OTHERS_READ)
                : Files.getPosixFilePermissions(target);
        if (suffix != null && !suffix.isEmpty()) {
            Files.copy(c.resolve(f), target.resolveSibling(target.getFileName() + suffix),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        Files.deleteIfExists(target);
        Files.writeString(target, out, StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(target, perms);
    }

    private static final class Invocation {
        final List<String> scripts = new ArrayList<>();
        final List<String> operands = new ArrayList<>();
        boolean quiet;
        boolean extended;
        boolean separate;
        boolean inPlace;
        String suffix;
    }

    /** sed's options by hand: {@code -i} takes the rest of its bundle as a backup suffix. */
    private static Invocation options(List<String> args) {
        Invocation inv = new Invocation();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--")) {
                inv.operands.addAll(args.subList(i + 1, args.size()));
                break;
            } else if (a.startsWith("--")) {
                if (a.equals("--quiet") || a.equals("--silent")) {
                    inv.quiet = true;
                } else if (a.equals("--regexp-extended")) {
                    inv.extended = true;
                } else if (a.equals("--separate")) {
                    inv.separate = true;
                } else if (a.startsWith("--in-place")) {
                    inv.inPlace = true;
                    inv.suffix = a.contains("=") ? a.substring(a.indexOf('=') + 1) : null;
                } else if (a.startsWith("--expression=")) {
                    inv.scripts.add(a.substring(13));
                } else {
                    throw new NotModelledException("sed option " + a);
                }
            } else if (a.startsWith("-") && a.length() > 1) {
                for (int j = 1; j < a.length(); j++) {
                    char f = a.charAt(j);
                    if (f == 'n') {
                        inv.quiet = true;
                    } else if (f == 'E' || f == 'r') {
                        inv.extended = true;
                    } else if (f == 's') {
                        inv.separate = true;
                    } else if (f == 'i') {
                        inv.inPlace = true;
                        inv.suffix = a.substring(j + 1);
                        break;
                    } else if (f == 'e') {
                        inv.scripts.add(j + 1 < a.length() ? a.substring(j + 1) : i + 1 < args.size() ? args.get(++i) : "");
                        break;
                    } else {
                        throw new NotModelledException("sed option -" + f);
                    }
                }
            } else {
                inv.operands.add(a);
            }
        }
        return inv;
    }

    /** One pass of the script over some text. */
    private static final class Run {
        private final List<Command> script;
        private final boolean quiet;
        private final boolean[] inRange;
        private final long[] rangeEnd;
        boolean quit;
        int exitStatus;

        Run(List<Command> script, boolean quiet) {
            this.script = script;
            this.quiet = quiet;
            this.inRange = new boolean[script.size()];
            this.rangeEnd = new long[script.size()];
        }

        String process(String text) {
            List<String> lines = Lines.of(text);
            boolean finalNewline = text.endsWith("\n");
            StringBuilder out = new StringBuilder();
            for (int idx = 0; idx < lines.size() && !quit; idx++) {
                long lineNo = idx + 1;
                boolean last = idx == lines.size() - 1;
                String eol = last && !finalNewline ? "" : "\n";
                String ps = lines.get(idx);
                boolean deleted = false;
                boolean autoprint = !quiet;
                List<String> appended = new ArrayList<>();
                for (int k = 0; k < script.size(); k++) {
                    Command cmd = script.get(k);
                    if (!selects(k, cmd, lineNo, last, ps)) {
                        continue;
                    }
                    switch (cmd.name()) {
                        case 'd' -> deleted = true;
                        case 'p' -> out.append(ps).append('\n');
                        case '=' -> out.append(lineNo).append('\n');
                        case 'a' -> appended.add(cmd.text());
                        case 'i' -> out.append(cmd.text()).append('\n');
                        case 'c' -> {
                            if (cmd.second() == null || !inRange[k]) {
                                out.append(cmd.text()).append('\n');
                            }
                            deleted = true;
                        }
                        case 'q', 'Q' -> {
                            quit = true;
                            exitStatus = cmd.exitStatus();
                            autoprint &= cmd.name() == 'q';
                        }
                        case 's' -> ps = substitute(cmd.substitution(), ps, out);
                        default -> throw new IllegalStateException(String.valueOf(cmd.name()));
                    }
                    if (deleted || quit) {
                        break;
                    }
                }
                if (!deleted && autoprint) {
                    out.append(ps).append(eol);
                }
                appended.forEach(a -> out.append(a).append('\n'));
            }
            return out.toString();
        }

        private static String substitute(SedScript.Substitution s, String ps, StringBuilder out) {
            Matcher m = s.regex().matcher(ps);
            StringBuilder sb = new StringBuilder();
            int lastEnd = 0;
            int count = 0;
            boolean changed = false;
            while (m.find()) {
                count++;
                if (count >= s.occurrence() && (s.global() || count == s.occurrence())) {
                    sb.append(ps, lastEnd, m.start()).append(s.replacement().expand(m));
                    lastEnd = m.end();
                    changed = true;
                    if (!s.global()) {
                        break;
                    }
                }
            }
            if (!changed) {
                return ps;
            }
            sb.append(ps.substring(lastEnd));
            if (s.print()) {
                out.append(sb).append('\n');
            }
            return sb.toString();
        }

        private boolean selects(int k, Command cmd, long lineNo, boolean last, String ps) {
            boolean hit;
            if (cmd.first() == null) {
                hit = true;
            } else if (cmd.second() == null) {
                hit = matches(cmd.first(), lineNo, last, ps);
            } else if (inRange[k]) {
                Address end = cmd.second();
                boolean ends = switch (end.kind()) {
                    case LINE -> lineNo >= end.number();
                    case PLUS -> lineNo >= rangeEnd[k];
                    case LAST -> last;
                    case REGEX -> end.regex().matcher(ps).find();
                };
                inRange[k] = !ends;
                hit = true;
            } else if (matches(cmd.first(), lineNo, last, ps)) {
                Address end = cmd.second();
                rangeEnd[k] = lineNo + end.number();
                inRange[k] = switch (end.kind()) {
                    case LINE -> end.number() > lineNo;
                    case PLUS -> end.number() > 0;
                    case LAST -> !last;
                    case REGEX -> true;
                };
                hit = true;
            } else {
                hit = false;
            }
            return hit != cmd.negated();
        }

        private static boolean matches(Address a, long lineNo, boolean last, String ps) {
            return a.kind() == Kind.LINE ? a.number() == lineNo
                    : a.kind() == Kind.LAST ? last
                    : a.kind() == Kind.REGEX && a.regex().matcher(ps).find();
        }
    }
}
