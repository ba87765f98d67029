package dev.k3slab.emulator.node;

import java.util.function.Function;

/** Formats with {@code %X} conversions ({@code date +FORMAT}, {@code stat -c FORMAT}). */
final class PercentFormat {
    private PercentFormat() {
    }

    /** {@code format} with every {@code %X} replaced by {@code conversion.apply('X')}; a trailing {@code %} stays. */
    static String expand(String format, Function<Character, String> conversion) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < format.length(); i++) {
            char ch = format.charAt(i);
            if (ch != '%' || i + 1 >= format.length()) {
                sb.append(ch);
            } else {
                sb.append(conversion.apply(format.charAt(++i)));
            }
        }
        return sb.toString();
    }
}
