package dev.k3slab.shell.ssh;

import net.schmizz.sshj.common.Buffer;
import net.schmizz.sshj.transport.verification.HostKeyVerifier;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Trust on first use, for one run: the first host key a node presents is remembered, and a
 * different key from that node later in the run is refused. Vagrant VMs get new host keys whenever
 * they are recreated, on the same 127.0.0.1 ports, so there is nothing to check against across runs;
 * within a run a change means the machine is not the one the run started with. Keys are kept per
 * node, not per port, because VirtualBox may hand a node another forwarded port after a reload.
 * Thread-safe; share one instance among all shells of a run.
 */
public final class HostKeyTrust {

    /** A refused key change. */
    public record Mismatch(String node, String endpoint, String firstFingerprint, String nowFingerprint) {
        /** The message for the user: node, both fingerprints and the fix. */
        public String message() {
            return "host key of " + node + " changed during this run: first " + firstFingerprint + ", now "
                    + nowFingerprint + " (at " + endpoint + "). Refusing to connect. Likely fix: the VM was recreated;"
                    + " rerun or `./lab down`";
        }
    }

    private final Map<String, PublicKey> firstKeys = new ConcurrentHashMap<>();
    private final Map<String, Mismatch> mismatches = new ConcurrentHashMap<>();

    /** The verifier a connection to {@code node} adds before connecting. */
    public HostKeyVerifier verifierFor(String node) {
        return new HostKeyVerifier() {
            @Override
            public boolean verify(String host, int port, PublicKey key) {
                PublicKey first = firstKeys.putIfAbsent(node, key);
                if (first == null || first.equals(key)) {
                    mismatches.remove(node);
                    return true;
                }
                mismatches.put(node, new Mismatch(node, host + ":" + port, fingerprint(first), fingerprint(key)));
                return false;
            }

            @Override
            public List<String> findExistingAlgorithms(String host, int port) {
                // No preference: the server offers the same key types on every connect.
                return List.of();
            }
        };
    }

    /** The key change last refused for {@code node}, if the last connect attempt was refused for it. */
    public Optional<Mismatch> mismatch(String node) {
        return Optional.ofNullable(mismatches.get(node));
    }

    /** The fingerprint of the key {@code node} presented first in this run, if it has connected. */
    public Optional<String> fingerprint(String node) {
        return Optional.ofNullable(firstKeys.get(node)).map(HostKeyTrust::fingerprint);
    }

    /** OpenSSH's form: {@code SHA256:<base64 of the key blob's SHA-256, unpadded>}. */
    public static String fingerprint(PublicKey key) {
        byte[] blob = new Buffer.PlainBuffer().putPublicKey(key).getCompactData();
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(blob);
            return "SHA256:" + new String(Base64.getEncoder().withoutPadding().encode(digest), StandardCharsets.US_ASCII);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
