package dev.k3slab.shell;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalInt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The default readSecret, for shells that do not mask (test doubles). */
class NodeShellReadSecretTest {
    private static final Duration T = Duration.ofSeconds(1);

    @Test
    void aShellThatDoesNotMaskHandsBackTheStrippedOutput() {
        assertThat(printing("K10abc::server:x\n", 0).readSecret("cat token", T).value()).isEqualTo("K10abc::server:x");
    }

    @Test
    void aMaskedOutputAFailureOrNothingIsRefusedRatherThanHandedBack() {
        assertThatThrownBy(() -> printing(SecretMasker.MASK + "\n", 0).readSecret("cat token", T))
                .isInstanceOf(ShellException.class).hasMessageContaining("only its masked form");
        assertThatThrownBy(() -> printing("", 1).readSecret("cat token", T))
                .isInstanceOf(ShellException.class).hasMessageContaining("exited 1");
        assertThatThrownBy(() -> printing("\n", 0).readSecret("cat token", T))
                .isInstanceOf(ShellException.class).hasMessageContaining("gave nothing");
    }

    private static NodeShell printing(String stdout, int status) {
        return new NodeShell() {
            @Override
            public String node() {
                return "cp-1";
            }

            @Override
            public CommandResult run(String command, Duration timeout) {
                return new CommandResult("cp-1", command, OptionalInt.of(status), stdout, "", Instant.EPOCH, Duration.ZERO);
            }

            @Override
            public BackgroundProcess startBackground(String command, String logFile, Duration timeout) {
                throw new ShellException("cp-1", "not used by this test");
            }

            @Override
            public void upload(Path local, String remotePath) {
                throw new ShellException("cp-1", "not used by this test");
            }

            @Override
            public void reconnect(Duration timeout) {
                // nothing to reconnect
            }

            @Override
            public void close() {
                // nothing to close
            }
        };
    }
}
