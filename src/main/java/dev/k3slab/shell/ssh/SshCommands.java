package dev.k3slab.shell.ssh;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The exact command lines the SSH shell sends. These shapes are a contract: the emulated lab's
 * node interpreter accepts exactly them. Pure.
 */
public final class SshCommands {

    private static final Pattern SAFE_PATH = Pattern.compile("[A-Za-z0-9_./+-]+");
    private static final Pattern PID_LINE = Pattern.compile("^\\s*(\\d+)\\s*$", Pattern.MULTILINE);

    private SshCommands() {
    }

    /** {@code '<s>'} with every single quote inside written as {@code '"'"'}. */
    public static String quote(String s) {
        return "'" + s.replace("'", "'\"'\"'") + "'";
    }

    /** {@code sudo -n sh -c '<command>'}: the command run as root, failing at once if sudo would ask. */
    public static String asRoot(String command) {
        return "sudo -n sh -c " + quote(command);
    }

    /**
     * {@code sudo -n sh -c 'nohup sh -c '"'"'<command>'"'"' > <logFile> 2>&1 < /dev/null & echo $!'}:
     * the command detached from the session, its output in {@code logFile}, its pid printed.
     *
     * @throws IllegalArgumentException when {@code logFile} would need quoting
     */
    public static String background(String command, String logFile) {
        if (!SAFE_PATH.matcher(logFile).matches()) {
            throw new IllegalArgumentException("log file path '" + logFile
                    + "' must be letters, digits and _ . / + - only (it is written unquoted)");
        }
        return asRoot("nohup sh -c " + quote(command) + " > " + logFile + " 2>&1 < /dev/null & echo $!");
    }

    /** The pid printed by a {@link #background} command: the last line that is only a number. */
    public static Optional<Long> pid(String stdout) {
        Matcher m = PID_LINE.matcher(stdout);
        Long found = null;
        while (m.find()) {
            found = Long.parseLong(m.group(1));
        }
        return Optional.ofNullable(found);
    }
}
