package dev.k3slab.emulator.k3s;

import dev.k3slab.emulator.Invocation;

import java.util.List;
import java.util.Optional;

/** The {@code k3s} multi-call binary: {@code k3s server|agent}, {@code kubectl} (also as {@code k3s kubectl}), {@code --version}. */
final class K3sCommand {
    private final Lab lab;
    private final Kubectl kubectl;

    K3sCommand(Lab lab, Ticker ticker) {
        this.lab = lab;
        this.kubectl = new Kubectl(lab, ticker);
    }

    int run(Invocation inv) {
        String name = inv.argv0().substring(inv.argv0().lastIndexOf('/') + 1);
        List<String> args = inv.args();
        switch (name) {
            case "kubectl":
                return kubectl.run(inv, args);
            case "crictl":
            case "ctr":
                throw new NotModelled(name + " " + String.join(" ", args));
            default:
                break;
        }
        if (args.isEmpty()) {
            throw new NotModelled("k3s without a command");
        }
        String cmd = args.get(0);
        List<String> rest = args.subList(1, args.size());
        switch (cmd) {
            case "server":
            case "agent":
                return start(inv, cmd, rest);
            case "kubectl":
                return kubectl.run(inv, rest);
            case "--version":
            case "-v":
                inv.stdout().println(Lab.VERSION_LINE);
                inv.stdout().println("go version go1.20.12");
                return 0;
            default:
                throw new NotModelled("k3s " + String.join(" ", args));
        }
    }

    private int start(Invocation inv, String cmd, List<String> rest) {
        if (!inv.background()) {
            throw new NotModelled("k3s " + cmd + " in the foreground (start it with & or through systemctl)");
        }
        K3sConfig config = K3sFlags.parse(cmd, rest, inv.env(), inv.files());
        Optional<K3sProcess> p = new K3sStart(lab).start(inv.node(), config, null, inv.pid(),
                "k3s " + cmd + (rest.isEmpty() ? "" : " " + String.join(" ", rest)), inv.stdout());
        return p.isPresent() ? 0 : 1;
    }
}
