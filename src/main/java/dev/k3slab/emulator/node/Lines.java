package dev.k3slab.emulator.node;

import java.util.ArrayList;
import java.util.List;

/** Splitting text into lines the way line-oriented tools see it. */
final class Lines {
    private Lines() {
    }

    /** The lines with their {@code \n} kept; a last line without one stays without one. */
    static List<String> withEndings(String s) {
        List<String> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == '\n') {
                out.add(s.substring(start, i + 1));
                start = i + 1;
            }
        }
        if (start < s.length()) {
            out.add(s.substring(start));
        }
        return out;
    }

    /** The lines without their {@code \n}; a final newline does not make an empty last line. */
    static List<String> of(String s) {
        List<String> out = new ArrayList<>();
        for (String l : withEndings(s)) {
            out.add(l.endsWith("\n") ? l.substring(0, l.length() - 1) : l);
        }
        return out;
    }
}
