package dev.k3slab.observe;

/**
 * One entry of {@code ls -al}.
 *
 * @param name file name (may hold spaces); {@code .} and {@code ..} are kept
 * @param type {@code directory}, {@code file}, {@code symlink} or {@code other}
 * @param mode the mode column, e.g. {@code drwx------}
 * @param size size in bytes
 */
public record LsEntry(String name, String type, String mode, long size) {
    public boolean isDirectory() {
        return type.equals("directory");
    }
}
