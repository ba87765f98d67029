package dev.k3slab.emulator.vagrantdouble;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The arguments of one Vagrant subcommand, read as its OptionParser would: the options it has
 * (with or without a value) and the names left over; an option it does not have is Vagrant's
 * {@code CLIInvalidOptions} with the command's usage.
 *
 * @param names   the arguments that are not options, in order
 * @param flags   the options given without a value
 * @param options the options given with a value
 */
record CommandArgs(List<String> names, Set<String> flags, Map<String, String> options) {

    /**
     * @param args        the arguments after the subcommand
     * @param usage       the command's banner, for the error
     * @param flagNames   its options without a value, e.g. {@code --no-provision}, {@code -f}
     * @param optionNames its options with a value, e.g. {@code --provider}
     */
    static CommandArgs parse(List<String> args, String usage, Set<String> flagNames, Set<String> optionNames) {
        List<String> names = new ArrayList<>();
        Set<String> flags = new HashSet<>();
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (!a.startsWith("-")) {
                names.add(a);
            } else if (flagNames.contains(a)) {
                flags.add(a);
            } else if (optionNames.contains(a) && i + 1 < args.size()) {
                options.put(a, args.get(++i));
            } else if (a.contains("=") && optionNames.contains(a.substring(0, a.indexOf('=')))) {
                options.put(a.substring(0, a.indexOf('=')), a.substring(a.indexOf('=') + 1));
            } else {
                throw VagrantTexts.invalidOptions(usage);
            }
        }
        return new CommandArgs(names, flags, options);
    }

    boolean has(String... anyOf) {
        for (String f : anyOf) {
            if (flags.contains(f)) {
                return true;
            }
        }
        return false;
    }
}
