package dev.k3slab.emulator.k3s;

import java.util.List;
import java.util.Optional;

/** A datastore's Node objects: a node's SQLite file (kine) or an etcd cluster's key space. */
interface NodeStore {
    /** {@code sqlite:<node>} or {@code etcd:<cluster id hex>}. */
    String id();

    /** All Node objects, sorted by name. */
    List<NodeObject> list();

    Optional<NodeObject> get(String name);

    void put(NodeObject node);

    void delete(String name);
}
