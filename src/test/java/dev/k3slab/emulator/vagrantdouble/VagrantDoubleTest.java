package dev.k3slab.emulator.vagrantdouble;

import dev.k3slab.machine.vagrant.Executables;
import dev.k3slab.machine.vagrant.MachineReadable;
import dev.k3slab.machine.vagrant.ProcessResult;
import dev.k3slab.machine.vagrant.SnapshotListParser;
import dev.k3slab.machine.vagrant.SshConfigEntry;
import dev.k3slab.machine.vagrant.SshConfigParser;
import dev.k3slab.machine.vagrant.VagrantMachineStatus;
import dev.k3slab.machine.vagrant.VagrantStatusParser;
import dev.k3slab.topology.LabNode;
import dev.k3slab.topology.Role;
import dev.k3slab.topology.Topology;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The double answers as Vagrant 2.3.4 does: the same records and texts as the real outputs
 * recorded under recorded/vagrant/, read by the provider's own parsers, with Vagrant's exit codes.
 */
class VagrantDoubleTest {

    @TempDir
    Path tmp;
    VagrantDouble vagrant;

    @AfterEach
    void close() {
        if (vagrant != null) {
            vagrant.close();
        }
    }

    private VagrantDouble lab() {
        vagrant = VagrantDouble.start(tmp, "vagrant");
        return vagrant;
    }

    @Test
    void statusOfTwoNewMachinesIsTheRecordedOutputOfVagrant234WithVirtualBoxTexts() {
        Topology two = new Topology("bento/ubuntu-22.04", "192.168.56", "v1.27.9+k3s1", "v3.5.11", "k3s-splitbrain-",
                List.of(new LabNode("cp-1", "192.168.56.11", Role.SERVER, 2, 2048),
                        new LabNode("w-1", "192.168.56.21", Role.AGENT, 2, 2048)));
        vagrant = VagrantDouble.start(tmp, "vagrant", two);

        ProcessResult status = vagrant.vagrant("status", "--machine-readable");

        String recorded = recorded("status-not-created-libvirt.vagrant-2.3.4.txt")
                .replace("libvirt", "virtualbox")
                .replace("The Libvirt domain is not created. Run `vagrant up` to create it.",
                        VagrantUi.escape(VagrantTexts.longState("not_created")));
        assertThat(status.exitCode()).hasValue(0);
        assertThat(withoutTimes(status.stdoutText())).isEqualTo(withoutTimes(recorded.strip()));
    }

    @Test
    void anUnknownMachineIsTheRecordedMachineNotFoundErrorWithExitStatus1() {
        ProcessResult status = lab().vagrant("status", "--machine-readable", "nope");

        assertThat(status.exitCode()).hasValue(1);
        assertThat(withoutTimes(status.stdoutText()))
                .isEqualTo(withoutTimes(recorded("status-unknown-machine.vagrant-2.3.4.txt").strip()));
    }

    @Test
    void versionIsTheRecordedOutputOf234AndDashDashVersionSaysItIsADoubleWithoutVirtualBox() {
        lab();
        assertThat(withoutTimes(vagrant.vagrant("version", "--machine-readable").stdoutText()))
                .isEqualTo(withoutTimes(recorded("version.vagrant-2.3.4.txt").strip()));
        assertThat(vagrant.vagrant("--version").stdout())
                .containsExactly("Vagrant 2.3.4 (k3s-lab test double over the emulated lab; no VirtualBox)");
    }

    @Test
    void theProviderFindsTheDoubleFirstOnThePathOrThroughLabVagrantBin() {
        lab();
        Path bin = vagrant.binary.getParent();

        assertThat(Executables.VAGRANT.find(k -> null, Map.of("PATH", bin + ":/usr/bin:/bin"))).hasValue(vagrant.binary);
        assertThat(Executables.VAGRANT.find(k -> k.equals("lab.vagrant.bin") ? vagrant.binary.toString() : null,
                Map.of("PATH", "/usr/bin:/bin"))).hasValue(vagrant.binary);
    }

    @Test
    void statusAfterUpIsReadByTheProvidersParserAsRunningOnVirtualBox() {
        lab();
        assertThat(vagrant.vagrant("up", "--no-parallel", "--provider", "virtualbox", "--machine-readable", "cp-2")
                .exitCode()).hasValue(0);

        List<VagrantMachineStatus> all = VagrantStatusParser.parse(vagrant.vagrant("status", "--machine-readable").stdoutText());

        assertThat(all).extracting(VagrantMachineStatus::machine).containsExactly("cp-1", "cp-2", "cp-3", "w-1", "w-2");
        assertThat(all).extracting(VagrantMachineStatus::state)
                .containsExactly("not_created", "running", "not_created", "not_created", "not_created");
        assertThat(all).extracting(VagrantMachineStatus::provider).containsOnly("virtualbox");
    }

    @Test
    void upPrintsTheActionRecordsAndTheBootOfAVirtualBoxMachineWithTheEmulatedSshPort() {
        lab();
        ProcessResult up = vagrant.vagrant("up", "--machine-readable", "cp-1");
        int port = vagrant.server.lab().sshEndpoint("cp-1").port();

        List<MachineReadable.Record> records = MachineReadable.parse(up.stdoutText());
        assertThat(records).extracting(r -> r.target() + " " + r.type() + " " + r.field(0) + " " + r.field(1))
                .startsWith("cp-1 metadata provider virtualbox", " ui info Bringing machine 'cp-1' up with 'virtualbox' provider...",
                        "cp-1 action up start", "cp-1 ui info ==> cp-1: Cloning VM...")
                .contains("cp-1 ui detail     cp-1: 22 (guest) => " + port + " (host) (adapter 1)",
                        "cp-1 ui info ==> cp-1: Machine booted and ready!",
                        "cp-1 ui info ==> cp-1: Running provisioner: common (shell)...")
                .endsWith("cp-1 action up end");
    }

    @Test
    void sshConfigIsVagrant234sTemplateWithTheEmulatedPortAndTheMachinesOwnKey() {
        lab();
        vagrant.vagrant("up", "--machine-readable", "cp-3");
        int port = vagrant.server.lab().sshEndpoint("cp-3").port();
        Path key = vagrant.vagrantDir.resolve(".vagrant/machines/cp-3/virtualbox/private_key");

        ProcessResult config = vagrant.vagrant("ssh-config", "--machine-readable", "cp-3");

        String block = "Host cp-3\n  HostName 127.0.0.1\n  User vagrant\n  Port " + port + "\n"
                + "  UserKnownHostsFile /dev/null\n  StrictHostKeyChecking no\n  PasswordAuthentication no\n"
                + "  IdentityFile " + key + "\n  IdentitiesOnly yes\n  LogLevel FATAL\n";
        assertThat(withoutTimes(config.stdoutText())).isEqualTo("T,cp-3,metadata,provider,virtualbox\n"
                + "T,cp-3,ssh-config," + VagrantUi.escape(block) + "\n" + block);
        assertThat(SshConfigParser.parse(config.stdoutText()))
                .containsExactly(new SshConfigEntry("cp-3", "127.0.0.1", "vagrant", port, key.toString()));
        assertThat(key).isRegularFile().hasSameBinaryContentAs(vagrant.server.lab().sshEndpoint("cp-3").identityFile());
    }

    @Test
    void sshConfigOfAMachineNotRunningIsSshNotReadyWithExitStatus1() {
        ProcessResult config = lab().vagrant("ssh-config", "--machine-readable", "w-1");

        assertThat(config.exitCode()).hasValue(1);
        assertThat(MachineReadable.errorExit(MachineReadable.parse(config.stdoutText())))
                .hasValueSatisfying(e -> assertThat(e.errorClass()).isEqualTo("Vagrant::Errors::SSHNotReady"));
    }

    @Test
    void destroyWithoutForceWantsATtyAsVagrantDoesWithoutOne() {
        ProcessResult destroy = lab().vagrant("destroy", "--machine-readable");

        assertThat(destroy.exitCode()).hasValue(1);
        assertThat(destroy.stdoutText()).contains(",error-exit,Vagrant::Errors::UIExpectsTTY,Vagrant is attempting");
    }

    @Test
    void snapshotListOfANewMachineSaysNotCreatedAndTheParserFindsNoSnapshots() {
        ProcessResult list = lab().vagrant("snapshot", "list", "--machine-readable", "cp-1");

        assertThat(list.exitCode()).hasValue(0);
        assertThat(list.stdoutText()).contains("cp-1,ui,info,==> cp-1: VM not created. Moving on...");
        assertThat(SnapshotListParser.parse(list.stdoutText(), "cp-1")).isEmpty();
    }

    @Test
    void withoutMachineReadableItPrintsVagrantsPlainTextAndErrorsOnStandardError() {
        lab();
        ProcessResult status = vagrant.vagrant("status", "cp-1");
        ProcessResult unknown = vagrant.vagrant("status", "nope");

        assertThat(status.stdout()).startsWith("Current machine states:", "", "cp-1                      not created (virtualbox)");
        assertThat(unknown.exitCode()).hasValue(1);
        assertThat(unknown.stdout()).isEmpty();
        assertThat(unknown.stderr()).containsExactly("The machine with the name 'nope' was not found configured for",
                "this Vagrant environment.");
    }

    @Test
    void aCommandTheDoubleDoesNotModelIsRefusedLoudly() {
        ProcessResult ssh = lab().vagrant("ssh", "cp-1", "-c", "true");

        assertThat(ssh.exitCode()).hasValue(1);
        assertThat(String.join("\n", ssh.stderr())).startsWith("vagrant double: not modelled by the emulated lab: 'vagrant ssh cp-1 -c true'");
    }

    @Test
    void anUnknownFaultInTheEnvironmentIsRefusedNamingTheKnownOnes() {
        ProcessResult up = lab().vagrantWithEnv(Map.of("VAGRANT_DOUBLE_FAULT", "reload-slow:cp-1"), "up", "cp-1");

        assertThat(up.exitCode()).hasValue(1);
        assertThat(up.stderr()).containsExactly("vagrant double: cannot read the fault 'reload-slow:cp-1'; expected "
                + "KIND:MACHINE with KIND one of reload-timeout, up-error-exit, ssh-dead-after-reload");
    }

    @Test
    void withoutAServerTheClientSaysWhichFolderHasNoneAndHowToStartOne() throws IOException {
        lab().close();
        Path endpoint = vagrant.vagrantDir.resolve(".vagrant-double/endpoint");
        ProcessResult gone = vagrant.vagrant("status");
        Files.writeString(endpoint, "1 feedface\n");
        ProcessResult stale = vagrant.vagrant("status");
        vagrant = null;

        assertThat(gone.exitCode()).hasValue(1);
        assertThat(gone.stderr()).singleElement().asString().startsWith("vagrant double: no emulated lab server for ")
                .contains(endpoint + " does not exist").contains("VagrantDoubleServer.start(dir)");
        assertThat(stale.exitCode()).hasValue(1);
        assertThat(stale.stderr()).singleElement().asString().contains("no emulated lab server answers on 127.0.0.1:1");
    }

    static String withoutTimes(String text) {
        return text.replaceAll("(?m)^\\d+,", "T,");
    }

    static String recorded(String name) {
        try (InputStream in = VagrantDoubleTest.class.getResourceAsStream("/recorded/vagrant/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
