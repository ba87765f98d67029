package dev.k3slab.check;

import dev.k3slab.observe.DbLayout;
import dev.k3slab.observe.EndpointHealth;
import dev.k3slab.observe.EndpointStatus;
import dev.k3slab.observe.EtcdMember;
import dev.k3slab.observe.JoinFlags;
import dev.k3slab.observe.NodeRow;
import dev.k3slab.record.ObservationRecord;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Observation records for tests, with values from the source transcripts. */
final class Obs implements Observations {
    static final Instant T0 = Instant.parse("2026-02-22T06:09:24Z");

    private final Map<String, Observed> byName = new HashMap<>();

    Obs add(ObservationRecord r) {
        byName.put(r.name(), new Observed(r, List.of()));
        return this;
    }

    @Override
    public Optional<Observed> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** "cp-3 Ready control-plane,etcd,master 54m 3240" rows: name, STATUS, ROLES, AGE, AGE's least seconds. */
    static NodeRow row(String spec) {
        String[] w = spec.split(" ");
        List<String> roles = w[2].equals("<none>") ? List.of() : Arrays.asList(w[2].split(","));
        return new NodeRow(w[0], w[1], roles, w[3], Long.parseLong(w[4]), "v1.27.9+k3s1", null, null, null, null, null);
    }

    static ObservationRecord nodes(String name, String from, Instant at, String... rows) {
        return new ObservationRecord(name, "nodes", from, at, Arrays.stream(rows).map(Obs::row).toList(),
                null, null, null, null, null, null, null, null);
    }

    static ObservationRecord refused(String name, String from, Instant at) {
        return new ObservationRecord(name, "nodes", from, at, null, null, null, null, null, null, null, null,
                "The connection to the server 127.0.0.1:6443 was refused - did you specify the right host or port?");
    }

    static ObservationRecord broken(String name, String kind, String from) {
        return new ObservationRecord(name, kind, from, T0, null, null, null, null, null, null, null, null, null,
                null, "kubectl get nodes -o wide on " + from + ": no exit status received");
    }

    /** "cp-3-950e9061 5b9b4cb496c89f6 false" members. */
    static ObservationRecord members(String name, String from, String... members) {
        List<EtcdMember> list = Arrays.stream(members).map(s -> {
            String[] w = s.split(" ");
            return new EtcdMember(w[1], "started", w[0], List.of(), List.of(), Boolean.parseBoolean(w[2]));
        }).toList();
        return new ObservationRecord(name, "members", from, T0, null, list, null, null, null, null, null, null, null);
    }

    static ObservationRecord status(String name, String from, long term, boolean leader) {
        EndpointStatus s = new EndpointStatus("127.0.0.1:2379", "5b9b4cb496c89f6", "3.5.9", "4.1 MB", leader, false,
                term, 17844, 17844, List.of());
        return new ObservationRecord(name, "status", from, T0, null, null, List.of(s), null, null, null, null, null, null);
    }

    static ObservationRecord statusUnavailable(String name, String from) {
        return new ObservationRecord(name, "status", from, T0, null, null, null, null, null, null, null, null,
                "Failed to get the status of endpoint 127.0.0.1:2379 (context deadline exceeded)");
    }

    static ObservationRecord health(String name, boolean healthy) {
        return new ObservationRecord(name, "health", "cp-1", T0, null, null, null,
                List.of(new EndpointHealth("127.0.0.1:2379", healthy, "7.305542ms", "")), null, null, null, null, null);
    }

    static ObservationRecord layout(String name, DbLayout layout, String... files) {
        return new ObservationRecord(name, "layout", "cp-3", T0, null, null, null, null, layout, List.of(files),
                null, null, null);
    }

    static ObservationRecord unit(String name, JoinFlags flags, String... execStart) {
        return new ObservationRecord(name, "unit", "cp-1", T0, null, null, null, null, null, null, flags,
                List.of(execStart), null);
    }

    static ObservationRecord files(String name, String... files) {
        return new ObservationRecord(name, "files", "w-1", T0, null, null, null, null, null, null, null, null, null,
                List.of(files), null);
    }

    static ObservationRecord missingFolder(String name) {
        return new ObservationRecord(name, "files", "cp-3", T0, null, null, null, null, null, null, null, null,
                "ls: cannot access '/var/lib/rancher/k3s': No such file or directory", List.of(), null);
    }

    static JoinFlags flags(String server, boolean clusterInit) {
        return new JoinFlags(Optional.ofNullable(server), server != null, clusterInit, false);
    }
}
