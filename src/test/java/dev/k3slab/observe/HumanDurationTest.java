package dev.k3slab.observe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** kubectl's AGE (apimachinery v0.27.9 HumanDuration, reference §6) and its lower bound. */
class HumanDurationTest {

    @ParameterizedTest(name = "{0}s prints as {1}")
    @CsvSource({
            "0, 0s", "17, 17s", "114, 114s", "119, 119s", "120, 2m", "228, 3m48s", "396, 6m36s", "599, 9m59s",
            "600, 10m", "840, 14m", "6000, 100m", "7680, 128m", "10799, 179m", "10800, 3h", "11100, 3h5m",
            "28799, 7h59m", "28800, 8h", "68400, 19h", "172799, 47h", "172800, 2d", "183600, 2d3h", "266400, 3d2h",
            "691199, 7d23h", "691200, 8d", "864000, 10d", "42336000, 490d", "63071999, 729d", "63072000, 2y",
            "63936000, 2y10d", "252287999, 7y364d", "252288000, 8y", "9460800000, 300y"})
    void printsEachRangeOfTheTable(long seconds, String printed) {
        assertThat(Parsers.humanDuration(Duration.ofSeconds(seconds))).isEqualTo(printed);
    }

    @Test
    void toleratesUpToOneSecondOfClockSkewThenSaysInvalid() {
        assertThat(Parsers.humanDuration(Duration.ofMillis(-500))).isEqualTo("0s");
        assertThat(Parsers.humanDuration(Duration.ofMillis(-1999))).isEqualTo("0s");
        assertThat(Parsers.humanDuration(Duration.ofSeconds(-1))).isEqualTo("0s");
        assertThat(Parsers.humanDuration(Duration.ofSeconds(-2))).isEqualTo("<invalid>");
        assertThat(Parsers.humanDuration(Duration.ofMillis(119_999))).isEqualTo("119s");
    }

    @ParameterizedTest(name = "{0} stands for at least {1}s")
    @CsvSource({"3m48s, 228", "14m, 840", "0s, 0", "2m, 120", "3h, 10800", "19h, 68400", "2d, 172800",
            "2d3h, 183600", "10d, 864000", "2y, 63072000", "2y10d, 63936000", "8y, 252288000"})
    void readsTheLowerBoundOfAPrintedAge(String age, long seconds) {
        assertThat(Parsers.ageLowerBound(age)).isEqualTo(seconds);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1y", "1d", "2h", "05s", "120s", "3m60s", "180m", "2m0s", "3m48", "m", "<invalid>",
            "<unknown>", "-5s", "3 m", "99999999999999999y", "1h1h"})
    void rejectsWhatKubectlNeverPrints(String age) {
        assertThatThrownBy(() -> Parsers.ageLowerBound(age)).isInstanceOf(ParseException.class)
                .hasMessageContaining("not an AGE kubectl prints");
    }

    /** Round trip: the lower bound prints the same, is no later than the duration, and is the least such. */
    private static void assertRoundTrip(long seconds) {
        String age = Parsers.humanDuration(Duration.ofSeconds(seconds));
        long bound = Parsers.ageLowerBound(age);
        assertThat(bound).as(age).isLessThanOrEqualTo(seconds);
        assertThat(Parsers.humanDuration(Duration.ofSeconds(bound))).isEqualTo(age);
        if (bound > 0) {
            assertThat(Parsers.humanDuration(Duration.ofSeconds(bound - 1))).as(age).isNotEqualTo(age);
        }
    }

    @Test
    void roundTripsEverySecondOfTheFirstThreeDays() {
        for (long s = 0; s <= 3 * 86400; s++) {
            assertRoundTrip(s);
        }
    }

    @Test
    void roundTripsEveryHourBoundaryUpToThreeHundredYears() {
        // Beyond two days the printed value changes at most once an hour: both sides of every hour cover it.
        for (long h = 48; h <= 300L * 365 * 24; h += h < 8 * 365 * 24 ? 1 : 24) {
            assertRoundTrip(h * 3600);
            assertRoundTrip(h * 3600 - 1);
        }
    }

    @Property(tries = 2000)
    void roundTripsAnyDurationGoCanHold(@ForAll @LongRange(min = 0, max = 9_223_372_036L) long seconds) {
        assertRoundTrip(seconds);
    }
}
