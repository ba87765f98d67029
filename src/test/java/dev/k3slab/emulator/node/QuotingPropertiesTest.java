package dev.k3slab.emulator.node;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.StringLength;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class QuotingPropertiesTest {
    private static Path disk;
    private static TestNode node;

    @BeforeContainer
    static void createNode() throws IOException {
        disk = Files.createTempDirectory("quoting");
        node = new TestNode(disk);
    }

    @AfterContainer
    static void deleteNode() throws IOException {
        DiskTrees.delete(disk);
    }

    private static String quote(String s) {
        return "'" + s.replace("'", "'\"'\"'") + "'";
    }

    @Property(tries = 200)
    void anyStringQuotedTheSshShellsWaySurvivesBothWrappersUnchanged(
            @ForAll @StringLength(max = 40) @Chars({'a', ' ', '\'', '"', '\\', '$', '`', '\n', '\t', '*', '&', ';', '|',
                    '(', ')', '#', '~', '!', '{', '}', '<', '>', '%'}) String s) {
        String command = "printf '%s' " + quote(s);
        TestNode.Result r = node.run(ShellLanguageTest.runWrapper(command));
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).isEqualTo(s);
        TestNode.Result bg = node.run(ShellLanguageTest.backgroundWrapper(command, "/tmp/out.log"));
        assertThat(bg.status()).isZero();
        assertThat(node.read("/tmp/out.log")).isEqualTo(s);
    }
}
