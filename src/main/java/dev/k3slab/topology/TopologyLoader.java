package dev.k3slab.topology;

import dev.k3slab.yaml.Binder;
import dev.k3slab.yaml.YamlNode;
import dev.k3slab.yaml.YamlProblem;
import dev.k3slab.yaml.YamlReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Reads a lab topology file strictly and validates it as a whole. Either returns a topology that
 * follows every lab rule, or throws a {@link TopologyException} listing every problem found.
 */
public final class TopologyLoader {
    /** A copy of {@code vagrant/topology.yaml} in the jar, for runs outside a checkout. */
    public static final String DEFAULT_RESOURCE = "dev/k3slab/topology/default-topology.yaml";

    private TopologyLoader() {
    }

    /** Loads {@code file}; its name in messages is the path as given. */
    public static Topology load(Path file) {
        String name = file.toString();
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new TopologyException(name, List.of(new YamlProblem(name, 0, "",
                    "cannot read the file (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")")));
        }
        return parse(name, text);
    }

    /**
     * The default topology: {@code vagrant/topology.yaml} of the {@link LabHome lab home}, or the
     * copy in the jar when there is no checkout.
     */
    public static Topology loadDefault() {
        return loadDefault(LabHome.find());
    }

    static Topology loadDefault(Optional<Path> home) {
        if (home.isPresent()) {
            return load(home.get().resolve(LabHome.TOPOLOGY));
        }
        return parse("classpath:" + DEFAULT_RESOURCE, defaultResourceText());
    }

    /** The text of the default topology shipped in the jar. */
    public static String defaultResourceText() {
        try (InputStream in = TopologyLoader.class.getClassLoader().getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the jar lacks " + DEFAULT_RESOURCE + "; rebuild it with ./mvnw package");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + DEFAULT_RESOURCE + " from the jar", e);
        }
    }

    /** Binds and validates topology YAML {@code text}; {@code file} names it in messages. */
    public static Topology parse(String file, String text) {
        List<YamlProblem> problems = new ArrayList<>();
        Optional<YamlNode> root = YamlReader.read(file, text, problems);
        TopologyDraft draft = root.map(r -> new TopologyBinder(new Binder(problems)).bind(r)).orElse(null);
        if (draft != null) {
            problems.addAll(TopologyValidator.validate(draft, root.get()));
        }
        if (!problems.isEmpty() || draft == null) {
            problems.sort(Comparator.comparingInt(YamlProblem::line));
            throw new TopologyException(file, problems);
        }
        return draft.toTopology();
    }
}
