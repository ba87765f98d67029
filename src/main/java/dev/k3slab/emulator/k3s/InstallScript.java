package dev.k3slab.emulator.k3s;

import dev.k3slab.emulator.Invocation;
import dev.k3slab.emulator.NodeFiles;
import dev.k3slab.emulator.ProgramFiles;

import java.io.PrintStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@code k3s-install.sh} (get.k3s.io) as far as the lab runs it (reference §7): command and args
 * from {@code INSTALL_K3S_EXEC} and the script's arguments, the env file with the exported
 * {@code K3S_*} variables, the unit file in the exact format of the script, the binary and
 * symlinks, the kill-all and uninstall scripts, enable and restart, and the {@code [INFO]} lines.
 */
final class InstallScript {
    static final String BIN = "/usr/local/bin";
    private static final Set<String> INSTALL_VARS = Set.of("INSTALL_K3S_VERSION", "INSTALL_K3S_EXEC",
            "INSTALL_K3S_SKIP_START", "INSTALL_K3S_SKIP_ENABLE", "INSTALL_K3S_FORCE_RESTART", "INSTALL_K3S_SYMLINK");
    private static final List<String> PATH = List.of("/usr/local/sbin", "/usr/local/bin", "/usr/sbin", "/usr/bin", "/sbin", "/bin");

    private final Lab lab;
    private final Systemd systemd;

    InstallScript(Lab lab, Systemd systemd) {
        this.lab = lab;
        this.systemd = systemd;
    }

    int run(Invocation inv) {
        Map<String, String> env = inv.env();
        env.keySet().stream().filter(k -> k.startsWith("INSTALL_K3S_") && !INSTALL_VARS.contains(k)).findFirst()
                .ifPresent(k -> {
                    throw new NotModelled("k3s-install.sh with " + k);
                });
        String version = env.get("INSTALL_K3S_VERSION");
        if (version == null || !version.equals(lab.topology.k3sVersion())) {
            throw new NotModelled("k3s-install.sh without INSTALL_K3S_VERSION=" + lab.topology.k3sVersion()
                    + " (got " + version + "; the real script would ask the release channel on the network)");
        }
        List<String> words = new ArrayList<>(UnitFile.words(env.getOrDefault("INSTALL_K3S_EXEC", "")));
        words.addAll(inv.args());
        PrintStream out = inv.stdout();
        String cmd;
        if (words.isEmpty() || words.get(0).startsWith("-")) {
            if (blank(env.get("K3S_URL"))) {
                cmd = "server";
            } else {
                if (blank(env.get("K3S_TOKEN")) && blank(env.get("K3S_TOKEN_FILE"))) {
                    inv.stderr().println("[ERROR]  Defaulted k3s exec command to 'agent' because K3S_URL is defined, but K3S_TOKEN or K3S_TOKEN_FILE is not defined.");
                    return 1;
                }
                cmd = "agent";
            }
        } else {
            cmd = words.remove(0);
        }
        if (!cmd.equals("server") && !cmd.equals("agent")) {
            throw new NotModelled("k3s-install.sh with the command '" + cmd + "'");
        }
        return install(inv, cmd, words, version);
    }

    private int install(Invocation inv, String cmd, List<String> args, String version) {
        NodeFiles files = inv.files();
        PrintStream out = inv.stdout();
        String name = cmd.equals("server") ? "k3s" : "k3s-agent";
        String unit = name + ".service";
        String unitPath = Systemd.DIR + "/" + unit;
        String envPath = unitPath + ".env";
        String uninstall = cmd.equals("server") ? "k3s-uninstall.sh" : "k3s-agent-uninstall.sh";
        String before = installedHashes(files, unitPath, envPath);
        String arch = DataDir.read(files, "/var/lib/dpkg/arch").map(s -> s.split("\n")[0].trim()).orElse("amd64");
        String base = "https://github.com/k3s-io/k3s/releases/download/" + version;
        info(out, "Using " + version + " as release");
        info(out, "Downloading hash " + base + "/sha256sum-" + arch + ".txt");
        if (ProgramFiles.programOf(files.resolve(BIN + "/k3s")).filter("k3s"::equals).isPresent()) {
            info(out, "Skipping binary downloaded, installed k3s matches hash");
        } else {
            info(out, "Downloading binary " + base + "/k3s" + (arch.equals("amd64") ? "" : "-" + arch));
            info(out, "Verifying binary download");
            info(out, "Installing k3s to " + BIN + "/k3s");
            ProgramFiles.write(files.resolve(BIN + "/k3s"), "k3s");
        }
        info(out, "Skipping installation of SELinux RPM");
        for (String link : List.of("kubectl", "crictl", "ctr")) {
            symlink(files, out, link);
        }
        info(out, "Creating killall script " + BIN + "/k3s-killall.sh");
        ProgramFiles.write(files.resolve(BIN + "/k3s-killall.sh"), "k3s-killall.sh");
        info(out, "Creating uninstall script " + BIN + "/" + uninstall);
        ProgramFiles.write(files.resolve(BIN + "/" + uninstall), uninstall);
        info(out, "env: Creating environment file " + envPath);
        DataDir.write(files, envPath, envFile(inv.env()), "rw-------");
        info(out, "systemd: Creating service file " + unitPath);
        DataDir.write(files, unitPath, unitFile(cmd, envPath, args), "rw-r--r--");
        Map<String, String> env = inv.env();
        if ("true".equals(env.get("INSTALL_K3S_SKIP_ENABLE"))) {
            return 0;
        }
        info(out, "systemd: Enabling " + name + " unit");
        systemd.enable(inv.node(), unit, inv.stderr());
        systemd.daemonReload(inv.node());
        if ("true".equals(env.get("INSTALL_K3S_SKIP_START"))) {
            return 0;
        }
        if (before.equals(installedHashes(files, unitPath, envPath)) && !"true".equals(env.get("INSTALL_K3S_FORCE_RESTART"))) {
            info(out, "No change detected so skipping service start");
            return 0;
        }
        info(out, "systemd: Starting " + name);
        systemd.stop(inv.node(), unit);
        Systemd.Started s = systemd.start(inv.node(), unit, inv.stderr());
        if (s.notModelled() != null) {
            inv.stderr().println(s.notModelled());
        }
        return s.status();
    }

    private static void info(PrintStream out, String msg) {
        out.println("[INFO]  " + msg);
    }

    private static boolean blank(String s) {
        return s == null || s.isEmpty();
    }

    private void symlink(NodeFiles files, PrintStream out, String cmd) {
        String path = BIN + "/" + cmd;
        if (Files.exists(files.resolve(path))) {
            info(out, "Skipping " + path + " symlink to k3s, already exists");
            return;
        }
        for (String dir : PATH) {
            if (!dir.equals(BIN) && Files.isExecutable(files.resolve(dir + "/" + cmd))) {
                info(out, "Skipping " + path + " symlink to k3s, command exists in PATH at " + dir + "/" + cmd);
                return;
            }
        }
        info(out, "Creating " + path + " symlink to k3s");
        DataDir.symlink(files, path, "k3s");
    }

    /** What {@code get_installed_hashes} compares: binary, unit file and env file. */
    private static String installedHashes(NodeFiles files, String unitPath, String envPath) {
        return DataDir.read(files, BIN + "/k3s").map(DataDir::sha256Hex).orElse("-") + " "
                + DataDir.read(files, unitPath).map(DataDir::sha256Hex).orElse("-") + " "
                + DataDir.read(files, envPath).map(DataDir::sha256Hex).orElse("-");
    }

    /** Exported {@code K3S_*}/{@code CONTAINERD_*} (and proxy) variables as dash's {@code export} quotes them. */
    static String envFile(Map<String, String> env) {
        StringBuilder sb = new StringBuilder();
        Map<String, String> sorted = new TreeMap<>(env);
        sorted.forEach((k, v) -> {
            if (k.matches("^(K3S|CONTAINERD)_.*")) {
                sb.append(k).append("='").append(v.replace("'", "'\\''")).append("'\n");
            }
        });
        sorted.forEach((k, v) -> {
            if (k.matches("(?i)^(NO|HTTP|HTTPS)_PROXY.*")) {
                sb.append(k).append("='").append(v.replace("'", "'\\''")).append("'\n");
            }
        });
        return sb.toString();
    }

    /** The unit file exactly as the script writes it (TAB-indented single-quoted args, a blank line after ExecStart). */
    static String unitFile(String cmd, String envPath, List<String> args) {
        StringBuilder exec = new StringBuilder(cmd).append(" \\\n");
        for (String a : args) {
            exec.append('\t').append('\'').append(a.replace("'", "'\\''")).append("' \\\n");
        }
        return "[Unit]\n"
                + "Description=Lightweight Kubernetes\n"
                + "Documentation=https://k3s.io\n"
                + "Wants=network-online.target\n"
                + "After=network-online.target\n"
                + "\n"
                + "[Install]\n"
                + "WantedBy=multi-user.target\n"
                + "\n"
                + "[Service]\n"
                + "Type=notify\n"
                + "EnvironmentFile=-/etc/default/%N\n"
                + "EnvironmentFile=-/etc/sysconfig/%N\n"
                + "EnvironmentFile=-" + envPath + "\n"
                + "KillMode=process\n"
                + "Delegate=yes\n"
                + "User=root\n"
                + "# Having non-zero Limit*s causes performance problems due to accounting overhead\n"
                + "# in the kernel. We recommend using cgroups to do container-local accounting.\n"
                + "LimitNOFILE=1048576\n"
                + "LimitNPROC=infinity\n"
                + "LimitCORE=infinity\n"
                + "TasksMax=infinity\n"
                + "TimeoutStartSec=0\n"
                + "Restart=always\n"
                + "RestartSec=5s\n"
                + "ExecStartPre=-/sbin/modprobe br_netfilter\n"
                + "ExecStartPre=-/sbin/modprobe overlay\n"
                + "ExecStart=/usr/local/bin/k3s \\\n"
                + "    " + exec
                + "\n";
    }
}
