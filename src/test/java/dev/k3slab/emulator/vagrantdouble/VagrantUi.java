package dev.k3slab.emulator.vagrantdouble;

import java.time.Instant;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Prints what Vagrant 2.3.4 prints (lib/vagrant/ui.rb): with {@code --machine-readable} every
 * message is a record {@code <unix time>,<target>,<type>,<data>...} on standard output, data with
 * {@code ,} as {@code %!(VAGRANT_COMMA)} and line breaks as {@code \n}; without it the plain text,
 * errors on standard error. Messages about a machine carry Vagrant's prefix on every line
 * ({@code ==> cp-1: } for info, {@code     cp-1: } for detail).
 */
final class VagrantUi {
    private final Frames out;
    private final boolean machineReadable;

    VagrantUi(Frames out, boolean machineReadable) {
        this.out = out;
        this.machineReadable = machineReadable;
    }

    /** A machine-readable record; printed only with {@code --machine-readable}. */
    void record(String target, String type, String... data) {
        if (machineReadable) {
            out.stdout(Instant.now().getEpochSecond() + "," + target + "," + type
                    + Arrays.stream(data).map(d -> "," + escape(d)).collect(Collectors.joining()));
        }
    }

    /** A ui message at {@code level} (info, detail, output, success, warn, error), already formatted. */
    void ui(String target, String level, String text) {
        if (machineReadable) {
            record(target, "ui", level, text);
        } else if (level.equals("error")) {
            out.stderr(text);
        } else {
            out.stdout(text);
        }
    }

    /** A line printed as it is, whatever the mode (e.g. {@code --version}, the text of {@code ssh-config}). */
    void raw(String text) {
        out.stdout(text);
    }

    /** A line on standard error, whatever the mode: the double's own messages. */
    void rawError(String text) {
        out.stderr(text);
    }

    /** {@code ==> m: text}, the message of a machine's action. */
    void info(String machine, String text) {
        ui(machine, "info", prefixed("==> ", machine, text));
    }

    /** {@code     m: text}, a detail of a machine's action. */
    void detail(String machine, String text) {
        ui(machine, "detail", prefixed("    ", machine, text));
    }

    void output(String machine, String text) {
        ui(machine, "output", prefixed("==> ", machine, text));
    }

    void success(String machine, String text) {
        ui(machine, "success", prefixed("==> ", machine, text));
    }

    /** A message of the whole environment: no target, no prefix. */
    void info(String text) {
        ui("", "info", text);
    }

    /** A fatal error: the message, the {@code error-exit} record; the caller exits 1. */
    void fatal(VagrantError e) {
        ui("", "error", e.getMessage());
        record("", "error-exit", "Vagrant::Errors::" + e.errorClass(), e.getMessage());
    }

    /** Vagrant's Prefixed#format_message: every line of {@code text} gets the prefix and the machine. */
    static String prefixed(String prefix, String machine, String text) {
        return Arrays.stream(text.split("\n", -1)).map(l -> prefix + machine + ": " + l).collect(Collectors.joining("\n"));
    }

    static String escape(String field) {
        return field.replace(",", "%!(VAGRANT_COMMA)").replace("\n", "\\n").replace("\r", "\\r");
    }
}
