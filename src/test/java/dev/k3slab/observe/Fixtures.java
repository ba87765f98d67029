package dev.k3slab.observe;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Recorded outputs under {@code src/test/resources/recorded/}. */
public final class Fixtures {

    private Fixtures() {
    }

    /** The file's text, e.g. {@code read("kubectl/exp2-cp1-wide-three-servers.txt")}. */
    public static String read(String path) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/recorded/" + path)) {
            if (in == null) {
                throw new IllegalArgumentException("no recorded fixture " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every fixture file, as paths relative to {@code recorded/} (scripts and the README left out). */
    static List<String> all() {
        try {
            Path root = Path.of(Fixtures.class.getResource("/recorded").toURI());
            try (Stream<Path> files = Files.walk(root)) {
                return files.filter(Files::isRegularFile)
                        .map(p -> root.relativize(p).toString().replace('\\', '/'))
                        .filter(p -> p.contains("/"))
                        .sorted()
                        .toList();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The least seconds an AGE stands for, computed the plain way: the sum of its parts. */
    static long sumOfUnits(String age) {
        long total = 0;
        long number = 0;
        for (char c : age.toCharArray()) {
            if (Character.isDigit(c)) {
                number = number * 10 + (c - '0');
            } else {
                total += number * switch (c) {
                    case 's' -> 1L;
                    case 'm' -> 60L;
                    case 'h' -> 3600L;
                    case 'd' -> 86400L;
                    case 'y' -> 365 * 86400L;
                    default -> throw new IllegalArgumentException(age);
                };
                number = 0;
            }
        }
        return total;
    }
}
