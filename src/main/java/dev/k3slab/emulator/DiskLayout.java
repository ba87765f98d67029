package dev.k3slab.emulator;

import dev.k3slab.topology.LabNode;
import dev.k3slab.topology.Topology;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Collectors;

/**
 * A node's disk as a fresh bento/ubuntu-22.04 VM has it after {@code vagrant up} with the lab's
 * Vagrantfile: the hostname, /etc/hosts with the lab block under its marker, the downloaded K3s
 * install script and etcdctl in /usr/local/bin, systemd's tools in /usr/bin. The programs are
 * {@link ProgramFiles} markers served by the model. Nothing of K3s is installed: the experiments do that.
 */
final class DiskLayout {
    static final String HOSTS_MARKER = "# ---- k3s split-brain lab ----";

    private DiskLayout() {
    }

    static void provision(NodeFiles disk, LabNode node, Topology topology) {
        try {
            for (String d : new String[] {"/etc/systemd/system", "/usr/local/bin", "/usr/local/sbin", "/usr/bin",
                    "/usr/sbin", "/var/lib", "/var/log", "/run", "/home/vagrant"}) {
                dir(disk, d, "rwxr-xr-x");
            }
            dir(disk, "/root", "rwx------");
            dir(disk, "/tmp", "rwxrwxrwx");
            Files.createSymbolicLink(disk.resolve("/bin"), Path.of("usr/bin"));
            Files.createSymbolicLink(disk.resolve("/sbin"), Path.of("usr/sbin"));
            file(disk, "/etc/hostname", node.name() + "\n");
            file(disk, "/etc/hosts", hosts(node, topology));
            file(disk, "/etc/os-release", OS_RELEASE);
            ProgramFiles.write(disk.resolve("/usr/local/bin/k3s-install.sh"), "k3s-install.sh");
            ProgramFiles.write(disk.resolve("/usr/local/bin/etcdctl"), "etcdctl");
            ProgramFiles.write(disk.resolve("/usr/bin/systemctl"), "systemctl");
            ProgramFiles.write(disk.resolve("/usr/bin/journalctl"), "journalctl");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot lay out the disk of " + node.name() + " under " + disk.root(), e);
        }
    }

    /** Ubuntu's localhost lines, Vagrant's hostname line, then the Vagrantfile's block. */
    static String hosts(LabNode node, Topology topology) {
        return "127.0.0.1 localhost\n"
                + "127.0.1.1 " + node.name() + " " + node.name() + "\n\n"
                + "# The following lines are desirable for IPv6 capable hosts\n"
                + "::1     ip6-localhost ip6-loopback\n"
                + "fe00::0 ip6-localnet\n"
                + "ff00::0 ip6-mcastprefix\n"
                + "ff02::1 ip6-allnodes\n"
                + "ff02::2 ip6-allrouters\n"
                + HOSTS_MARKER + "\n"
                + topology.nodes().stream().map(n -> n.ip() + " " + n.name()).collect(Collectors.joining("\n")) + "\n";
    }

    private static void dir(NodeFiles disk, String nodePath, String mode) throws IOException {
        Path p = disk.resolve(nodePath);
        Files.createDirectories(p);
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(mode));
    }

    private static void file(NodeFiles disk, String nodePath, String content) throws IOException {
        Path p = disk.resolve(nodePath);
        Files.writeString(p, content, StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rw-r--r--"));
    }

    private static final String OS_RELEASE = """
            PRETTY_NAME="Ubuntu 22.04.5 LTS"
            NAME="Ubuntu"
            VERSION_ID="22.04"
            VERSION="22.04.5 LTS (Jammy Jellyfish)"
            VERSION_CODENAME=jammy
            ID=ubuntu
            ID_LIKE=debian
            HOME_URL="https://www.ubuntu.com/"
            SUPPORT_URL="https://help.ubuntu.com/"
            BUG_REPORT_URL="https://bugs.launchpad.net/ubuntu/"
            PRIVACY_POLICY_URL="https://www.ubuntu.com/legal/terms-and-policies/privacy-policy"
            UBUNTU_CODENAME=jammy
            """;
}
