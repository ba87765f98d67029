package dev.k3slab.scenario;

import dev.k3slab.check.Observed;
import dev.k3slab.record.MonitorSample;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a run keeps across experiments: run variables captured by steps (the node token), the
 * observations of every experiment that ran (as {@code <id>/<name>}), the monitors' timeline and
 * notes for the reader. Used from the engine's thread, except the timeline, which a real lab's
 * monitor thread appends to.
 */
final class RunState {
    final Map<String, String> vars = new LinkedHashMap<>();
    final Map<String, String> capturedBy = new LinkedHashMap<>();
    final Map<String, Observed> observations = new LinkedHashMap<>();
    final List<MonitorSample> timeline = Collections.synchronizedList(new ArrayList<>());
    final List<String> notes = new ArrayList<>();

    void capture(String name, String value, String scenario) {
        vars.put(name, value);
        capturedBy.put(name, scenario);
    }
}
