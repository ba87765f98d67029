package dev.k3slab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Expected outputs were taken from GNU {@code diff -u} on the same inputs. */
class UnifiedDiffTest {

    @Test
    void equalTextsHaveNoDiff() {
        assertThat(UnifiedDiff.diff("a", "x\ny\n", "b", "x\ny\n")).isEmpty();
    }

    @Test
    void distantChangesGetTheirOwnHunksWithThreeLinesOfContext() {
        String before = "a\nb\nc\nd\ne\nf\ng\nh\ni\nj\nk\nl\nm\nn\n";
        String after = "a\nb\nC\nd\ne\nf\ng\nh\ni\nj\nk\nl\nm\nn\nadded\n";

        assertThat(UnifiedDiff.diff("d1", before, "d2", after)).isEqualTo("""
                --- d1
                +++ d2
                @@ -1,6 +1,6 @@
                 a
                 b
                -c
                +C
                 d
                 e
                 f
                @@ -12,3 +12,4 @@
                 l
                 m
                 n
                +added
                """);
    }

    @Test
    void nearbyChangesShareAHunk() {
        String before = "1\n2\n3\n4\n5\n6\n7\n8\n";
        String after = "1\nTWO\n3\n4\n5\n6\nSEVEN\n8\n";

        assertThat(UnifiedDiff.diff("a", before, "b", after)).isEqualTo("""
                --- a
                +++ b
                @@ -1,8 +1,8 @@
                 1
                -2
                +TWO
                 3
                 4
                 5
                 6
                -7
                +SEVEN
                 8
                """);
    }

    @Test
    void anEmptySideIsRangeZero() {
        assertThat(UnifiedDiff.diff("a", "", "b", "x\n")).isEqualTo("--- a\n+++ b\n@@ -0,0 +1 @@\n+x\n");
    }

    @Test
    void aMissingFinalNewlineShowsAsALineOfItsOwn() {
        assertThat(UnifiedDiff.diff("a", "one\ntwo\n", "b", "one\ntwo"))
                .isEqualTo("--- a\n+++ b\n@@ -1,2 +1,3 @@\n one\n two\n+\\ No newline at end of file\n");
    }
}
