package dev.k3slab.machine.vagrant;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The host-only address ranges VirtualBox (6.1.28 and later, on Linux) allows: {@code 192.168.56.0/21}
 * when {@code /etc/vbox/networks.conf} is absent, otherwise exactly the ranges on its {@code *} lines
 * (the default no longer applies then). Pure.
 */
public final class HostOnlyRanges {

    public static final String DEFAULT_RANGE = "192.168.56.0/21";

    private HostOnlyRanges() {
    }

    /**
     * The allowed IPv4 ranges.
     *
     * @param networksConf the text of networks.conf, or empty when the file does not exist
     */
    public static List<String> allowed(Optional<String> networksConf) {
        if (networksConf.isEmpty()) {
            return List.of(DEFAULT_RANGE);
        }
        List<String> out = new ArrayList<>();
        for (String line : networksConf.get().split("\r?\n")) {
            String t = line.strip();
            if (!t.startsWith("*")) {
                continue;
            }
            for (String entry : t.substring(1).strip().split("\\s+")) {
                if (entry.contains(".")) {
                    out.add(entry);
                }
            }
        }
        return out;
    }

    /** True when {@code ip} (dotted IPv4) is inside one of {@code ranges} (CIDR or single addresses). */
    public static boolean contains(List<String> ranges, String ip) {
        long addr = toLong(ip);
        for (String range : ranges) {
            String[] parts = range.split("/");
            int bits = parts.length > 1 ? Integer.parseInt(parts[1]) : 32;
            long mask = bits == 0 ? 0 : (0xFFFFFFFFL << (32 - bits)) & 0xFFFFFFFFL;
            if ((toLong(parts[0]) & mask) == (addr & mask)) {
                return true;
            }
        }
        return false;
    }

    private static long toLong(String ip) {
        String[] o = ip.strip().split("\\.");
        if (o.length != 4) {
            throw new IllegalArgumentException("not an IPv4 address: '" + ip + "'");
        }
        long v = 0;
        for (String part : o) {
            int n = Integer.parseInt(part);
            if (n < 0 || n > 255) {
                throw new IllegalArgumentException("not an IPv4 address: '" + ip + "'");
            }
            v = (v << 8) | n;
        }
        return v;
    }
}
