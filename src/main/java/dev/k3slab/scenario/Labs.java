package dev.k3slab.scenario;

import dev.k3slab.emulator.EmulatedLab;
import dev.k3slab.machine.LogSink;
import dev.k3slab.machine.MachineProvider;
import dev.k3slab.machine.vagrant.VagrantProvider;
import dev.k3slab.shell.CommandListener;
import dev.k3slab.shell.SecretMasker;
import dev.k3slab.shell.ssh.HostKeyTrust;
import dev.k3slab.shell.ssh.SshNodeShell;
import dev.k3slab.shell.ssh.SshSettings;
import dev.k3slab.topology.Topology;
import java.nio.file.Path;

/**
 * Opens the two labs the engine runs on, each reached through the sshj shell: the emulated lab
 * (the K3s model behind SSH servers on loopback) and the Vagrant/VirtualBox lab. The CLI and the
 * JUnit suites open labs here, so that both drive the same providers the same way.
 */
public final class Labs {

    private Labs() {
    }

    /** A lab ready for the engine; closing it closes the shells and the provider (machines are left as they are). */
    public static final class Opened implements AutoCloseable {
        private final MachineProvider provider;
        private final LabSession session;

        Opened(MachineProvider provider, LabSession session) {
            this.provider = provider;
            this.session = session;
        }

        public MachineProvider provider() {
            return provider;
        }

        public LabSession session() {
            return session;
        }

        @Override
        public void close() {
            try {
                session.close();
            } finally {
                provider.close();
            }
        }
    }

    /**
     * The emulated lab.
     *
     * @param labDir its state: node disks and checkpoints (keep it across runs for {@code --from})
     * @param runDir the run's folder (evidence)
     */
    public static Opened emulated(Topology topology, Path labDir, Path runDir, SecretMasker masker) {
        return open(EmulatedLab.withK3sModel(topology, labDir), topology, runDir, masker, labDir.resolve("observations"));
    }

    /**
     * The Vagrant lab of {@code vagrantDir} (the folder holding the generated Vagrantfile).
     *
     * @param log where vagrant's output goes, line by line
     */
    public static Opened vagrant(Topology topology, Path vagrantDir, Path runDir, SecretMasker masker, LogSink log) {
        return open(VagrantProvider.create(topology, vagrantDir, log), topology, runDir, masker,
                vagrantDir.resolve(".k3s-lab/observations"));
    }

    private static Opened open(MachineProvider provider, Topology topology, Path runDir, SecretMasker masker,
                               Path checkpointData) {
        HostKeyTrust trust = new HostKeyTrust();
        SshSettings settings = SshSettings.defaults();
        LabSession session = new LabSession(provider, topology,
                node -> new SshNodeShell(node, () -> provider.sshEndpoint(node), settings, trust, masker, CommandListener.NONE),
                masker, runDir, checkpointData);
        return new Opened(provider, session);
    }
}
