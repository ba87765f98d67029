package dev.k3slab.emulator.node;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class CoreutilsTest {
    private static final String DB = "/var/lib/rancher/k3s/server/db";

    @TempDir
    Path disk;
    TestNode node;

    @BeforeEach
    void setUp() {
        node = new TestNode(disk);
    }

    private void file(String nodePath, long size, String mode, String mtime) throws IOException {
        Path p = node.files().resolve(nodePath);
        Files.createDirectories(p.getParent());
        try (RandomAccessFile f = new RandomAccessFile(p.toFile(), "rw")) {
            f.setLength(size);
        }
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(mode));
        node.mtime(nodePath, mtime);
    }

    private void dir(String nodePath, String mode, String mtime) throws IOException {
        Path p = node.files().resolve(nodePath);
        Files.createDirectories(p);
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(mode));
        node.mtime(nodePath, mtime);
    }

    @Test
    void lsAlPrintsGnuLongFormatWithTotalAlignedColumnsAndLabDates() throws IOException {
        for (String sub : new String[] {"tls", "cred", "manifests"}) {
            dir("/var/lib/rancher/k3s/server/" + sub, "rwxr-xr-x", "2026-02-22T06:44:00Z");
        }
        file(DB + "/etcd/name", 13, "rw-------", "2026-02-22T06:44:10Z");
        dir(DB + "/etcd", "rwx------", "2026-02-22T06:44:10Z");
        file(DB + "/state.db", 32768, "rw-r--r--", "2026-02-22T06:44:20Z");
        file(DB + "/state.db-shm", 32768, "rw-r--r--", "2026-02-22T06:44:20Z");
        file(DB + "/state.db-wal", 0, "rw-r--r--", "2026-02-22T06:44:20Z");
        dir(DB, "rwx------", "2026-02-22T06:44:20Z");
        dir("/var/lib/rancher/k3s/server", "rwx------", "2026-02-22T06:44:00Z");
        node.clock.advance(Duration.ofHours(3));

        TestNode.Result r = node.root("ls -al " + DB + "/");
        assertThat(r.out()).isEqualTo("""
                total 76
                drwx------ 3 root root  4096 Feb 22 06:44 .
                drwx------ 6 root root  4096 Feb 22 06:44 ..
                drwx------ 2 root root  4096 Feb 22 06:44 etcd
                -rw-r--r-- 1 root root 32768 Feb 22 06:44 state.db
                -rw-r--r-- 1 root root 32768 Feb 22 06:44 state.db-shm
                -rw-r--r-- 1 root root     0 Feb 22 06:44 state.db-wal
                """);
        assertThat(node.root("ls -la " + DB + "/etcd/").out()).isEqualTo("""
                total 12
                drwx------ 2 root root 4096 Feb 22 06:44 .
                drwx------ 3 root root 4096 Feb 22 06:44 ..
                -rw------- 1 root root   13 Feb 22 06:44 name
                """);
        assertThat(node.root("ls " + DB).out()).isEqualTo("etcd\nstate.db\nstate.db-shm\nstate.db-wal\n");
    }

    @Test
    void lsSortsNamesAsTheSourceTranscriptsDoStateDbMigratedFirst() throws IOException {
        dir(DB + "/etcd/member", "rwx------", "2026-02-22T05:07:00Z");
        dir(DB + "/etcd", "rwx------", "2026-02-22T05:07:00Z");
        dir(DB + "/snapshots", "rwx------", "2026-02-22T05:08:00Z");
        file(DB + "/state.db.migrated", 4546560, "rw-r--r--", "2026-02-22T05:07:00Z");
        file(DB + "/state.db-shm", 32768, "rw-r--r--", "2026-02-22T05:07:00Z");
        file(DB + "/state.db-wal", 0, "rw-r--r--", "2026-02-22T05:07:00Z");
        node.clock.advance(Duration.ofMinutes(40));
        assertThat(node.root("ls -l " + DB + "/").out()).isEqualTo("""
                total 4480
                drwx------ 3 root root    4096 Feb 22 05:07 etcd
                drwx------ 2 root root    4096 Feb 22 05:08 snapshots
                -rw-r--r-- 1 root root 4546560 Feb 22 05:07 state.db.migrated
                -rw-r--r-- 1 root root   32768 Feb 22 05:07 state.db-shm
                -rw-r--r-- 1 root root       0 Feb 22 05:07 state.db-wal
                """);
    }

    @Test
    void lsOfAMissingPathSaysCannotAccessAndExitsTwo() {
        TestNode.Result r = node.root("ls /var/lib/rancher/k3s/");
        assertThat(r.err()).isEqualTo("ls: cannot access '/var/lib/rancher/k3s/': No such file or directory\n");
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
    }

    @Test
    void filesWrittenThroughTheNodeCarryTheLabClocksTime() {
        node.clock.advance(Duration.ofHours(2).plusMinutes(4));
        TestNode.Result r = node.root("mkdir -p /var/lib/x && echo hi > /var/lib/x/f && ls -l /var/lib/x");
        assertThat(r.out()).isEqualTo("total 4\n-rw-r--r-- 1 root root 3 Feb 22 06:44 f\n");
        node.clock.advance(Duration.ofDays(200));
        assertThat(node.root("ls -l /var/lib/x").out()).isEqualTo("total 4\n-rw-r--r-- 1 root root 3 Feb 22  2026 f\n");
    }

    @Test
    void lsShowsSymlinksWithTheirTargets() throws IOException {
        node.installK3s();
        node.clock.advance(Duration.ofMinutes(10));
        node.mtime("/usr/local/bin/k3s", "2026-02-22T04:45:00Z");
        Files.getFileAttributeView(node.files().resolve("/usr/local/bin/kubectl"),
                java.nio.file.attribute.BasicFileAttributeView.class, java.nio.file.LinkOption.NOFOLLOW_LINKS)
                .setTimes(java.nio.file.attribute.FileTime.from(java.time.Instant.parse("2026-02-22T04:45:00Z")), null, null);
        assertThat(node.root("ls -l /usr/local/bin/kubectl").out())
                .isEqualTo("lrwxrwxrwx 1 root root 3 Feb 22 04:45 /usr/local/bin/kubectl -> k3s\n");
    }

    @Test
    void lsShowsAUnixSocketAsGnuDoesWithAnSAndNoBlocks() throws IOException {
        node.mkdirs("/var/lib/rancher/k3s/server");
        Path sock = node.files().resolve("/var/lib/rancher/k3s/server/kine.sock");
        try (java.nio.channels.ServerSocketChannel ch = java.nio.channels.ServerSocketChannel.open(
                java.net.StandardProtocolFamily.UNIX)) {
            ch.bind(java.net.UnixDomainSocketAddress.of(sock));
        }
        Files.setPosixFilePermissions(sock, PosixFilePermissions.fromString("rwxr-xr-x"));
        node.mtime("/var/lib/rancher/k3s/server/kine.sock", "2026-02-22T04:40:00Z");
        assertThat(node.root("ls -l /var/lib/rancher/k3s/server").out())
                .isEqualTo("total 0\nsrwxr-xr-x 1 root root 0 Feb 22 04:40 kine.sock\n");
        assertThat(node.root("stat -c '%A %F' /var/lib/rancher/k3s/server/kine.sock").out())
                .isEqualTo("srwxr-xr-x socket\n");
    }

    private static final String UNIT = """
            [Service]
            ExecStart=/usr/local/bin/k3s \\
                server \\
            \t'--server' \\
            \t'https://192.168.56.11:6443' \\
            \t'--node-ip' \\
            \t'192.168.56.12' \\
            \t'--advertise-address' \\
            \t'192.168.56.12' \\

            """;

    @Test
    void sedDeletesTheServerFlagAndItsUrlFromTheUnitFileInPlace() {
        node.write("/etc/systemd/system/k3s.service", UNIT);
        TestNode.Result r = node.run(ShellLanguageTest.runWrapper(
                "sed -i \"/'--server'/,+1d\" /etc/systemd/system/k3s.service"));
        assertThat(r.status()).isZero();
        assertThat(node.read("/etc/systemd/system/k3s.service")).isEqualTo("""
                [Service]
                ExecStart=/usr/local/bin/k3s \\
                    server \\
                \t'--node-ip' \\
                \t'192.168.56.12' \\
                \t'--advertise-address' \\
                \t'192.168.56.12' \\

                """);
    }

    @Test
    void sedSubstitutesPrintsAndDeletesByRegex() {
        node.write("/tmp/t", "one\ntwo\nthree\n");
        assertThat(node.root("sed 's/o/0/g' /tmp/t").out()).isEqualTo("0ne\ntw0\nthree\n");
        assertThat(node.root("sed -n '/^t/p' /tmp/t").out()).isEqualTo("two\nthree\n");
        assertThat(node.root("sed '/two/d' /tmp/t").out()).isEqualTo("one\nthree\n");
        assertThat(node.root("sed -E 's/(t)(w)/\\2\\1/' /tmp/t").out()).isEqualTo("one\nwto\nthree\n");
        assertThat(node.root("sed '2,$d' /tmp/t").out()).isEqualTo("one\n");
        assertThat(node.root("sed s/x/y/ /tmp/missing").err()).isEqualTo("sed: can't read /tmp/missing: No such file or directory\n");
        assertThat(node.root("sed 's/x/y' /tmp/t").err()).isEqualTo("sed: -e expression #1, char 5: unterminated `s' command\n");
    }

    @Test
    void grepPrintsContextAfterMatchesLikeGrepExecStartMinusA() {
        node.write("/etc/systemd/system/k3s.service", UNIT);
        TestNode.Result r = node.root("cat /etc/systemd/system/k3s.service | grep ExecStart -A 3");
        assertThat(r.out()).isEqualTo("ExecStart=/usr/local/bin/k3s \\\n    server \\\n\t'--server' \\\n"
                + "\t'https://192.168.56.11:6443' \\\n");
        node.write("/tmp/g", "a1\nb\nb\nb\na2\nb\n");
        assertThat(node.root("grep -A 1 a /tmp/g").out()).isEqualTo("a1\nb\n--\na2\nb\n");
        assertThat(node.root("grep -q zzz /tmp/g").status()).isEqualTo(1);
        assertThat(node.root("grep -c b /tmp/g").out()).isEqualTo("4\n");
        assertThat(node.root("grep -iE 'A[0-9]' /tmp/g").out()).isEqualTo("a1\na2\n");
        assertThat(node.root("grep x /tmp/none").err()).isEqualTo("grep: /tmp/none: No such file or directory\n");
        assertThat(node.root("grep x /tmp/none").status()).isEqualTo(2);
    }

    @Test
    void headTailWcAndTeeWorkOnLines() {
        node.write("/tmp/n", "1\n2\n3\n4\n5\n");
        assertThat(node.root("head -n 2 /tmp/n").out()).isEqualTo("1\n2\n");
        assertThat(node.root("tail -2 /tmp/n").out()).isEqualTo("4\n5\n");
        assertThat(node.root("tail -n +4 /tmp/n").out()).isEqualTo("4\n5\n");
        assertThat(node.root("wc -l /tmp/n").out()).isEqualTo("5 /tmp/n\n");
        assertThat(node.root("cat /tmp/n | wc -l").out()).isEqualTo("5\n");
        assertThat(node.root("echo x | tee /tmp/t1 | cat").out()).isEqualTo("x\n");
        assertThat(node.read("/tmp/t1")).isEqualTo("x\n");
        assertThat(node.root("tail -f /tmp/n").status()).isEqualTo(127);
    }

    @Test
    void fileCommandsChangeTheDiskAndReportProblemsLikeCoreutils() {
        TestNode.Result r = node.root("mkdir -p /a/b/c && touch /a/b/c/f && cp /a/b/c/f /a/g && mv /a/g /a/h && "
                + "chmod 600 /a/h && rm -rf /a/b && ls /a");
        assertThat(r.out()).isEqualTo("h\n");
        assertThat(node.root("stat -c '%a %s %F' /a/h").out()).isEqualTo("600 0 regular empty file\n");
        assertThat(node.root("rm /nope").err()).isEqualTo("rm: cannot remove '/nope': No such file or directory\n");
        assertThat(node.root("rm /a").err()).isEqualTo("rm: cannot remove '/a': Is a directory\n");
        assertThat(node.root("mkdir /a").err()).isEqualTo("mkdir: cannot create directory '/a': File exists\n");
        assertThat(node.root("rm -rf /").status()).isEqualTo(1);
        assertThat(node.root("test -f /a/h && [ -d /a ] && [ ! -e /a/zz ] && echo yes").out()).isEqualTo("yes\n");
        assertThat(node.root("[ -f /a/h").err()).isEqualTo("bash: line 1: [: missing ]\n");
    }

    @Test
    void processCommandsActOnTheModelsProcessTable() {
        node.processes.add("cp-1", 689, "/usr/local/bin/k3s server --node-ip 192.168.56.11");
        node.processes.add("cp-1", 700, "/usr/bin/containerd-shim-runc-v2 -namespace k8s.io");
        assertThat(node.root("pgrep k3s").out()).isEqualTo("689\n");
        assertThat(node.root("pgrep -a -f 'node-ip'").out()).isEqualTo("689 /usr/local/bin/k3s server --node-ip 192.168.56.11\n");
        assertThat(node.root("ps -eo pid,args").out()).isEqualTo("    PID COMMAND\n"
                + "    689 /usr/local/bin/k3s server --node-ip 192.168.56.11\n"
                + "    700 /usr/bin/containerd-shim-runc-v2 -namespace k8s.io\n");
        assertThat(node.root("ps aux").out()).startsWith("USER         PID %CPU %MEM    VSZ   RSS TTY      STAT START   TIME COMMAND\n"
                + "root         689  0.0  0.0      0     0 ?        S    04:40   0:00 /usr/local/bin/k3s server");
        assertThat(node.root("pkill -9 -f containerd-shim").status()).isZero();
        assertThat(node.processes.signals).containsExactly("cp-1 700 9");
        assertThat(node.run(ShellLanguageTest.runWrapper("kill 12345")).err()).isEqualTo("sh: 1: kill: No such process\n");
        assertThat(node.root("kill -9 689; echo $?").out()).isEqualTo("0\n");
        assertThat(node.root("pgrep k3s").status()).isEqualTo(1);
    }

    @Test
    void whichUnameAndDpkgDescribeTheLabVm() {
        node.installK3s();
        assertThat(node.root("which kubectl ls").out()).isEqualTo("/usr/local/bin/kubectl\n/usr/bin/ls\n");
        assertThat(node.root("uname -m").out()).isEqualTo("x86_64\n");
        assertThat(node.root("dpkg --print-architecture").out()).isEqualTo("amd64\n");
        assertThat(node.root("hostname").out()).isEqualTo("cp-1\n");
        assertThat(node.root("id -u").out()).isEqualTo("0\n");
        assertThat(node.run("id -u").out()).isEqualTo("1000\n");
    }
}
