package dev.k3slab.cli;

import dev.k3slab.emulator.EmulatedLab;
import dev.k3slab.emulator.node.DiskTrees;
import dev.k3slab.scenario.play.Played;
import dev.k3slab.scenario.play.SourcePlay;
import dev.k3slab.scenario.play.Transcript;
import dev.k3slab.shell.CommandListener;
import dev.k3slab.shell.SecretMasker;
import dev.k3slab.shell.ssh.HostKeyTrust;
import dev.k3slab.shell.ssh.SshSettings;
import dev.k3slab.shell.ssh.SshShellPool;
import dev.k3slab.topology.Topology;
import dev.k3slab.topology.TopologyLoader;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./lab bench emulator-play}: the start-up time of the five-node emulated lab and the wall
 * time of the full play of experiments 1 to 5c over SSH ({@link SourcePlay}, the same play the
 * fidelity test checks), with the number of SSH commands and the time per command. Each run uses
 * a fresh lab in a temporary run folder that it deletes. Prints figures; asserts nothing about them.
 */
@Command(name = "emulator-play",
        mixinStandardHelpOptions = true,
        description = "Start-up of the five-node emulated lab and wall time of the full 1-5c play over SSH.")
public final class EmulatorPlayBench implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--runs", defaultValue = "3", description = "Plays, each on a new lab (default ${DEFAULT-VALUE}).")
    int runs;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Topology topology = TopologyLoader.loadDefault();
        out.printf(Locale.ROOT, "emulator play: experiments 1-5c of the source over SSH, %d machines, %d run(s), Java %s%n",
                topology.nodes().size(), runs, Runtime.version());
        out.printf(Locale.ROOT, "%-4s %12s %12s %12s %9s %11s %9s %9s %11s%n", "run", "new lab ms", "up ms", "play ms",
                "commands", "median ms", "p90 ms", "max ms", "lab time");
        for (int r = 1; r <= runs; r++) {
            Path run = Files.createTempDirectory("k3s-lab-bench-play-");
            try {
                long t = System.nanoTime();
                try (EmulatedLab lab = EmulatedLab.withK3sModel(topology, run)) {
                    double created = BenchTimes.ms(t);
                    t = System.nanoTime();
                    lab.up();
                    double up = BenchTimes.ms(t);
                    try (SshShellPool shells = new SshShellPool(lab::sshEndpoint, SshSettings.defaults(), new HostKeyTrust(),
                            new SecretMasker(), CommandListener.NONE)) {
                        var labStart = lab.now();
                        t = System.nanoTime();
                        Transcript played = new SourcePlay(lab, lab, shells).playAll();
                        double play = BenchTimes.ms(t);
                        long[] nanos = played.entries().stream().mapToLong(p -> p.result().took().toNanos()).toArray();
                        BenchTimes.Spread spread = BenchTimes.Spread.of(nanos);
                        out.printf(Locale.ROOT, "%-4d %12.1f %12.1f %12.1f %9d %11.1f %9.1f %9.1f %11s%n", r, created, up, play,
                                nanos.length, spread.medianMs(), spread.p90Ms(), spread.maxMs(),
                                human(Duration.between(labStart, lab.now())));
                        if (r == runs) {
                            out.println("commands by kind: " + kinds(played));
                        }
                    }
                }
            } finally {
                DiskTrees.delete(run);
            }
        }
        out.println("new lab: run folder and SSH keys; up: disks, model, five SSH servers; play: every command of 1-5c,"
                + " three reboots, the lab clock's moves");
        return 0;
    }

    private static String kinds(Transcript t) {
        return String.join(", ", Arrays.stream(Played.Kind.values())
                .map(k -> t.of(k).size() + " " + k.name().toLowerCase(Locale.ROOT)).toList());
    }

    private static String human(Duration d) {
        return d.toHours() + "h" + String.format(Locale.ROOT, "%02dm", d.toMinutesPart());
    }
}
