package dev.k3slab.shell;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks secrets (the K3s token) in anything that may reach a log, a record or a report. Known
 * secrets are replaced wherever they appear; on top of that, anything shaped like a K3s token
 * ({@code K10<64 hex>::server:<secret>}, a {@code --token}/{@code -t} argument, a
 * {@code K3S_TOKEN=} assignment) is masked even if it was never registered. Thread-safe.
 */
public final class SecretMasker {
    public static final String MASK = "********";

    private static final Pattern FULL_TOKEN = Pattern.compile("K10[0-9a-fA-F]{64}::[A-Za-z0-9_-]+:[^\\s'\"]+");
    private static final Pattern TOKEN_ASSIGNMENT = Pattern.compile(
            "((?:K3S_TOKEN|K3S_AGENT_TOKEN|SERVER_NODE_TOKEN)\\s*=\\s*['\"]?)([^'\"\\s]+)");
    private static final Pattern TOKEN_FLAG = Pattern.compile(
            "((?:--token|--agent-token|(?<![\\w-])-t)(?:=|\\s+)['\"]?)([^'\"\\s\\\\]+)");

    private final List<String> secrets = new CopyOnWriteArrayList<>();

    /** Registers a secret value; it is masked from now on. Blank values are ignored. */
    public void register(String secret) {
        if (secret != null && !secret.isBlank() && !secrets.contains(secret)) {
            secrets.add(secret);
            // The password part alone (after "::server:") also leaks the token.
            int i = secret.indexOf("::server:");
            if (i >= 0 && i + 9 < secret.length()) {
                register(secret.substring(i + 9));
            }
        }
    }

    public void registerAll(Collection<String> values) {
        values.forEach(this::register);
    }

    /** The text with every known secret and every token-shaped value replaced by {@link #MASK}. */
    public String mask(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String out = text;
        List<String> longestFirst = secrets.stream().sorted(Comparator.comparingInt(String::length).reversed()).toList();
        for (String s : longestFirst) {
            out = out.replace(s, MASK);
        }
        out = FULL_TOKEN.matcher(out).replaceAll(MASK);
        out = replaceGroup2(TOKEN_ASSIGNMENT, out);
        out = replaceGroup2(TOKEN_FLAG, out);
        return out;
    }

    private static String replaceGroup2(Pattern p, String text) {
        Matcher m = p.matcher(text);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String value = m.group(2);
            String replacement = value.equals(MASK) || value.startsWith("<") || value.startsWith("$")
                    ? m.group(0) : m.group(1) + MASK;
            m.appendReplacement(sb, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    /** The result with {@link #mask(String)} applied to its command, stdout and stderr. */
    public CommandResult mask(CommandResult r) {
        Objects.requireNonNull(r);
        return new CommandResult(r.node(), mask(r.command()), r.exitStatus(), mask(r.stdout()),
                mask(r.stderr()), r.started(), r.took());
    }

    /**
     * A masked copy of a result whose standard output is itself a secret (a read token): stdout
     * becomes {@link #MASK} (empty stays empty), and the output's value is masked in the command and
     * stderr too, whether or not it was registered (a failed read registers nothing).
     */
    public CommandResult withholdOutput(CommandResult r) {
        Objects.requireNonNull(r);
        String value = r.stdout().strip();
        CommandResult masked = mask(r);
        return new CommandResult(r.node(), withhold(masked.command(), value), r.exitStatus(),
                value.isEmpty() ? "" : MASK + "\n", withhold(masked.stderr(), value), r.started(), r.took());
    }

    private static String withhold(String text, String value) {
        return value.isEmpty() ? text : text.replace(value, MASK);
    }
}
