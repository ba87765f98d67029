package dev.k3slab.emulator.node;

/** Backslash escapes of {@code echo} (dash, {@code -e}) and {@code printf}. */
final class Escapes {
    private Escapes() {
    }

    /** Expanded text; {@code stop} when {@code \c} cut the output short. */
    record Result(String text, boolean stop) {
    }

    static Result echo(String s) {
        return expand(s, true);
    }

    /** printf's format escapes ({@code \c} is not special there). */
    static String printf(String s) {
        return expand(s, false).text();
    }

    private static Result expand(String s, boolean echo) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\\' || i + 1 >= s.length()) {
                sb.append(c);
                continue;
            }
            char n = s.charAt(++i);
            switch (n) {
                case 'n' -> sb.append('\n');
                case 't' -> sb.append('\t');
                case 'r' -> sb.append('\r');
                case 'a' -> sb.append('\007');
                case 'b' -> sb.append('\b');
                case 'f' -> sb.append('\f');
                case 'v' -> sb.append('\013');
                case '\\' -> sb.append('\\');
                case 'c' -> {
                    if (echo) {
                        return new Result(sb.toString(), true);
                    }
                    sb.append("\\c");
                }
                case '0', '1', '2', '3', '4', '5', '6', '7' -> {
                    if (echo && n != '0') {
                        sb.append('\\').append(n);
                        continue;
                    }
                    // echo: \0 then up to three octal digits; printf: up to three octal digits
                    int start = echo ? i + 1 : i;
                    int end = start;
                    while (end < s.length() && end - start < 3 && s.charAt(end) >= '0' && s.charAt(end) <= '7') {
                        end++;
                    }
                    sb.append((char) (end > start ? Integer.parseInt(s.substring(start, end), 8) : 0));
                    i = end - 1;
                }
                default -> sb.append('\\').append(n);
            }
        }
        return new Result(sb.toString(), false);
    }
}
