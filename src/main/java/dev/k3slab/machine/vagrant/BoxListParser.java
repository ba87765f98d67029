package dev.k3slab.machine.vagrant;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads {@code vagrant box list --machine-readable}: per box a {@code box-name}, {@code box-provider}
 * and {@code box-version} record, in that order ("There are no installed boxes!" gives none). Pure.
 */
public final class BoxListParser {

    /** One installed box. */
    public record Box(String name, String provider, String version) {
    }

    private BoxListParser() {
    }

    /** The installed boxes; lines that are not records are skipped. */
    public static List<Box> parse(String text) {
        List<Box> out = new ArrayList<>();
        String name = null;
        String provider = null;
        for (MachineReadable.Record r : MachineReadable.parseRecordsOnly(text)) {
            switch (r.type()) {
                case "box-name" -> {
                    name = r.field(0);
                    provider = null;
                }
                case "box-provider" -> provider = r.field(0);
                case "box-version" -> {
                    if (name != null) {
                        out.add(new Box(name, provider == null ? "" : provider, r.field(0)));
                        name = null;
                    }
                }
                default -> {
                    // ui lines repeat the same facts for people
                }
            }
        }
        return out;
    }
}
