package dev.k3slab.emulator;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The disk of one emulated node: a folder under the run folder ({@code <run>/nodes/<node>/}) that
 * stands for {@code /}. A user can look at it after a run.
 */
public record NodeFiles(String node, Path root) {
    public NodeFiles {
        Objects.requireNonNull(node, "node");
        root = root.toAbsolutePath().normalize();
    }

    /**
     * The host path of an absolute node path ({@code /var/lib/rancher/k3s} gives
     * {@code <root>/var/lib/rancher/k3s}). {@code ..} cannot leave the root.
     */
    public Path resolve(String nodePath) {
        if (!nodePath.startsWith("/")) {
            throw new IllegalArgumentException("not an absolute node path: " + nodePath);
        }
        Path p = root;
        for (String part : nodePath.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                p = p.equals(root) ? root : p.getParent();
            } else {
                p = p.resolve(part);
            }
        }
        return p;
    }

    /** The node path of a host path inside the root ({@code <root>/etc/hosts} gives {@code /etc/hosts}). */
    public String nodePath(Path hostPath) {
        Path rel = root.relativize(hostPath.toAbsolutePath().normalize());
        return "/" + rel.toString().replace('\\', '/');
    }
}
