package dev.k3slab.machine.vagrant;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Finds the programs the real lab drives: a system property, then an environment variable, then
 * the {@code PATH}. The overrides let a test double stand in for the real program.
 *
 * @param name     program name looked up on the PATH
 * @param property system property that overrides it (blank means unset)
 * @param envVar   environment variable that overrides it (blank means unset)
 */
public record Executables(String name, String property, String envVar) {

    public static final Executables VAGRANT = new Executables("vagrant", "lab.vagrant.bin", "LAB_VAGRANT_BIN");
    public static final Executables VBOXMANAGE = new Executables("VBoxManage", "lab.vboxmanage.bin", "LAB_VBOXMANAGE_BIN");

    /** Looks the program up in this JVM's properties and environment. */
    public Optional<Path> find() {
        return find(System::getProperty, System.getenv());
    }

    /** Looks the program up with the given property source and environment (for tests). */
    public Optional<Path> find(Function<String, String> properties, Map<String, String> env) {
        String override = properties.apply(property);
        if (override == null || override.isBlank()) {
            override = env.get(envVar);
        }
        if (override != null && !override.isBlank()) {
            return Optional.of(Path.of(override));
        }
        String path = env.getOrDefault("PATH", "");
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(dir, name);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** How to tell the user where the program was looked for. */
    public String whereLooked() {
        return "the PATH (or -D" + property + " / " + envVar + ")";
    }
}
