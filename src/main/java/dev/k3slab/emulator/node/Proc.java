package dev.k3slab.emulator.node;

import java.util.Map;
import java.util.TreeMap;

/** What a started process inherits: its user, working folder and environment. */
record Proc(String user, String cwd, Map<String, String> env) {
    static final String ROOT = "root";

    Proc {
        env = java.util.Collections.unmodifiableMap(new TreeMap<>(env));
    }

    boolean root() {
        return ROOT.equals(user);
    }

    String home() {
        return root() ? "/root" : "/home/" + user;
    }

    Proc withEnv(Map<String, String> e) {
        return new Proc(user, cwd, e);
    }

    /**
     * Refuses a write to {@code absPath} outside the user's home and /tmp when not root: file
     * permissions are not modelled, so the emulated node does not pretend to know the answer.
     */
    void checkWritable(String absPath, String what) {
        if (root() || absPath.equals(home()) || absPath.startsWith(home() + "/") || absPath.equals("/tmp")
                || absPath.startsWith("/tmp/")) {
            return;
        }
        throw new NotModelledException("file permissions: " + what + " as user " + user + " on " + absPath
                + " (an unprivileged user may write only its home and /tmp here: use sudo)");
    }
}
