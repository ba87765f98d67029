package dev.k3slab.emulator.node;

import dev.k3slab.emulator.ProcessTable.EmulatedProcess;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * {@code kill}, {@code pkill}, {@code pgrep}, {@code ps} over the model's process table, and
 * {@code sleep}, which moves the lab clock instead of waiting.
 */
final class ProcessCommands {
    private static final Map<String, Integer> SIGNALS = Map.of("HUP", 1, "INT", 2, "QUIT", 3, "KILL", 9,
            "USR1", 10, "USR2", 12, "TERM", 15, "CONT", 18, "STOP", 19);
    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneOffset.UTC);

    private ProcessCommands() {
    }

    static void register(Builtins b) {
        b.add("kill", ProcessCommands::kill);
        b.add("pkill", (c, a) -> pgrep(c, a, true));
        b.add("pgrep", (c, a) -> pgrep(c, a, false));
        b.add("ps", ProcessCommands::ps);
        b.add("sleep", ProcessCommands::sleep);
    }

    private static int signal(String spec) {
        String s = spec.toUpperCase(Locale.ROOT);
        if (s.matches("\\d+")) {
            return Integer.parseInt(s);
        }
        Integer n = SIGNALS.get(s.startsWith("SIG") ? s.substring(3) : s);
        if (n == null) {
            throw new NotModelledException("signal " + spec);
        }
        return n;
    }

    static int kill(CommandContext c, List<String> args) {
        int sig = 15;
        int i = 0;
        if (i < args.size() && args.get(i).equals("-s") && i + 1 < args.size()) {
            sig = signal(args.get(i + 1));
            i += 2;
        } else if (i < args.size() && args.get(i).startsWith("-") && args.get(i).length() > 1
                && !args.get(i).equals("--")) {
            if (args.get(i).equals("-l") || args.get(i).equals("-L")) {
                throw new NotModelledException("kill -l");
            }
            sig = signal(args.get(i).substring(1));
            i++;
        }
        if (i < args.size() && args.get(i).equals("--")) {
            i++;
        }
        if (i >= args.size()) {
            throw new NotModelledException("kill without a process id");
        }
        int status = 0;
        for (String p : args.subList(i, args.size())) {
            if (!p.matches("\\d+")) {
                throw new NotModelledException("kill " + p + " (job specs and process groups)");
            }
            long pid = Long.parseLong(p);
            boolean exists = c.host().processes().processes(c.host().name()).stream().anyMatch(x -> x.pid() == pid);
            String problem = !exists ? "No such process" : !c.proc().root() ? "Operation not permitted" : null;
            if (problem == null && c.host().processes().kill(c.host().name(), pid, sig)) {
                continue;
            }
            problem = problem == null ? "No such process" : problem;
            Dialect d = c.caller() == null ? null : c.caller().dialect;
            c.err(d == Dialect.DASH ? c.shellPrefix() + "kill: " + problem + "\n"
                    : d == Dialect.BASH ? c.shellPrefix() + "kill: (" + pid + ") - " + problem + "\n"
                    : "kill: (" + pid + "): " + problem + "\n");
            status = 1;
        }
        return status;
    }

    /** The process name procps shows: the command's base name, cut to 15 characters. */
    static String comm(EmulatedProcess p) {
        String first = p.commandLine().split("\\s+", 2)[0];
        String base = Dispatcher.basename(first);
        return base.length() > 15 ? base.substring(0, 15) : base;
    }

    static int pgrep(CommandContext c, List<String> args, boolean kill) {
        boolean full = false;
        boolean listAll = false;
        boolean listName = false;
        boolean exact = false;
        int sig = 15;
        String pattern = null;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--signal") && i + 1 < args.size()) {
                sig = signal(args.get(++i));
            } else if (a.startsWith("-") && a.length() > 1 && pattern == null) {
                String f = a.substring(1);
                if (kill && (f.matches("\\d+") || SIGNALS.containsKey(f.toUpperCase(Locale.ROOT).replaceFirst("^SIG", "")))) {
                    sig = signal(f);
                    continue;
                }
                for (char ch : f.toCharArray()) {
                    switch (ch) {
                        case 'f' -> full = true;
                        case 'a' -> listAll = !kill;
                        case 'l' -> listName = !kill;
                        case 'x' -> exact = true;
                        default -> throw new NotModelledException(c.name() + " option -" + ch);
                    }
                }
            } else if (pattern == null) {
                pattern = a;
            } else {
                c.err(c.name() + ": only one pattern can be provided\nTry `" + c.name() + " --help' for more information.\n");
                return 2;
            }
        }
        if (pattern == null) {
            c.err(c.name() + ": no matching criteria specified\nTry `" + c.name() + " --help' for more information.\n");
            return 2;
        }
        Pattern re = PosixRegex.compile(exact ? "^(" + pattern + ")$" : pattern, true, false);
        List<EmulatedProcess> matched = new ArrayList<>();
        for (EmulatedProcess p : c.host().processes().processes(c.host().name())) {
            if (re.matcher(full ? p.commandLine() : comm(p)).find()) {
                matched.add(p);
            }
        }
        StringBuilder sb = new StringBuilder();
        for (EmulatedProcess p : matched) {
            if (kill) {
                if (!c.proc().root()) {
                    c.err("pkill: killing pid " + p.pid() + " failed: Operation not permitted\n");
                    continue;
                }
                c.host().processes().kill(c.host().name(), p.pid(), sig);
            } else {
                sb.append(p.pid()).append(listAll ? " " + p.commandLine() : listName ? " " + comm(p) : "").append('\n');
            }
        }
        c.out(sb.toString());
        return matched.isEmpty() ? 1 : 0;
    }

    /**
     * {@code ps -e -o pid,user,comm,args}, {@code ps -ef} and {@code ps aux} over the model's
     * processes only (not the node's shells and system daemons). Columns the table does not know
     * are fixed: user root, PPID 1, no CPU or memory use, start = the node's boot time.
     */
    static int ps(CommandContext c, List<String> args) {
        String joined = String.join(" ", args).trim();
        List<EmulatedProcess> procs = c.host().processes().processes(c.host().name());
        String start = HH_MM.format(c.host().bootTime());
        StringBuilder sb = new StringBuilder();
        if (joined.matches("-?auxw*")) {
            sb.append("USER         PID %CPU %MEM    VSZ   RSS TTY      STAT START   TIME COMMAND\n");
            procs.forEach(p -> sb.append(String.format("%-8s %7d %4s %4s %6d %5d %-8s %-4s %5s %6s %s%n",
                    "root", p.pid(), "0.0", "0.0", 0, 0, "?", "S", start, "0:00", p.commandLine())));
        } else if (joined.matches("-ef|-e -f|-f -e")) {
            sb.append("UID          PID    PPID  C STIME TTY          TIME CMD\n");
            procs.forEach(p -> sb.append(String.format("%-8s %7d %7d %2d %5s %-8s %8s %s%n", "root", p.pid(), 1, 0,
                    start, "?", "00:00:00", p.commandLine())));
        } else {
            String fields = outputFields(args);
            String[] cols = fields.split(",");
            boolean headers = !fields.contains("=");
            if (headers) {
                List<String> h = new ArrayList<>();
                for (String f : cols) {
                    h.add(column(f, null, c));
                }
                sb.append(String.join(" ", h).replaceAll("\\s+$", "")).append('\n');
            }
            for (EmulatedProcess p : procs) {
                List<String> row = new ArrayList<>();
                for (String f : cols) {
                    row.add(column(f, p, c));
                }
                sb.append(String.join(" ", row).replaceAll("\\s+$", "")).append('\n');
            }
        }
        c.out(sb.toString());
        return 0;
    }

    private static String outputFields(List<String> args) {
        boolean everyone = false;
        String fields = null;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("-e") || a.equals("-A") || a.equals("ax") || a.equals("-ax")) {
                everyone = true;
            } else if ((a.equals("-o") || a.equals("o")) && i + 1 < args.size()) {
                fields = fields == null ? args.get(++i) : fields + "," + args.get(++i);
            } else if (a.equals("-eo") && i + 1 < args.size()) {
                everyone = true;
                fields = args.get(++i);
            } else {
                throw new NotModelledException("ps " + String.join(" ", args));
            }
        }
        if (!everyone || fields == null) {
            throw new NotModelledException("ps " + String.join(" ", args) + " (use ps -ef, ps aux or ps -eo FIELDS)");
        }
        return fields;
    }

    private static String column(String field, EmulatedProcess p, CommandContext c) {
        String f = field.endsWith("=") ? field.substring(0, field.length() - 1) : field;
        return switch (f) {
            case "pid" -> String.format("%7s", p == null ? "PID" : String.valueOf(p.pid()));
            case "ppid" -> String.format("%7s", p == null ? "PPID" : "1");
            case "user" -> String.format("%-8s", p == null ? "USER" : "root");
            case "comm" -> String.format("%-15s", p == null ? "COMMAND" : comm(p));
            case "args", "cmd", "command" -> p == null ? (f.equals("cmd") ? "CMD" : "COMMAND") : p.commandLine();
            default -> throw new NotModelledException("ps output field " + f);
        };
    }

    static int sleep(CommandContext c, List<String> args) {
        if (args.isEmpty()) {
            c.err("sleep: missing operand\nTry 'sleep --help' for more information.\n");
            return 1;
        }
        Duration total = Duration.ZERO;
        for (String a : args) {
            if (!a.matches("\\d+(\\.\\d+)?[smhd]?|\\.\\d+[smhd]?")) {
                c.err("sleep: invalid time interval '" + a + "'\nTry 'sleep --help' for more information.\n");
                return 1;
            }
            char unit = Character.isLetter(a.charAt(a.length() - 1)) ? a.charAt(a.length() - 1) : 's';
            String num = Character.isLetter(unit) && Character.isLetter(a.charAt(a.length() - 1))
                    ? a.substring(0, a.length() - 1) : a;
            long seconds = switch (unit) {
                case 'm' -> 60;
                case 'h' -> 3600;
                case 'd' -> 86400;
                default -> 1;
            };
            long nanos = new BigDecimal(num).multiply(BigDecimal.valueOf(seconds * 1_000_000_000L)).longValue();
            total = total.plusNanos(nanos);
        }
        c.host().sleep(total);
        return 0;
    }
}
