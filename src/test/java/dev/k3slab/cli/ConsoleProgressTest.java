package dev.k3slab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.k3slab.check.Condition;
import dev.k3slab.scenario.Scenario;
import dev.k3slab.scenario.Step;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ConsoleProgressTest {

    @Test
    void aWaitPrintsItsProgressAgainstItsBoundAtMostEveryThreeSecondsOfRealTime() {
        StringWriter text = new StringWriter();
        AtomicLong nanos = new AtomicLong();
        ConsoleProgress p = new ConsoleProgress(new PrintWriter(text), nanos::get);
        Step.Wait wait = new Step.Wait(new Step.Header(0, "wait until cp-3 is Ready seen from cp-1", "4a.yaml", 9, "steps[0]"),
                Condition.parse("node cp-3 Ready from cp-1").orElseThrow(), Duration.ofMinutes(2), Duration.ofSeconds(5), null);
        Scenario s = new Scenario("4a", "etcd data kept", "", "4a.yaml", List.of(), Map.of(), List.of(wait), null);
        p.experimentStarted(s);
        p.stepStarted(s, wait);
        for (int poll = 0; poll < 8; poll++) {
            p.waiting(s, wait, Duration.ofSeconds(5L * poll), Duration.ofMinutes(2), "cp-3 NotReady");
            nanos.addAndGet(Duration.ofSeconds(1).toNanos());
        }
        assertThat(text.toString().lines().filter(l -> l.contains("waiting:")).toList()).containsExactly(
                "[4a]      waiting: wait until cp-3 is Ready seen from cp-1: 0s of 2m",
                "[4a]      waiting: wait until cp-3 is Ready seen from cp-1: 15s of 2m",
                "[4a]      waiting: wait until cp-3 is Ready seen from cp-1: 30s of 2m");
        assertThat(text.toString()).contains("== 4a — etcd data kept", "[4a] 1/1 wait until cp-3 is Ready seen from cp-1 ...");
    }
}
