package dev.k3slab.machine.vagrant;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads {@code vagrant status --machine-readable}: per machine a {@code provider-name} and a
 * {@code state} record (after a {@code metadata,provider} record for every machine), then an
 * untargeted {@code ui,info} table that is ignored here. Pure: no I/O.
 */
public final class VagrantStatusParser {

    static final String FORMAT = "vagrant status --machine-readable";

    private VagrantStatusParser() {
    }

    /**
     * The machines in the order Vagrant lists them.
     *
     * @throws VagrantErrorException  when the output holds an {@code error-exit} record (unknown machine
     *                                name, provider not usable, ...)
     * @throws VagrantFormatException when a line is not a record, or a machine has no state
     */
    public static List<VagrantMachineStatus> parse(String text) {
        List<MachineReadable.Record> records = MachineReadable.parse(text);
        Optional<MachineReadable.ErrorExit> error = MachineReadable.errorExit(records);
        if (error.isPresent()) {
            throw new VagrantErrorException(FORMAT, error.get());
        }
        Map<String, Partial> machines = new LinkedHashMap<>();
        for (MachineReadable.Record r : records) {
            if (r.target().isEmpty()) {
                continue;
            }
            Partial p = machines.computeIfAbsent(r.target(), k -> new Partial(r));
            switch (r.type()) {
                case "metadata" -> {
                    if (r.field(0).equals("provider") && p.provider == null) {
                        p.provider = r.field(1);
                    }
                }
                case "provider-name" -> p.provider = r.field(0);
                case "state" -> {
                    if (r.field(0).isEmpty()) {
                        throw new VagrantFormatException(FORMAT, r.lineNumber(), r.line(), "state record without a state id");
                    }
                    p.state = r.field(0);
                }
                default -> {
                    // state-human-short/-long, ui and newer record types carry nothing the lab needs
                }
            }
        }
        List<VagrantMachineStatus> out = new ArrayList<>();
        for (Map.Entry<String, Partial> e : machines.entrySet()) {
            Partial p = e.getValue();
            if (p.state == null) {
                throw new VagrantFormatException(FORMAT, p.first.lineNumber(), p.first.line(),
                        "machine '" + e.getKey() + "' has no state record (expected <ts>," + e.getKey() + ",state,<id>)");
            }
            out.add(new VagrantMachineStatus(e.getKey(), p.provider == null ? "" : p.provider, p.state));
        }
        return out;
    }

    /** The {@code error-exit} record of a status output, if there is one. */
    public static Optional<MachineReadable.ErrorExit> errorExit(String text) {
        return MachineReadable.errorExit(MachineReadable.parseRecordsOnly(text));
    }

    private static final class Partial {
        final MachineReadable.Record first;
        String provider;
        String state;

        Partial(MachineReadable.Record first) {
            this.first = first;
        }
    }
}
