package dev.k3slab.emulator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A process table for tests: processes are added by fake programs and removed by any signal. */
public final class FakeProcesses implements ProcessTable {
    private final Map<String, Map<Long, String>> byNode = new ConcurrentHashMap<>();
    /** Signals received, as "node pid signal". */
    public final List<String> signals = new ArrayList<>();

    public synchronized void add(String node, long pid, String commandLine) {
        byNode.computeIfAbsent(node, n -> new LinkedHashMap<>()).put(pid, commandLine);
    }

    public synchronized void clear(String node) {
        byNode.remove(node);
    }

    @Override
    public synchronized List<EmulatedProcess> processes(String node) {
        return byNode.getOrDefault(node, Map.of()).entrySet().stream()
                .map(e -> new EmulatedProcess(e.getKey(), e.getValue())).toList();
    }

    @Override
    public synchronized boolean kill(String node, long pid, int signal) {
        Map<Long, String> m = byNode.get(node);
        if (m == null || m.remove(pid) == null) {
            return false;
        }
        signals.add(node + " " + pid + " " + signal);
        return true;
    }
}
