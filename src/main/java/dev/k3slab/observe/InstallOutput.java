package dev.k3slab.observe;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the K3s install script prints: {@code info()} lines are {@code [INFO] } and a space, then
 * the message; systemctl's own lines ({@code Created symlink ...}) come in between (reference §7).
 */
final class InstallOutput {
    private static final Pattern INFO = Pattern.compile("\\[INFO\\]\\s+(.*)");

    private InstallOutput() {
    }

    /** The {@code [INFO]} messages in order, without the prefix. Other lines are not the script's and are passed over. */
    static List<String> info(String text) {
        List<String> messages = new ArrayList<>();
        for (Lines.Line l : Lines.of(text)) {
            Matcher m = INFO.matcher(l.text().strip());
            if (m.matches()) {
                messages.add(m.group(1));
            }
        }
        return messages;
    }
}
