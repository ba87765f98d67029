package dev.k3slab.cli;

import dev.k3slab.machine.vagrant.Doctor;
import dev.k3slab.machine.vagrant.DoctorSetup;
import dev.k3slab.topology.Topology;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code ./lab doctor}: can this machine run the real lab? One line per check, OK or FAIL with the fix. */
@Command(name = "doctor", mixinStandardHelpOptions = true,
        description = {"Check that this machine can run the real lab (Vagrant + VirtualBox).",
                "One line per check, OK or FAIL with the fix. Exit 0 when every check passes,",
                "3 when something needed is missing. mvn verify -Plab runs it first."})
public final class DoctorCommand implements Callable<Integer> {

    @CommandLine.Mixin
    TopologyOption topology;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        Topology lab = topology.load();
        List<Doctor.Check> checks = new Doctor(lab, DoctorSetup.system()).run();
        PrintWriter out = spec.commandLine().getOut();
        checks.forEach(c -> out.println(c.line()));
        long failed = checks.stream().filter(c -> !c.ok()).count();
        if (failed == 0) {
            out.println("Every check passed: the real lab can run here (mvn verify -Plab).");
            out.flush();
            return ExitCodes.OK;
        }
        out.println(failed + " of " + checks.size() + " checks failed: the real lab (Vagrant + VirtualBox) cannot run here."
                + " Fix the FAIL lines above, or run the emulated lab instead: ./lab run");
        out.flush();
        return ExitCodes.MISSING_PREREQUISITE;
    }
}
