package dev.k3slab.emulator.ssh;

import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;
import org.apache.sshd.common.keyprovider.FileKeyPairProvider;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Iterator;

/**
 * The emulated lab's SSH keys, made once per run folder and kept there: the user key
 * {@code <run>/ssh/id_rsa} (OpenSSH format, what {@code SshEndpoint.identityFile} names; sshj loads
 * it with {@code ssh.loadKeys(path)}) and one host key per node under {@code <run>/ssh/host-keys/}.
 * RSA 2048, because Apache MINA sshd 2.14 handles ed25519 only with net.i2p's EdDSA, which the
 * project does not carry.
 */
public final class LabKeys {
    private LabKeys() {
    }

    /** The run's user key pair ({@code <sshDir>/id_rsa} and {@code id_rsa.pub}), created when missing. */
    public static KeyPair user(Path sshDir) {
        return loadOrCreate(sshDir.resolve("id_rsa"), "k3s-lab emulated lab user key");
    }

    /** The host key of {@code node}, created when missing (so a re-opened run keeps its host keys). */
    public static KeyPair host(Path sshDir, String node) {
        return loadOrCreate(sshDir.resolve("host-keys").resolve(node), "k3s-lab emulated host key of " + node);
    }

    public static Path userKeyFile(Path sshDir) {
        return sshDir.resolve("id_rsa");
    }

    private static synchronized KeyPair loadOrCreate(Path file, String comment) {
        try {
            if (Files.isRegularFile(file)) {
                Iterator<KeyPair> keys = new FileKeyPairProvider(file).loadKeys(null).iterator();
                if (keys.hasNext()) {
                    return keys.next();
                }
            }
            KeyPairGenerator gen = KeyPairGenerator.getInstance("RSA");
            gen.initialize(2048);
            KeyPair kp = gen.generateKeyPair();
            Files.createDirectories(file.getParent());
            Files.deleteIfExists(file);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            try (OutputStream o = Files.newOutputStream(file)) {
                OpenSSHKeyPairResourceWriter.INSTANCE.writePrivateKey(kp, comment, null, o);
            }
            try (OutputStream o = Files.newOutputStream(file.resolveSibling(file.getFileName() + ".pub"))) {
                OpenSSHKeyPairResourceWriter.INSTANCE.writePublicKey(kp, comment, o);
            }
            return kp;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or write the SSH key " + file
                    + "; delete it to have a new one made", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot make an RSA key for " + file + ": " + e.getMessage(), e);
        }
    }
}
