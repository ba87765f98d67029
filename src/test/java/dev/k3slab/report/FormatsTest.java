package dev.k3slab.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class FormatsTest {

    @Test
    void durationsReadAsPeopleSayThemAcrossEachBoundary() {
        assertThat(Formats.duration(0)).isEqualTo("0 ms");
        assertThat(Formats.duration(999)).isEqualTo("999 ms");
        assertThat(Formats.duration(1_000)).isEqualTo("1.0 s");
        assertThat(Formats.duration(59_949)).isEqualTo("59.9 s");
        assertThat(Formats.duration(60_000)).isEqualTo("1 m 00 s");
        assertThat(Formats.duration(3_599_000)).isEqualTo("59 m 59 s");
        assertThat(Formats.duration(3_600_000)).isEqualTo("1 h 00 m");
        assertThat(Formats.duration(-1)).isEqualTo("—");
    }

    @Test
    void instantsAreUtcToTheSecondAndAnchorsAreSafeFragments() {
        assertThat(Formats.instant(Instant.parse("2026-02-22T06:44:12.734Z"))).isEqualTo("2026-02-22T06:44:12Z");
        assertThat(Formats.instant(null)).isEqualTo("—");
        assertThat(Formats.experimentAnchor("4b")).isEqualTo("exp-4b");
        assertThat(Formats.experimentAnchor("Split Brain/4\"x")).isEqualTo("exp-split-brain-4-x");
    }
}
