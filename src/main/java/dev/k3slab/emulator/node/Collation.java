package dev.k3slab.emulator.node;

import java.util.Comparator;
import java.util.Locale;

/**
 * The order Ubuntu's en_US.UTF-8 locale sorts file names in (what {@code ls} prints in the source's
 * transcripts), approximated: letters and digits first, case and punctuation ignored; then
 * lower case before upper case; then the plain code points.
 */
final class Collation {
    static final Comparator<String> EN_US = Comparator.comparing(Collation::primary)
            .thenComparing(Collation::caseKey)
            .thenComparing(Comparator.naturalOrder());

    private Collation() {
    }

    private static String primary(String s) {
        StringBuilder sb = new StringBuilder();
        for (char c : s.toCharArray()) {
            if (Character.isLetterOrDigit(c)) {
                sb.append(Character.toLowerCase(c));
            }
        }
        return sb.toString();
    }

    private static String caseKey(String s) {
        StringBuilder sb = new StringBuilder();
        for (char c : s.toCharArray()) {
            if (Character.isLetter(c)) {
                sb.append(Character.isUpperCase(c) ? '1' : '0');
            }
        }
        return sb.toString().toLowerCase(Locale.ROOT);
    }
}
