package dev.k3slab.machine.vagrant;

import dev.k3slab.machine.LogSink;
import dev.k3slab.machine.MachineException;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code ./lab down}: destroys the lab's machines through Vagrant, then removes any VirtualBox VM
 * that still carries the lab's name prefix (left when a {@code .vagrant} folder was deleted or a
 * run was killed half-way through {@code up}). Only VMs whose name starts with the prefix are touched.
 */
public final class LabTeardown {

    private static final Pattern VM_LINE = Pattern.compile("^\"(.*)\" \\{([0-9a-fA-F-]+)}$");
    private static final Duration VBOX_TIMEOUT = Duration.ofMinutes(2);

    /** What was done. */
    public record Outcome(List<String> removedByPrefix, List<String> left) {
    }

    private LabTeardown() {
    }

    /** The VM names in {@code VBoxManage list vms} output ({@code "name" {uuid}} lines). */
    public static List<String> vmNames(String listVms) {
        List<String> out = new ArrayList<>();
        for (String line : listVms.split("\r?\n")) {
            Matcher m = VM_LINE.matcher(line.strip());
            if (m.matches()) {
                out.add(m.group(1));
            }
        }
        return out;
    }

    /**
     * Destroys the machines of {@code provider}'s Vagrant folder, then the leftover VMs named
     * {@code prefix*} when VBoxManage is available.
     *
     * @throws MachineException when Vagrant fails; leftovers that cannot be removed are returned in {@link Outcome#left}
     */
    public static Outcome down(VagrantProvider provider, Optional<Path> vboxManage, String prefix, LogSink log) {
        provider.destroy();
        if (vboxManage.isEmpty()) {
            return new Outcome(List.of(), List.of());
        }
        ProcessRunner runner = new ProcessRunner(Path.of("").toAbsolutePath(), Map.of());
        String vbox = vboxManage.get().toString();
        List<String> leftovers = vmNames(runner.run(List.of(vbox, "list", "vms"), VBOX_TIMEOUT, (s, l) -> { }).stdoutText())
                .stream().filter(n -> n.startsWith(prefix)).toList();
        List<String> removed = new ArrayList<>();
        List<String> left = new ArrayList<>();
        for (String vm : leftovers) {
            // A VM that is not running refuses poweroff; that is fine, unregister is what counts.
            runner.run(List.of(vbox, "controlvm", vm, "poweroff"), VBOX_TIMEOUT, (s, l) -> log.line(vm, l));
            ProcessResult r = runner.run(List.of(vbox, "unregistervm", vm, "--delete"), VBOX_TIMEOUT, (s, l) -> log.line(vm, l));
            (r.succeeded() ? removed : left).add(vm);
        }
        return new Outcome(removed, left);
    }
}
