package dev.k3slab.machine.vagrant;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads {@code vagrant ssh-config [name]}: {@code Host} blocks of indented {@code Key value} lines
 * (keys in any case, {@code IdentityFile} quoted when its path has spaces). Lines that are
 * {@code --machine-readable} records are skipped, since Vagrant prints the raw text after them
 * anyway. Pure: no I/O.
 */
public final class SshConfigParser {

    static final String FORMAT = "vagrant ssh-config";

    private SshConfigParser() {
    }

    /**
     * Every {@code Host} block, in order.
     *
     * @throws VagrantFormatException quoting the line when a line is outside a block, a port is not a
     *                                number, or a block lacks HostName, User, Port or IdentityFile
     */
    public static List<SshConfigEntry> parse(String text) {
        List<SshConfigEntry> out = new ArrayList<>();
        Block block = null;
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            int n = i + 1;
            String line = lines[i];
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#") || MachineReadable.parseLine(line, n).isPresent()) {
                continue;
            }
            String[] kv = trimmed.split("[\\s=]+", 2);
            String key = kv[0].toLowerCase(Locale.ROOT);
            String value = kv.length > 1 ? unquote(kv[1].strip()) : "";
            if (key.equals("host")) {
                if (block != null) {
                    out.add(block.finish());
                }
                if (value.isEmpty()) {
                    throw new VagrantFormatException(FORMAT, n, line, "Host line without a name");
                }
                block = new Block(value, n, line);
                continue;
            }
            if (block == null) {
                throw new VagrantFormatException(FORMAT, n, line, "line before the first 'Host <name>' line");
            }
            block.set(key, value, n, line);
        }
        if (block != null) {
            out.add(block.finish());
        }
        return out;
    }

    private static String unquote(String v) {
        return v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"") ? v.substring(1, v.length() - 1) : v;
    }

    private static final class Block {
        final String host;
        final int lineNumber;
        final String line;
        String hostName;
        String user;
        Integer port;
        String identityFile;

        Block(String host, int lineNumber, String line) {
            this.host = host;
            this.lineNumber = lineNumber;
            this.line = line;
        }

        void set(String key, String value, int n, String text) {
            switch (key) {
                case "hostname" -> hostName = value;
                case "user" -> user = value;
                case "port" -> {
                    try {
                        port = Integer.parseInt(value);
                    } catch (NumberFormatException e) {
                        throw new VagrantFormatException(FORMAT, n, text, "Port is not a number");
                    }
                }
                case "identityfile" -> {
                    // Vagrant lists several keys when it has not inserted its own; the first is tried first.
                    if (identityFile == null) {
                        identityFile = value;
                    }
                }
                default -> {
                    // UserKnownHostsFile, StrictHostKeyChecking, algorithms...: the shell decides those itself
                }
            }
        }

        SshConfigEntry finish() {
            List<String> missing = new ArrayList<>();
            if (hostName == null) {
                missing.add("HostName");
            }
            if (user == null) {
                missing.add("User");
            }
            if (port == null) {
                missing.add("Port");
            }
            if (identityFile == null) {
                missing.add("IdentityFile");
            }
            if (!missing.isEmpty()) {
                throw new VagrantFormatException(FORMAT, lineNumber, line,
                        "Host block '" + host + "' has no " + String.join(", ", missing) + " line");
            }
            return new SshConfigEntry(host, hostName, user, port, identityFile);
        }
    }
}
