package dev.k3slab.emulator.node;

import dev.k3slab.emulator.NodeFiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Resolves node paths to host paths the way the node's kernel would, symlinks included, without
 * ever leaving the node's disk: an absolute symlink target ({@code /etc/systemd/system/k3s.service})
 * is taken from the node's root, never from the host's. Use it instead of following node
 * symlinks with host file operations.
 */
public final class NodePaths {
    private static final int MAX_LINKS = 40;

    private final NodeFiles files;

    public NodePaths(NodeFiles files) {
        this.files = files;
    }

    public NodeFiles files() {
        return files;
    }

    /** {@code path} made absolute against {@code cwd} and normalised ({@code .} and {@code ..} removed). */
    public static String absolute(String cwd, String path) {
        String joined = path.startsWith("/") ? path : (cwd.endsWith("/") ? cwd : cwd + "/") + path;
        Deque<String> parts = new ArrayDeque<>();
        for (String part : joined.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                parts.pollLast();
            } else {
                parts.addLast(part);
            }
        }
        return "/" + String.join("/", parts);
    }

    /** The host path of a node path with every symlink followed, the last one included. */
    public Path resolve(String nodePath) throws IOException {
        return files.resolve(real(nodePath, true));
    }

    /** The host path of a node path with symlinks followed except in the last component. */
    public Path resolveNoFollow(String nodePath) throws IOException {
        return files.resolve(real(nodePath, false));
    }

    /**
     * The node path with symlinks resolved ({@code readlink -f} without the existence check).
     *
     * @throws IOException "Too many levels of symbolic links" after 40 links
     */
    public String real(String nodePath, boolean followLast) throws IOException {
        Deque<String> todo = new ArrayDeque<>(split(nodePath));
        List<String> done = new ArrayList<>();
        int links = 0;
        while (!todo.isEmpty()) {
            String part = todo.pollFirst();
            if (part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                if (!done.isEmpty()) {
                    done.remove(done.size() - 1);
                }
                continue;
            }
            done.add(part);
            Path host = files.resolve("/" + String.join("/", done));
            boolean last = todo.isEmpty();
            if ((followLast || !last) && Files.isSymbolicLink(host)) {
                if (++links > MAX_LINKS) {
                    throw new IOException("Too many levels of symbolic links");
                }
                String target = Files.readSymbolicLink(host).toString();
                done.remove(done.size() - 1);
                if (target.startsWith("/")) {
                    done.clear();
                }
                List<String> targetParts = split(target);
                for (int i = targetParts.size() - 1; i >= 0; i--) {
                    todo.addFirst(targetParts.get(i));
                }
            }
        }
        return "/" + String.join("/", done);
    }

    /** True when the node path names an existing entry (a dangling symlink does not count). */
    public boolean exists(String nodePath) {
        try {
            return Files.exists(resolve(nodePath), LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            return false;
        }
    }

    private static List<String> split(String path) {
        List<String> out = new ArrayList<>();
        for (String p : path.split("/")) {
            if (!p.isEmpty()) {
                out.add(p);
            }
        }
        return out;
    }
}
