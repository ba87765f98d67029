package dev.k3slab.emulator.node;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/** {@code echo}, {@code printf}, {@code cat}, {@code head}, {@code tail}, {@code wc}, {@code tee}. */
final class TextCommands {
    private TextCommands() {
    }

    static void register(Builtins b) {
        b.add("echo", TextCommands::echo);
        b.add("printf", TextCommands::printf);
        b.add("cat", TextCommands::cat);
        b.add("head", (c, a) -> headTail(c, a, true));
        b.add("tail", (c, a) -> headTail(c, a, false));
        b.add("wc", TextCommands::wc);
        b.add("tee", TextCommands::tee);
    }

    /** dash's builtin echo takes only -n and always reads escapes; bash's and coreutils' take -n -e -E. */
    static int echo(CommandContext c, List<String> args) {
        boolean dash = c.caller() != null && c.caller().dialect == Dialect.DASH;
        boolean newline = true;
        boolean escapes = dash;
        int i = 0;
        while (i < args.size() && args.get(i).matches(dash ? "-n+" : "-[neE]+")) {
            for (char f : args.get(i).substring(1).toCharArray()) {
                switch (f) {
                    case 'n' -> newline = false;
                    case 'e' -> escapes = true;
                    default -> escapes = false;
                }
            }
            i++;
        }
        String text = String.join(" ", args.subList(i, args.size()));
        if (escapes) {
            Escapes.Result r = Escapes.echo(text);
            c.out(r.text());
            if (r.stop()) {
                return 0;
            }
        } else {
            c.out(text);
        }
        if (newline) {
            c.out("\n");
        }
        return 0;
    }

    static int printf(CommandContext c, List<String> args) {
        if (args.isEmpty()) {
            c.err(c.shellPrefix() + "printf: usage: printf format [arg ...]\n");
            return 2;
        }
        Printf.Result r = Printf.format(args.get(0), args.subList(1, args.size()));
        c.out(r.text());
        for (String bad : r.badNumbers()) {
            c.err(c.shellPrefix() + "printf: " + bad + ": expected numeric value\n");
        }
        return r.badNumbers().isEmpty() ? 0 : 1;
    }

    static int cat(CommandContext c, List<String> args) throws IOException {
        GnuOptions.Parsed o;
        try {
            o = new GnuOptions("u", "").parse(args);
        } catch (GnuOptions.UsageError e) {
            return GnuOptions.usage(c, e, 1);
        }
        List<String> files = o.operands().isEmpty() ? List.of("-") : o.operands();
        int status = 0;
        for (String f : files) {
            try {
                c.io().out().write(c.read(f));
            } catch (IOException e) {
                c.complain(f + ": " + CommandContext.strerror(e));
                status = 1;
            }
        }
        return status;
    }

    private static int headTail(CommandContext c, List<String> args, boolean head) throws IOException {
        List<String> normalised = new ArrayList<>();
        for (String a : args) {
            normalised.add(a.matches("-\\d+") ? "-n" + a.substring(1) : a);
        }
        GnuOptions.Parsed o;
        try {
            o = new GnuOptions("qv", "nc").longValued("lines", "n").longValued("bytes", "c").parse(normalised);
        } catch (GnuOptions.UsageError e) {
            return GnuOptions.usage(c, e, 1);
        }
        if (!head && (o.has("f") || args.contains("-F") || args.contains("--follow"))) {
            throw new NotModelledException("tail -f (following a file)");
        }
        String count = o.last("n", "10");
        boolean bytes = o.has("c");
        if (bytes) {
            count = o.last("c", "0");
        }
        boolean fromStart = count.startsWith("+");
        long n;
        try {
            n = Long.parseLong(fromStart ? count.substring(1) : count.startsWith("-") ? count.substring(1) : count);
        } catch (NumberFormatException e) {
            c.complain("invalid number of " + (bytes ? "bytes" : "lines") + ": '" + count + "'");
            return 1;
        }
        List<String> files = o.operands().isEmpty() ? List.of("-") : o.operands();
        int status = 0;
        for (int i = 0; i < files.size(); i++) {
            String f = files.get(i);
            byte[] data;
            try {
                data = c.read(f);
            } catch (IOException e) {
                c.complain("cannot open '" + f + "' for reading: " + CommandContext.strerror(e));
                status = 1;
                continue;
            }
            if (files.size() > 1 && !o.has("q")) {
                c.out((i > 0 ? "\n" : "") + "==> " + (f.equals("-") ? "standard input" : f) + " <==\n");
            }
            c.out(bytes ? slice(new String(data, StandardCharsets.UTF_8), n, head, fromStart)
                    : String.join("", sliceLines(new String(data, StandardCharsets.UTF_8), n, head, fromStart)));
        }
        return status;
    }

    private static String slice(String s, long n, boolean head, boolean fromStart) {
        int len = s.length();
        if (head) {
            return s.substring(0, (int) Math.min(n, len));
        }
        return fromStart ? s.substring((int) Math.min(Math.max(n - 1, 0), len)) : s.substring((int) Math.max(len - n, 0));
    }

    private static List<String> sliceLines(String s, long n, boolean head, boolean fromStart) {
        List<String> lines = Lines.withEndings(s);
        int size = lines.size();
        if (head) {
            return lines.subList(0, (int) Math.min(n, size));
        }
        if (fromStart) {
            return lines.subList((int) Math.min(Math.max(n - 1, 0), size), size);
        }
        return lines.subList((int) Math.max(size - n, 0), size);
    }

    static int wc(CommandContext c, List<String> args) {
        GnuOptions.Parsed o;
        try {
            o = new GnuOptions("lwcm", "").longFlag("lines", "l").longFlag("words", "w").longFlag("bytes", "c")
                    .parse(args);
        } catch (GnuOptions.UsageError e) {
            return GnuOptions.usage(c, e, 1);
        }
        boolean all = !o.has("l") && !o.has("w") && !o.has("c") && !o.has("m");
        List<String> files = o.operands().isEmpty() ? List.of("-") : o.operands();
        List<long[]> counts = new ArrayList<>();
        List<String> names = new ArrayList<>();
        long[] total = new long[3];
        int status = 0;
        for (String f : files) {
            byte[] data;
            try {
                data = c.read(f);
            } catch (IOException e) {
                c.complain(f + ": " + CommandContext.strerror(e));
                status = 1;
                continue;
            }
            String text = new String(data, StandardCharsets.UTF_8);
            long[] k = {text.chars().filter(ch -> ch == '\n').count(),
                    text.isBlank() ? 0 : text.trim().split("\\s+").length, data.length};
            for (int i = 0; i < 3; i++) {
                total[i] += k[i];
            }
            counts.add(k);
            names.add(f.equals("-") ? "" : f);
        }
        if (files.size() > 1) {
            counts.add(total);
            names.add("total");
        }
        boolean[] show = {all || o.has("l"), all || o.has("w"), all || o.has("c") || o.has("m")};
        int shown = (show[0] ? 1 : 0) + (show[1] ? 1 : 0) + (show[2] ? 1 : 0);
        boolean stdin = files.contains("-");
        int width = shown == 1 && counts.size() == 1 ? 1
                : Math.max(stdin ? 7 : 1, String.valueOf(total[2]).length());
        StringBuilder sb = new StringBuilder();
        for (int r = 0; r < counts.size(); r++) {
            List<String> cols = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                if (show[i]) {
                    cols.add(String.format("%" + width + "d", counts.get(r)[i]));
                }
            }
            sb.append(String.join(" ", cols));
            if (!names.get(r).isEmpty()) {
                sb.append(' ').append(names.get(r));
            }
            sb.append('\n');
        }
        c.out(sb.toString());
        return status;
    }

    static int tee(CommandContext c, List<String> args) throws IOException {
        GnuOptions.Parsed o;
        try {
            o = new GnuOptions("ai", "").longFlag("append", "a").parse(args);
        } catch (GnuOptions.UsageError e) {
            return GnuOptions.usage(c, e, 1);
        }
        byte[] data = c.stdin();
        c.io().out().write(data);
        int status = 0;
        for (String f : o.operands()) {
            c.checkWritable(f);
            try {
                Path p = c.resolve(f);
                if (!Files.exists(p) && Files.isDirectory(p.getParent())) {
                    FileCommands.createFile(p);
                }
                if (o.has("a")) {
                    Files.write(p, data, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                } else {
                    Files.write(p, data);
                }
            } catch (IOException e) {
                c.complain(f + ": " + CommandContext.strerror(e));
                status = 1;
            }
        }
        return status;
    }
}
