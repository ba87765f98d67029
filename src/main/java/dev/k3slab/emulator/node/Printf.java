package dev.k3slab.emulator.node;

import java.util.ArrayList;
import java.util.List;

/** The {@code printf} format language: {@code %s %d %i %u %x %X %o %c %b %%} with flags and widths. */
final class Printf {
    private Printf() {
    }

    record Result(String text, List<String> badNumbers) {
    }

    static Result format(String format, List<String> args) {
        StringBuilder out = new StringBuilder();
        List<String> bad = new ArrayList<>();
        int next = 0;
        do {
            int consumedBefore = next;
            for (int i = 0; i < format.length(); i++) {
                char c = format.charAt(i);
                if (c == '\\') {
                    int end = i + 1 < format.length() ? i + 2 : i + 1;
                    if (i + 1 < format.length() && format.charAt(i + 1) >= '0' && format.charAt(i + 1) <= '7') {
                        end = i + 2;
                        while (end < format.length() && end < i + 4 && format.charAt(end) >= '0' && format.charAt(end) <= '7') {
                            end++;
                        }
                    }
                    out.append(Escapes.printf(format.substring(i, end)));
                    i = end - 1;
                    continue;
                }
                if (c != '%') {
                    out.append(c);
                    continue;
                }
                int j = i + 1;
                while (j < format.length() && "-+ #0123456789.".indexOf(format.charAt(j)) >= 0) {
                    j++;
                }
                if (j >= format.length()) {
                    out.append(format, i, j);
                    break;
                }
                char conv = format.charAt(j);
                String spec = format.substring(i + 1, j);
                String arg = next < args.size() ? args.get(next) : null;
                switch (conv) {
                    case '%' -> out.append('%');
                    case 's' -> {
                        out.append(String.format("%" + spec + "s", arg == null ? "" : arg));
                        next++;
                    }
                    case 'b' -> {
                        out.append(String.format("%" + spec + "s", arg == null ? "" : Escapes.echo(arg).text()));
                        next++;
                    }
                    case 'c' -> {
                        out.append(arg == null || arg.isEmpty() ? "" : arg.substring(0, 1));
                        next++;
                    }
                    case 'd', 'i', 'u', 'x', 'X', 'o' -> {
                        long v = 0;
                        if (arg != null && !arg.isEmpty()) {
                            try {
                                v = Long.parseLong(arg.trim());
                            } catch (NumberFormatException e) {
                                bad.add(arg);
                            }
                        }
                        char jc = conv == 'i' || conv == 'u' ? 'd' : conv;
                        out.append(String.format("%" + spec + jc, v));
                        next++;
                    }
                    default -> throw new NotModelledException("printf conversion %" + spec + conv);
                }
                i = j;
            }
            if (next == consumedBefore) {
                break;
            }
        } while (next < args.size());
        return new Result(out.toString(), bad);
    }
}
