package dev.k3slab.yaml;

/**
 * One problem found in a YAML file, placed by file, 1-based line and YAML path.
 *
 * @param file    the file as the user named it
 * @param line    1-based line; 0 when the problem concerns the whole file
 * @param path    YAML path, e.g. {@code nodes[2].ip}; empty for the document root
 * @param message what is wrong and what is allowed
 */
public record YamlProblem(String file, int line, String path, String message) {
    @Override
    public String toString() {
        return file + ":" + line + ": " + (path.isEmpty() ? "" : path + ": ") + message;
    }
}
