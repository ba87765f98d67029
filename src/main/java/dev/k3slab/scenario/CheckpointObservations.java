package dev.k3slab.scenario;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.k3slab.check.Observed;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The observations a run had made when the provider saved a checkpoint, kept beside it
 * ({@code <dir>/<checkpoint>.observations.json}, secrets masked), so that a later run that starts
 * from the checkpoint can still read them ({@code 5b/members-before} from 5c after
 * {@code --from 5c}). Best effort: what cannot be written or read is reported, never fatal.
 */
final class CheckpointObservations {
    private static final ObjectMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule()).addModule(new Jdk8Module())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    private final Path dir;

    /** @param dir where to keep them; null keeps nothing */
    CheckpointObservations(Path dir) {
        this.dir = dir;
    }

    /** Keeps {@code observations} for {@code checkpoint}; the problem in words when it could not, else empty. */
    Optional<String> save(String checkpoint, Map<String, Observed> observations) {
        if (dir == null) {
            return Optional.empty();
        }
        try {
            Files.createDirectories(dir);
            JSON.writerWithDefaultPrettyPrinter().writeValue(file(checkpoint).toFile(), observations);
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of("could not keep the observations of checkpoint " + checkpoint + " in " + dir + ": " + e.getMessage());
        }
    }

    /** The observations kept for {@code checkpoint}; empty when none were kept (or they cannot be read). */
    Map<String, Observed> load(String checkpoint) {
        if (dir == null || !Files.isRegularFile(file(checkpoint))) {
            return Map.of();
        }
        try {
            return JSON.readValue(file(checkpoint).toFile(), new TypeReference<LinkedHashMap<String, Observed>>() { });
        } catch (IOException e) {
            return Map.of();
        }
    }

    private Path file(String checkpoint) {
        return dir.resolve(checkpoint + ".observations.json");
    }
}
