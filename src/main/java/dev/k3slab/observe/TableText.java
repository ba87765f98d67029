package dev.k3slab.observe;

import java.util.ArrayList;
import java.util.List;

/**
 * Prints tables the way the real tools do, the inverse of the parsers: kubectl's Go tabwriter
 * (minwidth 6, padding 3, cells left-aligned, the last column unpadded) and etcdctl's
 * olekukonko/tablewriter ({@code +---+} borders, headers centred with the odd space on the right,
 * cells right-aligned with one space of padding). Used to build aligned fixtures, benchmark input
 * and emulated output. tablewriter's wrapping of cells longer than 30 characters that hold spaces
 * is not reproduced.
 */
public final class TableText {

    private TableText() {
    }

    /** A kubectl table: every column but the last is max(6, widest cell + 3) wide. */
    public static String kubectl(List<String> header, List<List<String>> rows) {
        List<List<String>> all = withHeader(header, rows);
        int[] width = widths(all, header.size());
        StringBuilder sb = new StringBuilder();
        for (List<String> row : all) {
            for (int i = 0; i < row.size(); i++) {
                String cell = row.get(i);
                sb.append(cell);
                if (i < row.size() - 1) {
                    sb.append(" ".repeat(Math.max(6, width[i] + 3) - length(cell)));
                }
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    /** An etcdctl {@code -w table}. */
    public static String etcdctl(List<String> header, List<List<String>> rows) {
        int[] width = widths(withHeader(header, rows), header.size());
        StringBuilder border = new StringBuilder("+");
        for (int w : width) {
            border.append("-".repeat(w + 2)).append('+');
        }
        StringBuilder sb = new StringBuilder();
        sb.append(border).append('\n');
        sb.append('|');
        for (int i = 0; i < header.size(); i++) {
            int gap = width[i] - length(header.get(i));
            sb.append(' ').append(" ".repeat(gap / 2)).append(header.get(i)).append(" ".repeat(gap - gap / 2)).append(" |");
        }
        sb.append('\n').append(border).append('\n');
        for (List<String> row : rows) {
            sb.append('|');
            for (int i = 0; i < row.size(); i++) {
                sb.append(' ').append(" ".repeat(width[i] - length(row.get(i)))).append(row.get(i)).append(" |");
            }
            sb.append('\n');
        }
        return sb.append(border).append('\n').toString();
    }

    /** {@code kubectl get nodes} (or {@code -o wide}) printing these rows. */
    public static String nodes(List<NodeRow> nodes, boolean wide) {
        List<String> header = new ArrayList<>(List.of("NAME", "STATUS", "ROLES", "AGE", "VERSION"));
        if (wide) {
            header.addAll(List.of("INTERNAL-IP", "EXTERNAL-IP", "OS-IMAGE", "KERNEL-VERSION", "CONTAINER-RUNTIME"));
        }
        List<List<String>> rows = new ArrayList<>();
        for (NodeRow n : nodes) {
            List<String> row = new ArrayList<>(List.of(n.name(), n.status(), n.rolesText(), n.age(), n.version()));
            if (wide) {
                row.addAll(List.of(orNone(n.internalIp()), orNone(n.externalIp()), n.osImage(), n.kernelVersion(),
                        n.containerRuntime()));
            }
            rows.add(row);
        }
        return kubectl(header, rows);
    }

    /** {@code etcdctl member list -w table} printing these members. */
    public static String members(List<EtcdMember> members) {
        List<List<String>> rows = new ArrayList<>();
        for (EtcdMember m : members) {
            rows.add(List.of(m.id(), m.status(), m.name(), String.join(",", m.peerUrls()),
                    String.join(",", m.clientUrls()), String.valueOf(m.learner())));
        }
        return etcdctl(List.of("ID", "STATUS", "NAME", "PEER ADDRS", "CLIENT ADDRS", "IS LEARNER"), rows);
    }

    private static String orNone(String s) {
        return s == null ? "<none>" : s;
    }

    private static List<List<String>> withHeader(List<String> header, List<List<String>> rows) {
        List<List<String>> all = new ArrayList<>(rows.size() + 1);
        all.add(header);
        for (List<String> row : rows) {
            if (row.size() != header.size()) {
                throw new IllegalArgumentException("a row has " + row.size() + " cells, the header " + header.size());
            }
            all.add(row);
        }
        return all;
    }

    private static int[] widths(List<List<String>> rows, int columns) {
        int[] width = new int[columns];
        for (List<String> row : rows) {
            for (int i = 0; i < columns; i++) {
                width[i] = Math.max(width[i], length(row.get(i)));
            }
        }
        return width;
    }

    // Both Go libraries count runes (tablewriter counts display width, equal for the ASCII the tools print).
    private static int length(String s) {
        return s.codePointCount(0, s.length());
    }
}
