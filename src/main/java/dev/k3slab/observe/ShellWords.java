package dev.k3slab.observe;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a command line or a value into words the way systemd's ExecStart= and env files (and the
 * shell the install script wrote them for) read quotes: {@code '...'} is literal, {@code "..."}
 * lets a backslash escape {@code " \ $ `}, a backslash outside quotes escapes the next character,
 * and quoted pieces next to each other make one word ({@code 'it'"'"'s'} is {@code it's}).
 */
final class ShellWords {

    /** A quote left open or a backslash with nothing after it. */
    static final class Unbalanced extends RuntimeException {
        Unbalanced(String problem) {
            super(problem, null, false, false);
        }
    }

    private ShellWords() {
    }

    static List<String> split(String s) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
                i++;
            } else if (c == '\'') {
                int end = s.indexOf('\'', i + 1);
                if (end < 0) {
                    throw new Unbalanced("a single quote is not closed");
                }
                word.append(s, i + 1, end);
                inWord = true;
                i = end + 1;
            } else if (c == '"') {
                i = doubleQuoted(s, i + 1, word);
                inWord = true;
            } else if (c == '\\') {
                if (i + 1 >= s.length()) {
                    throw new Unbalanced("a backslash ends the text");
                }
                word.append(s.charAt(i + 1));
                inWord = true;
                i += 2;
            } else {
                word.append(c);
                inWord = true;
                i++;
            }
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }

    // Reads a double-quoted piece starting after its opening quote; returns the index after the closing one.
    private static int doubleQuoted(String s, int i, StringBuilder word) {
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '"') {
                return i + 1;
            }
            if (c == '\\' && i + 1 < s.length() && "\"\\$`".indexOf(s.charAt(i + 1)) >= 0) {
                word.append(s.charAt(i + 1));
                i += 2;
            } else {
                word.append(c);
                i++;
            }
        }
        throw new Unbalanced("a double quote is not closed");
    }
}
