package dev.k3slab.topology;

import static org.assertj.core.api.Assertions.assertThat;

import dev.k3slab.testing.ExternalTool;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real Vagrant accepts the generated Vagrantfile: {@code vagrant validate --ignore-provider} (Vagrant
 * 2.3+; Debian's {@code vagrant} package is 2.3.4). Skipped when vagrant is not on the PATH, except
 * on CI, which installs it. {@code --ignore-provider} lets it validate without VirtualBox installed;
 * it leaves out the {@code vb.*} settings, which the other Vagrantfile tests check.
 */
class VagrantValidateTest {
    /** A private Vagrant home, checkpoint (the update check over the network) off: nothing leaves this machine. */
    private static Map<String, String> env(Path dir) {
        return Map.of("VAGRANT_HOME", dir.resolve("vagrant-home").toString(),
                "VAGRANT_CHECKPOINT_DISABLE", "1",
                "VAGRANT_BOX_UPDATE_CHECK_DISABLE", "1",
                "VAGRANT_NO_COLOR", "1");
    }

    @TempDir
    Path dir;

    @Test
    void vagrantAcceptsTheCommittedVagrantfile() throws Exception {
        ExternalTool.Run run = validate(Files.readString(TopologyLoaderTest.HOME.resolve(LabHome.VAGRANTFILE)));

        assertThat(run.exitCode()).as("vagrant validate: %s%s", run.stdout(), run.stderr()).isZero();
        assertThat(run.stdout()).contains("Vagrantfile validated successfully.");
        assertThat(run.stdout()).contains("==> cp-1: ", "==> w-2: ");
    }

    @Test
    void vagrantAcceptsTheVagrantfileOfAnotherLab() throws Exception {
        Topology lab = TopologyLoader.load(TopologyLoaderTest.resource("five-servers-one-agent.yaml"));

        ExternalTool.Run run = validate(VagrantfileRenderer.render(lab, "five-servers-one-agent.yaml"));

        assertThat(run.exitCode()).as("vagrant validate: %s%s", run.stdout(), run.stderr()).isZero();
        assertThat(run.stdout()).contains("Vagrantfile validated successfully.", "==> s-5: ", "==> a-1: ");
    }

    /** The check above could fail: Vagrant refuses what the topology rules keep out. */
    @Test
    void vagrantRefusesAHostnameTheTopologyRulesWouldRefuse() throws Exception {
        Topology unchecked = new Topology("bento/ubuntu-22.04", "192.168.56", "v1.27.9+k3s1", "v3.5.11", "p-",
                List.of(new LabNode("cp_1", "192.168.56.11", Role.SERVER, 2, 2048)));

        ExternalTool.Run run = validate(VagrantfileRenderer.render(unchecked, "x.yaml"));

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.stdout() + run.stderr()).contains("The hostname set for the VM 'cp_1' should only contain");
    }

    private ExternalTool.Run validate(String vagrantfile) throws Exception {
        ExternalTool vagrant = ExternalTool.require("vagrant");
        Path project = Files.createDirectories(dir.resolve("project"));
        Files.writeString(project.resolve("Vagrantfile"), vagrantfile, StandardCharsets.UTF_8);
        return vagrant.run(project, env(dir), 120, "validate", "--ignore-provider");
    }
}
