package dev.k3slab.check;

import dev.k3slab.record.CommandRecord;
import dev.k3slab.record.ObservationRecord;
import java.util.List;

/**
 * An observation with the commands that produced it (for the evidence of a failed check).
 *
 * @param record   what was observed
 * @param commands the commands run to observe it, secrets masked
 */
public record Observed(ObservationRecord record, List<CommandRecord> commands) {
    public Observed {
        commands = List.copyOf(commands);
    }
}
