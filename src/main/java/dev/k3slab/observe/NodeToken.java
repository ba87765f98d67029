package dev.k3slab.observe;

import dev.k3slab.observe.Lines.Line;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The K3s node token ({@code server/token}, {@code server/node-token}): {@code K10<sha256 of the
 * cluster CA, 64 hex>::<user>:<password>}, or a bare secret as given to {@code --token}
 * (reference §9, {@code pkg/clientaccess/token.go}).
 */
final class NodeToken {
    static final String FORMAT = "K3s node token (K10<64 hex>::server:<password>, or a bare secret)";
    private static final Pattern FULL = Pattern.compile("K10([^:]*)::([^:\\s]+):(\\S+)");
    private static final Pattern HEX = Pattern.compile("[0-9a-fA-F]*");

    private NodeToken() {
    }

    /** The token, checked, without its trailing newline. The message of a rejected token never quotes it. */
    static String parse(String text) {
        List<Line> lines = Lines.trimmed(Lines.of(text));
        if (lines.isEmpty()) {
            throw Lines.empty(FORMAT);
        }
        if (lines.size() > 1) {
            throw new ParseException(FORMAT, lines.get(1).number(), null, "a token is one line; found more");
        }
        Line line = lines.get(0);
        String token = line.text().strip();
        if (token.chars().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c))) {
            throw new ParseException(FORMAT, line.number(), null, "a token holds no spaces or control characters");
        }
        if (token.startsWith("K10")) {
            Matcher m = FULL.matcher(token);
            if (!m.matches()) {
                throw new ParseException(FORMAT, line.number(), null, "a K10 token must read K10<hash>::<user>:<password>");
            }
            if (m.group(1).length() != 64 || !HEX.matcher(m.group(1)).matches()) {
                // K3s: "invalid token CA hash length"
                throw new ParseException(FORMAT, line.number(), null, "the CA hash must be 64 hex characters, found "
                        + m.group(1).length() + " characters");
            }
        }
        return token;
    }
}
