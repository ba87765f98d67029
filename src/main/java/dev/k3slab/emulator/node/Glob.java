package dev.k3slab.emulator.node;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Pathname expansion of {@code *}, {@code ?} and {@code [...]} against the node's disk. A pattern
 * that matches nothing stays as it is (POSIX); names starting with a dot match only a pattern
 * that starts with a dot.
 */
final class Glob {
    private Glob() {
    }

    static List<String> expand(String word, BitSet active, NodeHost host, String cwd) {
        if (active.isEmpty()) {
            return List.of(word);
        }
        boolean absolute = word.startsWith("/");
        List<String> results = new ArrayList<>();
        results.add(absolute ? "/" : "");
        int offset = 0;
        String[] parts = word.split("/", -1);
        NodePaths paths = new NodePaths(host.files());
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i];
            BitSet partActive = active.get(offset, offset + part.length());
            offset += part.length() + 1;
            if (part.isEmpty()) {
                continue;
            }
            boolean last = i == parts.length - 1;
            List<String> next = new ArrayList<>();
            for (String prefix : results) {
                if (partActive.isEmpty()) {
                    next.add(join(prefix, part));
                    continue;
                }
                Pattern re = Pattern.compile(regex(part, partActive));
                for (String name : list(paths, NodePaths.absolute(cwd, prefix.isEmpty() ? "." : prefix))) {
                    if (name.startsWith(".") && !part.startsWith(".")) {
                        continue;
                    }
                    if (re.matcher(name).matches()) {
                        next.add(join(prefix, name));
                    }
                }
            }
            results = next;
            if (!last && results.isEmpty()) {
                break;
            }
        }
        List<String> existing = results.stream()
                .map(r -> word.endsWith("/") && !r.endsWith("/") ? r + "/" : r)
                .filter(r -> paths.exists(NodePaths.absolute(cwd, r)))
                .sorted().toList();
        return existing.isEmpty() ? List.of(word) : existing;
    }

    private static String join(String prefix, String name) {
        return prefix.isEmpty() ? name : prefix.endsWith("/") ? prefix + name : prefix + "/" + name;
    }

    private static List<String> list(NodePaths paths, String dir) {
        try {
            Path host = paths.resolve(dir);
            if (!Files.isDirectory(host)) {
                return List.of();
            }
            try (Stream<Path> s = Files.list(host)) {
                return s.map(p -> p.getFileName().toString()).sorted().toList();
            }
        } catch (IOException e) {
            return List.of();
        }
    }

    private static String regex(String part, BitSet active) {
        StringBuilder re = new StringBuilder();
        for (int i = 0; i < part.length(); i++) {
            char c = part.charAt(i);
            if (active.get(i) && c == '*') {
                re.append(".*");
            } else if (active.get(i) && c == '?') {
                re.append('.');
            } else if (active.get(i) && c == '[' && part.indexOf(']', i + 2) > 0) {
                int close = part.indexOf(']', i + 2);
                String body = part.substring(i + 1, close);
                if (body.startsWith("!")) {
                    body = "^" + body.substring(1);
                }
                re.append('[').append(body.replace("\\", "\\\\").replace("[", "\\[").replace("&", "\\&")).append(']');
                i = close;
            } else {
                re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return re.toString();
    }
}
