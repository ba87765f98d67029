package dev.k3slab.emulator.node;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * GNU {@code grep} with {@code -q -v -i -E -F -G -c -n -l -h -H -o -w -x -s -m N -A N -B N -C N
 * -e PATTERN}: exit status 0 when a line was selected, 1 when none, 2 on an error.
 */
final class GrepCommand implements Builtin {

    @Override
    public int run(CommandContext c, List<String> args) {
        GnuOptions.Parsed o;
        try {
            o = new GnuOptions("qviEFGcnlhHowxsyr", "ABCem").longFlag("quiet", "q").longFlag("silent", "q")
                    .longFlag("invert-match", "v").longFlag("ignore-case", "i").longFlag("extended-regexp", "E")
                    .longFlag("fixed-strings", "F").longFlag("count", "c").longFlag("line-number", "n")
                    .longValued("regexp", "e").longValued("after-context", "A").longValued("before-context", "B")
                    .longValued("context", "C").longValued("max-count", "m").parse(args);
        } catch (GnuOptions.UsageError e) {
            if (e.unknown()) {
                return GnuOptions.usage(c, e, 2);
            }
            c.err("grep: " + e.getMessage() + "\nUsage: grep [OPTION]... PATTERNS [FILE]...\n"
                    + "Try 'grep --help' for more information.\n");
            return 2;
        }
        if (o.has("r")) {
            throw new NotModelledException("grep -r (recursive search)");
        }
        List<String> operands = new ArrayList<>(o.operands());
        List<String> patterns = new ArrayList<>();
        if (o.has("e")) {
            o.all("e").forEach(p -> patterns.addAll(List.of(p.split("\n", -1))));
        } else if (operands.isEmpty()) {
            c.err("Usage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n");
            return 2;
        } else {
            patterns.addAll(List.of(operands.remove(0).split("\n", -1)));
        }
        Pattern re = compile(patterns, o);
        int after = number(o.last("A", o.last("C", "0")));
        int before = number(o.last("B", o.last("C", "0")));
        long max = o.has("m") ? number(o.last("m", "0")) : Long.MAX_VALUE;
        List<String> files = operands.isEmpty() ? List.of("-") : operands;
        boolean names = (files.size() > 1 || o.has("H")) && !o.has("h");
        boolean any = false;
        boolean error = false;
        for (String f : files) {
            byte[] data;
            try {
                data = c.read(f);
            } catch (IOException e) {
                if (!o.has("s")) {
                    c.err("grep: " + f + ": " + CommandContext.strerror(e) + "\n");
                }
                error = true;
                continue;
            }
            String label = f.equals("-") ? "(standard input)" : f;
            Search s = new Search(re, o.has("v"), o.has("o"), after, before, max);
            List<String> lines = Lines.of(new String(data, StandardCharsets.UTF_8));
            int selected = s.count(lines);
            any |= selected > 0;
            if (o.has("q")) {
                if (any) {
                    return 0;
                }
                continue;
            }
            if (o.has("l")) {
                if (selected > 0) {
                    c.out(label + "\n");
                }
            } else if (o.has("c")) {
                c.out((names ? label + ":" : "") + selected + "\n");
            } else {
                c.out(s.print(lines, names ? label : null, o.has("n")));
            }
        }
        return error && !(o.has("q") && any) ? 2 : any ? 0 : 1;
    }

    private static Pattern compile(List<String> patterns, GnuOptions.Parsed o) {
        boolean ignoreCase = o.has("i") || o.has("y");
        List<String> parts = new ArrayList<>();
        for (String p : patterns) {
            parts.add(o.has("F") ? Pattern.quote(p) : PosixRegex.toJava(p, o.has("E")));
        }
        String joined = parts.size() == 1 ? parts.get(0) : "(?:" + String.join(")|(?:", parts) + ")";
        if (o.has("w")) {
            joined = "(?<![\\w])(?:" + joined + ")(?![\\w])";
        }
        if (o.has("x")) {
            joined = "^(?:" + joined + ")$";
        }
        return PosixRegex.compileJava(joined, String.join("\n", patterns), ignoreCase);
    }

    private static int number(String s) {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            throw new NotModelledException("grep with the count '" + s + "'");
        }
    }

    /** One file's search: which lines are selected, and their context. */
    private record Search(Pattern re, boolean invert, boolean onlyMatching, int after, int before, long max) {
        boolean selects(String line) {
            return re.matcher(line).find() != invert;
        }

        int count(List<String> lines) {
            int n = 0;
            for (String l : lines) {
                if (n < max && selects(l)) {
                    n++;
                }
            }
            return n;
        }

        String print(List<String> lines, String label, boolean numbers) {
            StringBuilder sb = new StringBuilder();
            int lastPrinted = -1;
            int pendingAfter = 0;
            long selected = 0;
            for (int i = 0; i < lines.size(); i++) {
                boolean hit = selected < max && selects(lines.get(i));
                if (hit) {
                    selected++;
                    int from = Math.max(lastPrinted + 1, i - before);
                    if (lastPrinted >= 0 && from > lastPrinted + 1 && (after > 0 || before > 0)) {
                        sb.append("--\n");
                    }
                    for (int j = from; j < i; j++) {
                        line(sb, label, numbers, j, lines.get(j), '-');
                    }
                    if (onlyMatching && !invert) {
                        Matcher m = re.matcher(lines.get(i));
                        while (m.find()) {
                            if (!m.group().isEmpty()) {
                                line(sb, label, numbers, i, m.group(), ':');
                            }
                        }
                    } else {
                        line(sb, label, numbers, i, lines.get(i), ':');
                    }
                    lastPrinted = i;
                    pendingAfter = after;
                } else if (pendingAfter > 0) {
                    line(sb, label, numbers, i, lines.get(i), '-');
                    lastPrinted = i;
                    pendingAfter--;
                } else if (selected >= max) {
                    break;
                }
            }
            return sb.toString();
        }

        private static void line(StringBuilder sb, String label, boolean numbers, int index, String text, char sep) {
            if (label != null) {
                sb.append(label).append(sep);
            }
            if (numbers) {
                sb.append(index + 1).append(sep);
            }
            sb.append(text).append('\n');
        }
    }
}
