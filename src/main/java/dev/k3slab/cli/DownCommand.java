package dev.k3slab.cli;

import dev.k3slab.machine.LogSink;
import dev.k3slab.machine.vagrant.Executables;
import dev.k3slab.machine.vagrant.LabTeardown;
import dev.k3slab.machine.vagrant.VagrantProvider;
import dev.k3slab.machine.vagrant.VagrantTimeouts;
import dev.k3slab.topology.LabHome;
import dev.k3slab.topology.Topology;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code ./lab down}: destroys the real lab's VMs (and leftovers carrying the lab's name prefix). */
@Command(name = "down", mixinStandardHelpOptions = true,
        description = {"Destroy the real lab's VMs (vagrant destroy, then leftovers by name prefix).",
                "Runs vagrant destroy -f in the vagrant folder, then removes any VirtualBox VM",
                "still named with the lab's prefix (k3s-splitbrain-...). Other VMs are never touched."})
public final class DownCommand implements Callable<Integer> {

    @CommandLine.Mixin
    TopologyOption topology;

    @Option(names = "--vagrant-dir", paramLabel = "DIR",
            description = "The folder holding the Vagrantfile (default: vagrant/ of this checkout).")
    Path vagrantDir;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Topology lab = topology.load();
        Optional<Path> home = LabHome.find();
        if (vagrantDir == null && home.isEmpty()) {
            err.println(spec.qualifiedName() + ": cannot find the k3s-lab checkout (no " + LabHome.TOPOLOGY
                    + " at or above the working folder); run ./lab from the checkout or pass --vagrant-dir");
            return ExitCodes.MISSING_PREREQUISITE;
        }
        Path dir = vagrantDir != null ? vagrantDir : home.get().resolve(LabHome.VAGRANTFILE).getParent();
        Optional<Path> vagrant = Executables.VAGRANT.find();
        if (vagrant.isEmpty()) {
            err.println(spec.qualifiedName() + ": vagrant not found on " + Executables.VAGRANT.whereLooked()
                    + "; without Vagrant there are no lab VMs to destroy (./lab doctor says what is installed)");
            return ExitCodes.MISSING_PREREQUISITE;
        }
        if (!Files.isRegularFile(dir.resolve("Vagrantfile"))) {
            err.println(spec.qualifiedName() + ": no Vagrantfile in " + dir.toAbsolutePath() + ": nothing Vagrant knows of to destroy"
                    + " (generate it with ./lab vagrantfile, or pass --vagrant-dir)");
            return ExitCodes.MISSING_PREREQUISITE;
        }
        LogSink log = (source, line) -> {
            synchronized (out) {
                out.println("[" + source + "] " + line);
                out.flush();
            }
        };
        VagrantProvider provider = new VagrantProvider(lab, dir, vagrant.get(), log, VagrantTimeouts.defaults());
        LabTeardown.Outcome outcome = LabTeardown.down(provider, Executables.VBOXMANAGE.find(), lab.vmNamePrefix(), log);
        outcome.removedByPrefix().forEach(vm -> out.println("Removed leftover VM " + vm));
        if (!outcome.left().isEmpty()) {
            err.println(spec.qualifiedName() + ": these VMs carry the lab's prefix and could not be removed: " + outcome.left()
                    + ". Remove them in the VirtualBox GUI, or with 'VBoxManage unregistervm <name> --delete'");
            return ExitCodes.CHECKS_FAILED;
        }
        out.println("The lab's machines are destroyed (" + lab.vmNamePrefix() + "*).");
        out.flush();
        return ExitCodes.OK;
    }
}
