package dev.k3slab.topology;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the lab's checkout is: the folder holding {@code vagrant/topology.yaml}, {@code reports/}
 * and the {@code lab} launcher.
 */
public final class LabHome {
    /** System property the {@code lab} launcher sets to the checkout it runs from. */
    public static final String PROPERTY = "lab.home";
    /** The default topology, relative to the lab home. */
    public static final String TOPOLOGY = "vagrant/topology.yaml";
    /** The generated Vagrantfile, relative to the lab home. */
    public static final String VAGRANTFILE = "vagrant/Vagrantfile";

    private LabHome() {
    }

    /**
     * The lab home: the {@value #PROPERTY} system property when set, else the nearest folder at or
     * above the working directory that holds {@value #TOPOLOGY}; empty when there is neither (a
     * jar run outside a checkout).
     */
    public static Optional<Path> find() {
        String property = System.getProperty(PROPERTY);
        if (property != null && !property.isBlank()) {
            return Optional.of(Path.of(property).toAbsolutePath().normalize());
        }
        return findAbove(Path.of("").toAbsolutePath());
    }

    /** The nearest folder at or above {@code start} that holds {@value #TOPOLOGY}. */
    static Optional<Path> findAbove(Path start) {
        for (Path dir = start.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve(TOPOLOGY))) {
                return Optional.of(dir);
            }
        }
        return Optional.empty();
    }
}
