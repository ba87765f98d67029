package dev.k3slab.machine.vagrant;

import dev.k3slab.machine.Checkpoints;
import dev.k3slab.machine.LogSink;
import dev.k3slab.machine.MachineException;
import dev.k3slab.machine.MachineProvider;
import dev.k3slab.machine.MachineState;
import dev.k3slab.machine.SshEndpoint;
import dev.k3slab.topology.Topology;
import org.awaitility.core.ConditionTimeoutException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;

import static org.awaitility.Awaitility.await;

/**
 * The real lab: VirtualBox VMs driven through the {@code vagrant} CLI in the folder that holds the
 * generated Vagrantfile. Machines are brought up one at a time, in topology order, since VirtualBox
 * cannot start them in parallel and the first failure should stop the rest. Every failure is a
 * {@link MachineException} with the command, exit status, last lines of output and likely fix.
 */
public final class VagrantProvider implements MachineProvider, Checkpoints {

    /** Remembers the order checkpoints were saved in: VirtualBox lists snapshot names sorted. */
    static final String CHECKPOINT_LEDGER = ".vagrant/k3s-lab-checkpoints";

    private final Topology topology;
    private final VagrantCli vagrant;
    private final VagrantTimeouts timeouts;
    private String versionLine;

    /**
     * @param topology   the lab
     * @param vagrantDir the folder holding the Vagrantfile generated for {@code topology}
     * @param binary     the {@code vagrant} program (see {@link Executables#VAGRANT})
     * @param log        where every line Vagrant prints goes, prefixed with its machine
     * @param timeouts   per-command limits
     */
    public VagrantProvider(Topology topology, Path vagrantDir, Path binary, LogSink log, VagrantTimeouts timeouts) {
        this.topology = topology;
        this.vagrant = new VagrantCli(binary, vagrantDir, log);
        this.timeouts = timeouts;
    }

    /** A provider using the {@code vagrant} found by {@link Executables#VAGRANT} and default timeouts. */
    public static VagrantProvider create(Topology topology, Path vagrantDir, LogSink log) {
        Path binary = Executables.VAGRANT.find().orElseThrow(() -> new MachineException(
                "vagrant not found on " + Executables.VAGRANT.whereLooked()
                        + ". Likely fix: install Vagrant and VirtualBox (./lab doctor lists what is missing);"
                        + " without VirtualBox, run the emulated lab: ./lab run"));
        return new VagrantProvider(topology, vagrantDir, binary, log, VagrantTimeouts.defaults());
    }

    @Override
    public String id() {
        return "vagrant";
    }

    /**
     * Names the Vagrant that ran, as its {@code vagrant --version} says, so that a report tells a
     * real Vagrant from a test double (whose version line says it has no VirtualBox behind it).
     */
    @Override
    public String description() {
        return "VMs through the vagrant CLI: " + version() + " (" + vagrant.binary() + ", Vagrantfile in "
                + vagrant.vagrantDir() + ", provider virtualbox)";
    }

    /** The first line {@code vagrant --version} prints, asked once; says so when it cannot be asked. */
    public synchronized String version() {
        if (versionLine == null) {
            VagrantRun run = vagrant.run(null, timeouts.query(), "--version");
            versionLine = run.succeeded() && !run.process().stdout().isEmpty()
                    ? run.process().stdout().get(0).strip()
                    : "Vagrant of unknown version ('vagrant --version': " + run.process().describeExit() + ")";
        }
        return versionLine;
    }

    @Override
    public void up() {
        validate();
        for (String node : topology.names()) {
            VagrantRun run = vagrant.runChecked(node, timeouts.upPerMachine(),
                    "up", "--no-parallel", "--provider", "virtualbox", "--machine-readable", node);
            awaitRunning(node, run);
        }
    }

    /** Checks the Vagrantfile ({@code vagrant validate}) before any machine is touched. */
    public void validate() {
        vagrant.runChecked(null, timeouts.query(), "validate", "--machine-readable");
    }

    @Override
    public MachineState state(String node) {
        return status(node).machineState();
    }

    /** The status of one machine as Vagrant reports it (raw state id kept). */
    public VagrantMachineStatus status(String node) {
        topology.node(node);
        VagrantRun run = vagrant.runChecked(node, timeouts.query(), "status", "--machine-readable", node);
        List<VagrantMachineStatus> all = parse(run, node, () -> VagrantStatusParser.parse(run.process().stdoutText()));
        return all.stream().filter(s -> s.machine().equals(node)).findFirst()
                .orElseThrow(() -> vagrant.failure(run, node, "the output has no state for " + node));
    }

    @Override
    public void reboot(String node, Duration timeout) {
        topology.node(node);
        VagrantRun run = vagrant.runChecked(node, timeout, "reload", "--no-provision", "--machine-readable", node);
        awaitRunning(node, run);
    }

    @Override
    public void halt() {
        vagrant.runChecked(null, timeouts.halt(), "halt", "--machine-readable");
    }

    @Override
    public void destroy() {
        vagrant.runChecked(null, timeouts.destroy(), "destroy", "-f", "--machine-readable");
    }

    @Override
    public SshEndpoint sshEndpoint(String node) {
        topology.node(node);
        VagrantRun run = vagrant.runChecked(node, timeouts.query(), "ssh-config", "--machine-readable", node);
        List<SshConfigEntry> entries = parse(run, node, () -> SshConfigParser.parse(run.process().stdoutText()));
        return entries.stream().filter(e -> e.host().equals(node)).findFirst()
                .or(() -> entries.stream().findFirst())
                .orElseThrow(() -> vagrant.failure(run, node, "the output has no Host block"))
                .toEndpoint(node);
    }

    @Override
    public void saveCheckpoint(String name) {
        requireCheckpointName(name);
        for (String node : topology.names()) {
            vagrant.runChecked(node, timeouts.snapshot(), "snapshot", "save", "--force", "--machine-readable", node, name);
        }
        recordCheckpoint(name);
    }

    @Override
    public void restoreCheckpoint(String name) {
        requireCheckpointName(name);
        Map<String, List<String>> perNode = snapshotsPerNode();
        List<String> lacking = perNode.entrySet().stream()
                .filter(e -> !e.getValue().contains(name)).map(Map.Entry::getKey).toList();
        if (!lacking.isEmpty()) {
            throw new MachineException("checkpoint '" + name + "' cannot be restored: machines " + lacking
                    + " have no snapshot of that name (checkpoints of the whole lab: " + checkpoints(perNode) + ")."
                    + " Likely fix: save the checkpoint again from the run that reaches it; nothing was restored");
        }
        for (String node : topology.names()) {
            VagrantRun run = vagrant.runChecked(node, timeouts.snapshot(),
                    "snapshot", "restore", "--no-provision", "--machine-readable", node, name);
            awaitRunning(node, run);
        }
    }

    /** Checkpoints every machine has: oldest first where this harness saved them, then by name. */
    @Override
    public List<String> checkpoints() {
        return checkpoints(snapshotsPerNode());
    }

    @Override
    public void close() {
        // Nothing held in-process: every vagrant command has ended when its call returns.
    }

    private Map<String, List<String>> snapshotsPerNode() {
        Map<String, List<String>> perNode = new TreeMap<>(Comparator.comparingInt(topology.names()::indexOf));
        for (String node : topology.names()) {
            VagrantRun run = vagrant.runChecked(node, timeouts.query(), "snapshot", "list", "--machine-readable", node);
            perNode.put(node, parse(run, node, () -> SnapshotListParser.parse(run.process().stdoutText(), node)));
        }
        return perNode;
    }

    private List<String> checkpoints(Map<String, List<String>> perNode) {
        Set<String> common = new LinkedHashSet<>(perNode.values().iterator().next());
        perNode.values().forEach(common::retainAll);
        List<String> ledger = readLedger();
        List<String> out = new ArrayList<>(ledger.stream().filter(common::contains).distinct().toList());
        common.stream().filter(n -> !out.contains(n)).sorted().forEach(out::add);
        return out;
    }

    private void recordCheckpoint(String name) {
        List<String> ledger = new ArrayList<>(readLedger());
        ledger.remove(name);
        ledger.add(name);
        Path file = vagrant.vagrantDir().resolve(CHECKPOINT_LEDGER);
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, ledger);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot record checkpoint order in " + file, e);
        }
    }

    private List<String> readLedger() {
        Path file = vagrant.vagrantDir().resolve(CHECKPOINT_LEDGER);
        try {
            return Files.exists(file) ? Files.readAllLines(file).stream().filter(l -> !l.isBlank()).toList() : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read checkpoint order from " + file, e);
        }
    }

    private static void requireCheckpointName(String name) {
        if (!Checkpoints.isValidName(name)) {
            throw new IllegalArgumentException("checkpoint name '" + name
                    + "' must be letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
    }

    /** Waits until Vagrant reports the machine running; a machine stuck in another state fails the action. */
    private void awaitRunning(String node, VagrantRun after) {
        AtomicReference<VagrantMachineStatus> last = new AtomicReference<>();
        try {
            await(node + " running").atMost(timeouts.settle()).pollDelay(Duration.ZERO)
                    .pollInterval(timeouts.pollInterval())
                    .until(() -> {
                        last.set(status(node));
                        return last.get().machineState() == MachineState.RUNNING;
                    });
        } catch (ConditionTimeoutException e) {
            String seen = last.get() == null ? "unknown" : last.get().state();
            throw vagrant.failure(after, node, "the machine is '" + seen + "', not 'running', "
                    + timeouts.settle().toSeconds() + " s after the command ended");
        }
    }

    private <T> T parse(VagrantRun run, String node, java.util.function.Supplier<T> parser) {
        try {
            return parser.get();
        } catch (VagrantErrorException | VagrantFormatException e) {
            throw new MachineException(vagrant.failure(run, node, e.getMessage()).getMessage(), e);
        }
    }
}
