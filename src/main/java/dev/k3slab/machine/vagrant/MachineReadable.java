package dev.k3slab.machine.vagrant;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads Vagrant's {@code --machine-readable} records: {@code <unix ts>,<target>,<type>,<data>...},
 * one per line, data fields with {@code ,} written as {@code %!(VAGRANT_COMMA)}, newlines as the two
 * characters {@code \n} and carriage returns as {@code \r}. Pure: no I/O.
 */
public final class MachineReadable {

    static final String COMMA = "%!(VAGRANT_COMMA)";
    private static final Pattern RECORD_START = Pattern.compile("\\d+,[^,]*,[^,]+(,.*)?");

    private MachineReadable() {
    }

    /**
     * One record.
     *
     * @param timestamp  seconds since the epoch, as Vagrant printed it
     * @param target     the machine name, or empty when the record concerns no single machine
     * @param type       e.g. {@code state}, {@code ui}, {@code error-exit}
     * @param data       the data fields, unescaped
     * @param lineNumber 1-based line of the record in the text it was read from
     * @param line       the line as printed, for messages
     */
    public record Record(long timestamp, String target, String type, List<String> data, int lineNumber,
                         String line) {
        public Record {
            data = List.copyOf(data);
        }

        /** The data field {@code i}, or empty text when the record has fewer fields. */
        public String field(int i) {
            return i < data.size() ? data.get(i) : "";
        }
    }

    /**
     * A fatal error Vagrant reported: {@code ts,,error-exit,Vagrant::Errors::<Class>,<message>}.
     *
     * @param errorClass e.g. {@code Vagrant::Errors::MachineNotFound}
     * @param message    the message, unescaped (may span lines)
     * @param lineNumber where the record was
     */
    public record ErrorExit(String errorClass, String message, int lineNumber) {
        /** The class name without its module, e.g. {@code MachineNotFound}. */
        public String shortClass() {
            int i = errorClass.lastIndexOf("::");
            return i < 0 ? errorClass : errorClass.substring(i + 2);
        }
    }

    /**
     * Reads every line of {@code text} as a record; blank lines are skipped.
     *
     * @throws VagrantFormatException quoting the first line that is not a record
     */
    public static List<Record> parse(String text) {
        List<Record> out = new ArrayList<>();
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            int n = i + 1;
            String line = lines[i];
            out.add(parseLine(line, n).orElseThrow(() -> new VagrantFormatException(
                    "vagrant --machine-readable output", n, line,
                    "not a record of the shape <unix time>,<target>,<type>,<data>...")));
        }
        return out;
    }

    /**
     * Reads the lines of {@code text} that are records and skips the others (Vagrant prints raw
     * text after some records, e.g. {@code ssh-config}).
     */
    public static List<Record> parseRecordsOnly(String text) {
        List<Record> out = new ArrayList<>();
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            parseLine(lines[i], i + 1).ifPresent(out::add);
        }
        return out;
    }

    /** The record on one line, or empty when the line is not a record. */
    public static Optional<Record> parseLine(String line, int lineNumber) {
        if (line == null || !RECORD_START.matcher(line).matches()) {
            return Optional.empty();
        }
        String[] parts = line.split(",", -1);
        long ts;
        try {
            ts = Long.parseLong(parts[0]);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        List<String> data = new ArrayList<>();
        for (int i = 3; i < parts.length; i++) {
            data.add(unescape(parts[i]));
        }
        return Optional.of(new Record(ts, parts[1], parts[2], data, lineNumber, line));
    }

    /** The first {@code error-exit} record among {@code records}, if any. */
    public static Optional<ErrorExit> errorExit(List<Record> records) {
        return records.stream()
                .filter(r -> r.type().equals("error-exit"))
                .findFirst()
                .map(r -> new ErrorExit(r.field(0), r.field(1), r.lineNumber()));
    }

    /** Undoes Vagrant's escaping of one data field. */
    public static String unescape(String field) {
        return field.replace(COMMA, ",").replace("\\n", "\n").replace("\\r", "\r");
    }
}
