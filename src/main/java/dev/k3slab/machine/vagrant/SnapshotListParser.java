package dev.k3slab.machine.vagrant;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads {@code vagrant snapshot list --machine-readable NAME}: an empty prefixed {@code ui,output}
 * record ({@code ==> NAME: }) followed by one unprefixed {@code ui,detail} record per snapshot.
 * "No snapshots have been taken yet!" and "VM not created" give an empty list. VirtualBox's driver
 * sorts the names, so the order says nothing about age. Pure.
 */
public final class SnapshotListParser {

    static final String FORMAT = "vagrant snapshot list --machine-readable";

    private SnapshotListParser() {
    }

    /**
     * The snapshot names of {@code machine}.
     *
     * @throws VagrantErrorException  when the output holds an {@code error-exit} record
     * @throws VagrantFormatException when a line is not a record
     */
    public static List<String> parse(String text, String machine) {
        List<MachineReadable.Record> records = MachineReadable.parse(text);
        MachineReadable.errorExit(records).ifPresent(e -> {
            throw new VagrantErrorException(FORMAT, e);
        });
        String header = "==> " + machine + ":";
        List<String> names = new ArrayList<>();
        boolean inList = false;
        for (MachineReadable.Record r : records) {
            if (!r.type().equals("ui") || !r.target().equals(machine)) {
                inList = false;
                continue;
            }
            if (r.field(0).equals("output")) {
                inList = r.field(1).strip().equals(header);
            } else if (inList && r.field(0).equals("detail")) {
                names.add(r.field(1));
            } else {
                inList = false;
            }
        }
        return names;
    }
}
