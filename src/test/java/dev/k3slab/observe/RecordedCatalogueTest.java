package dev.k3slab.observe;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import dev.k3slab.machine.vagrant.MachineReadable;
import dev.k3slab.machine.vagrant.SshConfigParser;
import dev.k3slab.machine.vagrant.VagrantStatusParser;
import org.junit.jupiter.api.Test;

/** Every recorded fixture is read by its parser, and named (so asserted) by a test. */
class RecordedCatalogueTest {

    @Test
    void everyFixtureIsReadByTheParserOfItsKind() {
        assertThat(Fixtures.all()).hasSizeGreaterThan(60);
        for (String f : Fixtures.all()) {
            String text = Fixtures.read(f);
            String kind = f.substring(0, f.indexOf('/'));
            switch (kind) {
                case "kubectl" -> assertThat(f.contains("refused") ? Parsers.apiserverRefused(text) : !Parsers.kubectlNodes(text).isEmpty()).as(f).isTrue();
                case "etcdctl" -> assertThat(etcdctl(f, text)).as(f).isTrue();
                case "ls" -> assertThat(f.contains("missing") ? Parsers.lsMissing(text) : !Parsers.ls(text).isEmpty()).as(f).isTrue();
                // The exp5c unit keeps the author's elisions; its first "..." line is dropped (README).
                case "systemd" -> assertThat(f.endsWith(".env") ? !Parsers.envFile(text).isEmpty()
                        : !Parsers.unit(text.replaceFirst("\n\\.\\.\\.\n", "\n")).execStart().isEmpty()).as(f).isTrue();
                case "install" -> assertThat(Parsers.installInfo(text)).as(f).hasSizeGreaterThan(10);
                case "token" -> assertThat(Parsers.nodeToken(text)).as(f).startsWith("K10");
                case "vagrant" -> assertThat(vagrant(f, text)).as(f).isTrue();
                default -> throw new AssertionError("no parser for fixture folder " + kind + ": " + f);
            }
        }
    }

    private static boolean etcdctl(String f, String text) {
        if (f.contains("member-list")) {
            return !Parsers.etcdMembers(text).isEmpty();
        } else if (f.contains("status-failed")) {
            return Parsers.endpointFailure(text).isPresent() && Parsers.endpointStatus(text).isEmpty();
        } else if (f.contains("endpoint-status")) {
            return !Parsers.endpointStatus(text).isEmpty();
        }
        return f.contains("endpoint-health") && !Parsers.endpointHealth(text).isEmpty();
    }

    /** Vagrant's output is read by the machine layer's readers (the machine layer may not use observe). */
    private static boolean vagrant(String f, String text) {
        if (f.contains("ssh-config")) {
            return !SshConfigParser.parse(text).isEmpty();
        } else if (f.contains("/status-")) {
            return VagrantStatusParser.errorExit(text).isPresent() || !VagrantStatusParser.parse(text).isEmpty();
        }
        return !MachineReadable.parse(text).isEmpty();
    }

    @Test
    void everyFixtureIsNamedInATestThatAssertsItsValues() throws IOException {
        String sources;
        try (Stream<Path> files = Files.walk(Path.of("src/test/java/dev/k3slab"))) {
            sources = files.filter(p -> p.toString().endsWith(".java")).filter(p -> !p.getFileName().toString().equals("RecordedCatalogueTest.java")
                            && !p.getFileName().toString().equals("ParserFuzzProperties.java"))
                    .map(RecordedCatalogueTest::read).collect(Collectors.joining("\n"));
        }
        for (String f : Fixtures.all()) {
            String stem = f.substring(f.lastIndexOf('/') + 1);
            stem = stem.contains(".") ? stem.substring(0, stem.indexOf('.')) : stem;
            boolean named = sources.contains("\"" + stem) || sources.contains("/" + stem);
            assertThat(named).as("a test naming " + f).isTrue();
        }
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
