package dev.k3slab.emulator.ssh;

import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.connection.channel.direct.Session;
import net.schmizz.sshj.transport.verification.PromiscuousVerifier;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** A plain sshj client for tests of the emulated SSH servers. */
final class Ssh implements AutoCloseable {
    final SSHClient client = new SSHClient();

    record Result(Integer status, String out, String err) {
    }

    Ssh(int port, String user, Path key) throws IOException {
        client.addHostKeyVerifier(new PromiscuousVerifier());
        client.connect("127.0.0.1", port);
        client.authPublickey(user, client.loadKeys(key.toString()));
    }

    Result exec(String command) throws IOException {
        try (Session s = client.startSession()) {
            Session.Command c = s.exec(command);
            String out = new String(c.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            String err = new String(c.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            c.join(10, TimeUnit.SECONDS);
            c.close();
            return new Result(c.getExitStatus(), out, err);
        }
    }

    static String asRoot(String command) {
        return "sudo -n sh -c '" + command.replace("'", "'\"'\"'") + "'";
    }

    @Override
    public void close() throws IOException {
        client.close();
    }
}
