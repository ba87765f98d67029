package dev.k3slab.emulator.k3s;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;

/**
 * etcd member IDs as etcd 3.5 computes them ({@code membership.computeMemberId}): the first 8
 * bytes, big-endian, of SHA-1 over the sorted peer URLs, the cluster name and, for a member added
 * at run time, the decimal unix seconds of the add (reference §4).
 */
final class MemberIds {
    /** K3s leaves etcd's default initial-cluster-token. */
    static final String CLUSTER_NAME = "etcd-cluster";

    private MemberIds() {
    }

    /** The first member of a new cluster: deterministic per peer URL. */
    static long firstMember(String peerUrl) {
        return sha1Prefix(peerUrl + CLUSTER_NAME);
    }

    /** A member added by MemberAdd (the API passes an empty cluster name and the time). */
    static long added(String peerUrl, Instant at) {
        return sha1Prefix(peerUrl + at.getEpochSecond());
    }

    /** Cluster id of a new single-member cluster ({@code RaftCluster.genID}: SHA-1 over the big-endian member ids). */
    static long clusterId(long firstMember) {
        return sha1Prefix(ByteBuffer.allocate(8).putLong(firstMember).array());
    }

    static String hex(long id) {
        return Long.toHexString(id);
    }

    static long parseHex(String hex) {
        return Long.parseUnsignedLong(hex, 16);
    }

    private static long sha1Prefix(String s) {
        return sha1Prefix(s.getBytes(StandardCharsets.UTF_8));
    }

    private static long sha1Prefix(byte[] bytes) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-1").digest(bytes);
            return ByteBuffer.wrap(h, 0, 8).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-1", e);
        }
    }
}
