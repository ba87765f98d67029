package dev.k3slab.emulator.node;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Command-line options the GNU way (getopt_long with permutation): bundled short flags
 * ({@code -al}), values attached or separate ({@code -A10}, {@code -A 10}), long options
 * ({@code --all}, {@code --lines=5}), options after operands, {@code --} ending options.
 */
final class GnuOptions {
    private final String flags;
    private final String valued;
    private final Map<String, String> longFlags = new LinkedHashMap<>();
    private final Map<String, String> longValued = new LinkedHashMap<>();

    /**
     * @param flags  short options without a value, e.g. {@code "alR"}
     * @param valued short options with a value, e.g. {@code "nA"}
     */
    GnuOptions(String flags, String valued) {
        this.flags = flags;
        this.valued = valued;
    }

    /** A long option without a value, stored under {@code key} (a short option letter or the long name). */
    GnuOptions longFlag(String name, String key) {
        longFlags.put(name, key);
        return this;
    }

    GnuOptions longValued(String name, String key) {
        longValued.put(name, key);
        return this;
    }

    /** The options in the order given, and the operands. */
    record Parsed(List<Map.Entry<String, String>> options, List<String> operands) {
        boolean has(String key) {
            return options.stream().anyMatch(e -> e.getKey().equals(key));
        }

        String last(String key, String otherwise) {
            String v = otherwise;
            for (Map.Entry<String, String> e : options) {
                if (e.getKey().equals(key)) {
                    v = e.getValue();
                }
            }
            return v;
        }

        List<String> all(String key) {
            return options.stream().filter(e -> e.getKey().equals(key)).map(Map.Entry::getValue).toList();
        }
    }

    /**
     * A usage error; the message is GNU's, without the program name. {@code unknownOption} is set
     * when an option is not in the spec: it may be a real option the node does not model.
     */
    static final class UsageError extends Exception {
        private final String unknownOption;

        UsageError(String message) {
            this(message, null);
        }

        UsageError(String message, String unknownOption) {
            super(message);
            this.unknownOption = unknownOption;
        }

        /** True when an option is not in the spec (it may be a real option the node does not model). */
        boolean unknown() {
            return unknownOption != null;
        }
    }

    Parsed parse(List<String> args) throws UsageError {
        List<Map.Entry<String, String>> options = new ArrayList<>();
        List<String> operands = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--")) {
                operands.addAll(args.subList(i + 1, args.size()));
                break;
            }
            if (a.startsWith("--")) {
                int eq = a.indexOf('=');
                String name = eq < 0 ? a.substring(2) : a.substring(2, eq);
                if (longFlags.containsKey(name) && eq < 0) {
                    options.add(Map.entry(longFlags.get(name), ""));
                } else if (longValued.containsKey(name)) {
                    String v;
                    if (eq >= 0) {
                        v = a.substring(eq + 1);
                    } else if (i + 1 < args.size()) {
                        v = args.get(++i);
                    } else {
                        throw new UsageError("option '--" + name + "' requires an argument");
                    }
                    options.add(Map.entry(longValued.get(name), v));
                } else {
                    throw new UsageError("unrecognized option '" + a + "'", a);
                }
            } else if (a.startsWith("-") && a.length() > 1) {
                for (int j = 1; j < a.length(); j++) {
                    char c = a.charAt(j);
                    if (flags.indexOf(c) >= 0) {
                        options.add(Map.entry(String.valueOf(c), ""));
                    } else if (valued.indexOf(c) >= 0) {
                        String v;
                        if (j + 1 < a.length()) {
                            v = a.substring(j + 1);
                        } else if (i + 1 < args.size()) {
                            v = args.get(++i);
                        } else {
                            throw new UsageError("option requires an argument -- '" + c + "'");
                        }
                        options.add(Map.entry(String.valueOf(c), v));
                        break;
                    } else {
                        throw new UsageError("invalid option -- '" + c + "'", "-" + c);
                    }
                }
            } else {
                operands.add(a);
            }
        }
        return new Parsed(options, operands);
    }

    /**
     * Prints a usage error the GNU way and returns {@code status}; an option the spec does not know
     * is refused as not modelled instead, since the real tool may well have it.
     */
    static int usage(CommandContext c, UsageError e, int status) {
        if (e.unknownOption != null) {
            throw new NotModelledException(c.name() + " option " + e.unknownOption);
        }
        c.err(c.name() + ": " + e.getMessage() + "\nTry '" + c.name() + " --help' for more information.\n");
        return status;
    }
}
