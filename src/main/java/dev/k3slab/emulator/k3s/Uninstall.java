package dev.k3slab.emulator.k3s;

import dev.k3slab.emulator.Invocation;

import java.io.PrintStream;
import java.util.List;

/**
 * {@code k3s-killall.sh} and {@code k3s-uninstall.sh}/{@code k3s-agent-uninstall.sh} (reference §7).
 * Kill-all deletes no data. Uninstall removes the unit and env file, and unless another K3s unit
 * remains, the symlinks, {@code /etc/rancher/k3s}, {@code /var/lib/rancher/k3s},
 * {@code /var/lib/kubelet}, the binary and the scripts; {@code /etc/rancher/node} stays.
 */
final class Uninstall {
    private final Lab lab;
    private final Systemd systemd;

    Uninstall(Lab lab, Systemd systemd) {
        this.lab = lab;
        this.systemd = systemd;
    }

    /**
     * Stops every {@code k3s*.service}. Deviation (on the lead's brief): it also ends K3s processes
     * started by hand, which the real script leaves running (it only kills containerd shims).
     */
    int killAll(Invocation inv) {
        PrintStream err = inv.stderr();
        for (String unit : systemd.unitFilesOnDisk(inv.node())) {
            err.println("+ systemctl stop " + unit);
            systemd.stop(inv.node(), unit);
        }
        for (K3sProcess p : List.copyOf(lab.state.node(inv.node()).processes)) {
            err.println("+ kill -9 " + p.pid);
            lab.processKilled(p, 9);
        }
        err.println("+ rm -rf /var/lib/cni/");
        return 0;
    }

    int uninstall(Invocation inv, String unit) {
        String node = inv.node();
        PrintStream err = inv.stderr();
        String self = "/usr/local/bin/" + (unit.equals("k3s.service") ? "k3s-uninstall.sh" : "k3s-agent-uninstall.sh");
        killAll(inv);
        err.println("+ systemctl disable " + unit.replace(".service", ""));
        systemd.disable(node, unit, err);
        err.println("+ systemctl reset-failed " + unit.replace(".service", ""));
        err.println("+ systemctl daemon-reload");
        DataDir.delete(inv.files(), Systemd.DIR + "/" + unit);
        DataDir.delete(inv.files(), Systemd.DIR + "/" + unit + ".env");
        systemd.daemonReload(node);
        DataDir.delete(inv.files(), self);
        if (!systemd.unitFilesOnDisk(node).isEmpty()) {
            inv.stdout().println("Additional k3s services installed, skipping uninstall of k3s");
            return 0;
        }
        for (String link : List.of("kubectl", "crictl", "ctr")) {
            String path = InstallScript.BIN + "/" + link;
            if (java.nio.file.Files.isSymbolicLink(inv.files().resolve(path))) {
                DataDir.delete(inv.files(), path);
            }
        }
        for (String dir : List.of("/etc/rancher/k3s", "/run/k3s", "/run/flannel", DataDir.DATA, "/var/lib/kubelet")) {
            err.println("+ rm -rf " + dir);
            DataDir.deleteTree(inv.files(), dir);
        }
        err.println("+ rm -f /usr/local/bin/k3s");
        DataDir.delete(inv.files(), InstallScript.BIN + "/k3s");
        err.println("+ rm -f /usr/local/bin/k3s-killall.sh");
        DataDir.delete(inv.files(), InstallScript.BIN + "/k3s-killall.sh");
        return 0;
    }
}
