package dev.k3slab.scenario;

import dev.k3slab.topology.LabNode;
import dev.k3slab.topology.Topology;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The variables every scenario has: {@code ${nodes.<node>.ip}}, {@code ${nodes.<node>.name}},
 * {@code ${nodes.<node>.role}}, {@code ${k3s.version}}, {@code ${etcdctl}} (etcdctl with K3s's
 * TLS flags), {@code ${db}} (the server's db folder) and {@code ${data-dir}}.
 */
public final class BuiltInVars {

    private BuiltInVars() {
    }

    public static Map<String, String> of(Topology topology) {
        Map<String, String> vars = new LinkedHashMap<>();
        for (LabNode n : topology.nodes()) {
            vars.put("nodes." + n.name() + ".ip", n.ip());
            vars.put("nodes." + n.name() + ".name", n.name());
            vars.put("nodes." + n.name() + ".role", n.role().word());
        }
        vars.put("k3s.version", topology.k3sVersion());
        vars.put("etcdctl", K3sPaths.ETCDCTL);
        vars.put("db", K3sPaths.DB_DIR);
        vars.put("data-dir", K3sPaths.DATA_DIR);
        return vars;
    }
}
