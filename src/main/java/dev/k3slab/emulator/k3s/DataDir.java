package dev.k3slab.emulator.k3s;

import dev.k3slab.emulator.NodeFiles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Random;

/**
 * The files K3s keeps on a node (reference §4, §9) and the small I/O helpers that write them with
 * the real modes. All paths are node paths; {@link NodeFiles} maps them to the run folder.
 */
final class DataDir {
    static final String DATA = "/var/lib/rancher/k3s";
    static final String SERVER = DATA + "/server";
    static final String DB = SERVER + "/db";
    static final String ETCD = DB + "/etcd";
    static final String NAME = ETCD + "/name";
    static final String CONFIG = ETCD + "/config";
    static final String MEMBER = ETCD + "/member";
    static final String WAL_DIR = MEMBER + "/wal";
    /** The model's own record of membership, inside the WAL dir like etcd's WAL: cluster id, member id, name. */
    static final String WAL_FILE = WAL_DIR + "/0000000000000000-0000000000000000.wal";
    static final String SNAP_DB = MEMBER + "/snap/db";
    static final String SNAPSHOTS = DB + "/snapshots";
    static final String STATE_DB = DB + "/state.db";
    static final String KINE_SOCK = SERVER + "/kine.sock";
    static final String TOKEN = SERVER + "/token";
    static final String SERVER_CA = SERVER + "/tls/server-ca.crt";
    static final String ETCD_TLS = SERVER + "/tls/etcd";
    static final String KUBECONFIG = "/etc/rancher/k3s/k3s.yaml";
    static final String NODE_PASSWORD = "/etc/rancher/node/password";

    private DataDir() {
    }

    static Path path(NodeFiles files, String nodePath) {
        return files.resolve(nodePath);
    }

    static boolean exists(NodeFiles files, String nodePath) {
        return Files.exists(files.resolve(nodePath), LinkOption.NOFOLLOW_LINKS);
    }

    /** etcd's IsInitialized: the WAL dir exists and is a directory (reference §1). */
    static boolean walInitialized(NodeFiles files) {
        return Files.isDirectory(files.resolve(WAL_DIR));
    }

    static void mkdirs(NodeFiles files, String nodePath, String mode) {
        Path p = files.resolve(nodePath);
        try {
            Files.createDirectories(p);
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(mode));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void write(NodeFiles files, String nodePath, String content, String mode) {
        Path p = files.resolve(nodePath);
        try {
            Files.createDirectories(p.getParent());
            Files.writeString(p, content, StandardCharsets.UTF_8);
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(mode));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Optional<String> read(NodeFiles files, String nodePath) {
        Path p = files.resolve(nodePath);
        try {
            return Files.isRegularFile(p) ? Optional.of(Files.readString(p, StandardCharsets.UTF_8)) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A relative symlink (absolute targets would point outside the run folder on the host). */
    static void symlink(NodeFiles files, String nodePath, String target) {
        Path p = files.resolve(nodePath);
        try {
            Files.createDirectories(p.getParent());
            Files.deleteIfExists(p);
            Files.createSymbolicLink(p, Path.of(target));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void deleteTree(NodeFiles files, String nodePath) {
        Path p = files.resolve(nodePath);
        if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (var walk = Files.walk(p)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(f -> {
                try {
                    Files.deleteIfExists(f);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void delete(NodeFiles files, String nodePath) {
        try {
            Files.deleteIfExists(files.resolve(nodePath));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** kine's unix socket; a plain file where the host path is too long for a socket address. */
    static void kineSocket(NodeFiles files) {
        Path p = files.resolve(KINE_SOCK);
        try {
            Files.deleteIfExists(p);
            try (ServerSocketChannel ch = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
                ch.bind(UnixDomainSocketAddress.of(p));
            } catch (IOException | UnsupportedOperationException e) {
                Files.write(p, new byte[0]);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A stand-in PEM block: the right shape and size, random content (it secures nothing in the emulator). */
    static String pem(Random random, String kind, int bytes) {
        byte[] b = new byte[bytes];
        random.nextBytes(b);
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(b);
        return "-----BEGIN " + kind + "-----\n" + body + "\n-----END " + kind + "-----\n";
    }

    static String sha256Hex(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    /** {@code K10<sha256 of the CA>::server:<password>} (reference §9). */
    static String token(String serverCa, String password) {
        return "K10" + sha256Hex(serverCa) + "::server:" + password;
    }

    static String randomHex(Random random, int bytes) {
        byte[] b = new byte[bytes];
        random.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }
}
