package dev.k3slab.machine.vagrant;

import dev.k3slab.topology.Topology;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class DoctorTest {

    static final long GIB = 1024L * 1024 * 1024;

    @TempDir
    Path home;
    Path vagrant;
    Path vboxManage;
    Path meminfo;
    long freeBytes = 100 * GIB;

    @BeforeEach
    void equipHost() throws IOException {
        vagrant = FakeVagrant.install(home.resolve("bin"));
        Files.createDirectories(home.resolve(".fake-vagrant"));
        Files.writeString(home.resolve(".fake-vagrant/version"), "2.4.9\n");
        Files.writeString(home.resolve(".fake-vagrant/boxes"), "bento/ubuntu-22.04 virtualbox 202401.31.0\n");
        vboxManage = script("VBoxManage", "echo 7.1.4r165100");
        meminfo = home.resolve("meminfo");
        Files.writeString(meminfo, "MemTotal:       32768000 kB\nMemFree:         1000000 kB\nMemAvailable:   20480000 kB\n");
    }

    Path script(String name, String body) throws IOException {
        Path p = home.resolve("bin").resolve(name);
        Files.writeString(p, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
        return p;
    }

    List<Doctor.Check> run(Topology lab, Optional<Path> vagrantBin, Optional<Path> vbox, Path networksConf) {
        DoctorSetup setup = new DoctorSetup(vagrantBin, vbox, networksConf, meminfo, home, "Linux",
                Duration.ofSeconds(20), p -> freeBytes);
        return new Doctor(lab, setup).run();
    }

    List<Doctor.Check> run() {
        return run(LabFixtures.defaultLab(), Optional.of(vagrant), Optional.of(vboxManage), home.resolve("no-networks.conf"));
    }

    static Doctor.Check check(List<Doctor.Check> checks, String name) {
        return checks.stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void aFullyEquippedHostPassesEveryCheckOneLineEach() {
        List<Doctor.Check> checks = run();
        assertThat(checks).extracting(Doctor.Check::name)
                .containsExactly("vagrant", "VirtualBox", "versions", "host-only network", "memory", "disk", "box");
        assertThat(Doctor.allOk(checks)).as("%s", checks).isTrue();
        assertThat(check(checks, "vagrant").line()).isEqualTo("OK   vagrant: Vagrant 2.4.9 (" + vagrant + ")");
        assertThat(check(checks, "VirtualBox").line()).startsWith("OK   VirtualBox: VirtualBox 7.1.4 (");
        assertThat(check(checks, "memory").detail()).startsWith("11264 MiB needed (5 VMs + 1024 MiB for the host), 20000 MiB available");
        assertThat(check(checks, "box").detail()).isEqualTo("bento/ubuntu-22.04 (virtualbox, 202401.31.0) is present");
    }

    @Test
    void withoutVagrantAndVirtualBoxTheChecksFailPointingAtTheEmulatedLab() {
        List<Doctor.Check> checks = run(LabFixtures.defaultLab(), Optional.empty(), Optional.empty(), home.resolve("none"));
        assertThat(Doctor.allOk(checks)).isFalse();
        assertThat(check(checks, "vagrant").line()).startsWith("FAIL vagrant: not found on the PATH")
                .contains("-> install Vagrant").endsWith("./lab run");
        assertThat(check(checks, "VirtualBox").line()).startsWith("FAIL VirtualBox: VBoxManage not found").endsWith("./lab run");
        assertThat(check(checks, "box").ok()).isFalse();
        assertThat(checks).extracting(Doctor.Check::name).doesNotContain("versions");
    }

    @Test
    void aVagrantTooOldForTheVirtualBoxFails() throws IOException {
        Files.writeString(home.resolve(".fake-vagrant/version"), "2.3.4\n");
        assertThat(check(run(), "versions").line())
                .isEqualTo("FAIL versions: Vagrant 2.3.4 cannot drive VirtualBox 7.1 -> upgrade Vagrant to 2.4.2 or newer");
    }

    @Test
    void anUnloadedKernelModuleFailsWithTheCommandThatBuildsIt() throws IOException {
        vboxManage = script("VBoxManage", "echo 'WARNING: The vboxdrv kernel module is not loaded. Either there is no module'; echo 7.0.14r161095");
        assertThat(check(run(), "VirtualBox").line()).startsWith("FAIL").contains("sudo /sbin/vboxconfig");
    }

    @Test
    void aNetworkOutsideTheDefaultRangeFailsUnlessNetworksConfAllowsIt() throws IOException {
        Topology tenNet = LabFixtures.lab("10.8.8");
        Path conf = home.resolve("networks.conf");
        var refused = check(run(tenNet, Optional.of(vagrant), Optional.of(vboxManage), conf), "host-only network");
        assertThat(refused.line()).startsWith("FAIL host-only network: addresses [10.8.8.11,")
                .contains("[192.168.56.0/21]").contains("-> use a network inside 192.168.56.0/21").contains("'* 10.8.8.0/24'");

        Files.writeString(conf, "* 10.0.0.0/8\n");
        assertThat(check(run(tenNet, Optional.of(vagrant), Optional.of(vboxManage), conf), "host-only network").ok()).isTrue();
        // Once the file exists, its ranges replace the default one.
        assertThat(check(run(LabFixtures.defaultLab(), Optional.of(vagrant), Optional.of(vboxManage), conf), "host-only network").ok())
                .isFalse();
    }

    @Test
    void tooLittleMemoryOrDiskFails() throws IOException {
        Files.writeString(meminfo, "MemAvailable:    4096000 kB\n");
        freeBytes = 5 * GIB;
        List<Doctor.Check> checks = run();
        assertThat(check(checks, "memory").line()).startsWith("FAIL memory: 11264 MiB needed").contains("4000 MiB available");
        assertThat(check(checks, "disk").line()).startsWith("FAIL disk: 17408 MiB needed").contains("5120 MiB free");
    }

    @Test
    void aBoxOnlyForAnotherProviderIsNotEnough() throws IOException {
        Files.writeString(home.resolve(".fake-vagrant/boxes"), "bento/ubuntu-22.04 libvirt 202401.31.0\n");
        assertThat(check(run(), "box").line()).isEqualTo("FAIL box: bento/ubuntu-22.04 for virtualbox is not present locally"
                + " (1 other boxes) -> run 'vagrant box add bento/ubuntu-22.04 --provider virtualbox' once (downloads about 1 GB)");
    }

    @Test
    void memAvailableIsReadFromProcMeminfo() {
        assertThat(Doctor.memAvailableMb("MemTotal: 1 kB\nMemAvailable:   2097152 kB\n")).hasValue(2048);
        assertThat(Doctor.memAvailableMb("MemTotal: 1 kB\n")).isEmpty();
    }
}
