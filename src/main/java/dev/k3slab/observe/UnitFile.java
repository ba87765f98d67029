package dev.k3slab.observe;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A K3s systemd unit as far as the harness cares: the command line its {@code ExecStart=} runs.
 *
 * @param execStart the words after the binary, unquoted ({@code server}, {@code --node-ip},
 *                  {@code 192.168.56.11}, ...)
 * @param binary    the program ExecStart runs, without systemd's {@code -@:+!} prefixes
 */
public record UnitFile(List<String> execStart, String binary) {
    /** Where the install script puts the binary. */
    public static final String INSTALLED_BINARY = "/usr/local/bin/k3s";

    public UnitFile {
        execStart = List.copyOf(execStart);
        Objects.requireNonNull(binary, "binary");
    }

    /** A unit running the installed binary ({@value #INSTALLED_BINARY}) with these words. */
    public UnitFile(List<String> execStart) {
        this(execStart, INSTALLED_BINARY);
    }

    /** The K3s command, {@code server} or {@code agent}; empty when ExecStart has no words after the binary. */
    public String command() {
        return execStart.isEmpty() ? "" : execStart.get(0);
    }

    /**
     * The join flags this unit starts K3s with, merged with the unit's env file the way K3s merges
     * them: a flag on the command line wins over its {@code K3S_*} variable (reference §1). Both
     * count: {@code K3S_URL} and {@code K3S_TOKEN} in the env file make a join even when ExecStart
     * has no {@code --server}.
     *
     * @param envFile the env file's variables ({@link Parsers#envFile}); empty when there is none
     */
    public JoinFlags joinFlags(Map<String, String> envFile) {
        return K3sArgs.joinFlags(execStart, Objects.requireNonNull(envFile, "envFile"));
    }

    /** The join flags from ExecStart alone. */
    public JoinFlags joinFlags() {
        return joinFlags(Map.of());
    }
}
