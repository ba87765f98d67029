package dev.k3slab.emulator;

import dev.k3slab.machine.SshEndpoint;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.connection.channel.direct.Session;
import net.schmizz.sshj.transport.verification.PromiscuousVerifier;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/** Runs one command on an emulated machine the way the harness does: sshj, the endpoint's key, the root wrapper. */
public final class SshExec {
    private SshExec() {
    }

    /** What came back; {@code status} is null when no exit status arrived. */
    public record Result(Integer status, String out, String err) {
    }

    public static Result asRoot(SshEndpoint e, String command) throws IOException {
        try (SSHClient c = new SSHClient()) {
            c.addHostKeyVerifier(new PromiscuousVerifier());
            c.connect(e.host(), e.port());
            c.authPublickey(e.user(), c.loadKeys(e.identityFile().toString()));
            try (Session s = c.startSession()) {
                Session.Command cmd = s.exec("sudo -n sh -c '" + command.replace("'", "'\"'\"'") + "'");
                String out = new String(cmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                String err = new String(cmd.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
                cmd.join(10, TimeUnit.SECONDS);
                cmd.close();
                return new Result(cmd.getExitStatus(), out, err);
            }
        }
    }
}
