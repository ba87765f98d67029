package dev.k3slab.emulator.node;

import dev.k3slab.emulator.ProgramFiles;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What the node says about itself: {@code date}, {@code hostname}, {@code whoami}, {@code id},
 * {@code uname}, {@code dpkg --print-architecture}, {@code which}, {@code true}, {@code false};
 * the one download the lab makes ({@code curl -sfL https://get.k3s.io}); and the refusal of a
 * reboot from inside the node.
 */
final class SystemCommands {
    /** Facts of the lab's bento/ubuntu-22.04 VM. */
    static final String ARCH = "x86_64";
    static final String DPKG_ARCH = "amd64";
    static final String KERNEL = "5.15.0-160-generic";
    private static final String GET_K3S_IO = "https://get.k3s.io";

    private SystemCommands() {
    }

    static void register(Builtins b) {
        b.add("true", (c, a) -> 0);
        b.add("false", (c, a) -> 1);
        b.add("date", (c, a) -> DateCommand.run(c, a));
        b.add("hostname", SystemCommands::hostname);
        b.add("whoami", (c, a) -> {
            c.out(c.proc().user() + "\n");
            return 0;
        });
        b.add("id", SystemCommands::id);
        b.add("uname", SystemCommands::uname);
        b.add("dpkg", SystemCommands::dpkg);
        b.add("which", SystemCommands::which);
        b.add("curl", SystemCommands::curl);
        for (String r : List.of("reboot", "shutdown", "poweroff", "halt")) {
            b.add(r, (c, a) -> {
                throw new NotModelledException(r + " from inside the node; use the provider's "
                        + (r.equals("reboot") ? "reboot (vagrant reload)" : "halt (vagrant halt)"));
            });
        }
    }

    static int hostname(CommandContext c, List<String> args) {
        if (args.isEmpty() || args.equals(List.of("-s")) || args.equals(List.of("-f")) || args.equals(List.of("--fqdn"))) {
            c.out(c.host().name() + "\n");
            return 0;
        }
        throw new NotModelledException("hostname " + String.join(" ", args));
    }

    static int id(CommandContext c, List<String> args) {
        boolean root = c.proc().root();
        String user = c.proc().user();
        String uid = root ? "0" : "1000";
        String joined = String.join(" ", args);
        switch (joined) {
            case "-u", "-g" -> c.out(uid + "\n");
            case "-un", "-nu", "-u -n", "-n -u", "-gn", "-ng", "-g -n", "-n -g" -> c.out(user + "\n");
            case "" -> {
                if (!root) {
                    throw new NotModelledException("id for user " + user + " (its groups are not modelled)");
                }
                c.out("uid=0(root) gid=0(root) groups=0(root)\n");
            }
            default -> throw new NotModelledException("id " + joined);
        }
        return 0;
    }

    static int uname(CommandContext c, List<String> args) {
        if (args.isEmpty()) {
            c.out("Linux\n");
            return 0;
        }
        StringBuilder sb = new StringBuilder();
        for (String a : args) {
            if (!a.startsWith("-") || a.equals("-a") || a.contains("v")) {
                throw new NotModelledException("uname " + String.join(" ", args) + " (the kernel build string is not modelled)");
            }
            for (char f : a.substring(1).toCharArray()) {
                String v = switch (f) {
                    case 's' -> "Linux";
                    case 'n' -> c.host().name();
                    case 'r' -> KERNEL;
                    case 'm', 'p', 'i' -> ARCH;
                    case 'o' -> "GNU/Linux";
                    default -> throw new NotModelledException("uname -" + f);
                };
                sb.append(sb.isEmpty() ? "" : " ").append(v);
            }
        }
        c.out(sb + "\n");
        return 0;
    }

    static int dpkg(CommandContext c, List<String> args) {
        if (args.equals(List.of("--print-architecture"))) {
            c.out(DPKG_ARCH + "\n");
            return 0;
        }
        throw new NotModelledException("dpkg " + String.join(" ", args));
    }

    static int which(CommandContext c, List<String> args) {
        int status = 0;
        for (String a : args) {
            if (a.startsWith("-")) {
                throw new NotModelledException("which " + a);
            }
            Dispatcher.Target t = c.dispatcher().resolve(a, c.proc());
            String path = t instanceof Dispatcher.BuiltinTarget b ? b.path()
                    : t instanceof Dispatcher.ProgramTarget p ? p.path()
                    : t instanceof Dispatcher.ScriptTarget s ? s.path() : null;
            if (path == null) {
                status = 1;
            } else {
                c.out(path + "\n");
            }
        }
        return status;
    }

    /**
     * The lab downloads one thing: the K3s install script. It arrives as the program marker
     * {@code k3s-install.sh}, which {@code sh -} and running the saved file both dispatch to the model.
     */
    static int curl(CommandContext c, List<String> args) throws IOException {
        String url = null;
        String output = null;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("-o") && i + 1 < args.size()) {
                output = args.get(++i);
            } else if (a.matches("-[sSfL]+")) {
                continue;
            } else if (a.matches("-[sSfL]*o") && i + 1 < args.size()) {
                output = args.get(++i);
            } else if (url == null && !a.startsWith("-")) {
                url = a;
            } else {
                url = null;
                break;
            }
        }
        if (url == null || !(url.equals(GET_K3S_IO) || url.equals(GET_K3S_IO + "/"))) {
            throw new NotModelledException("curl " + String.join(" ", args));
        }
        String script = ProgramFiles.content("k3s-install.sh");
        if (output == null) {
            c.out(script);
            return 0;
        }
        c.checkWritable(output);
        Path p = c.resolve(output);
        if (!Files.isDirectory(p.getParent())) {
            c.err("curl: (23) Failure writing output to destination\n");
            return 23;
        }
        if (!Files.exists(p)) {
            FileCommands.createFile(p);
        }
        Files.writeString(p, script, StandardCharsets.UTF_8);
        return 0;
    }

    /** Where the refusing power commands live on Ubuntu (the rest are in /usr/bin). */
    static final Map<String, String> BUILTIN_PATHS = Map.of("reboot", "/usr/sbin/reboot",
            "shutdown", "/usr/sbin/shutdown", "poweroff", "/usr/sbin/poweroff", "halt", "/usr/sbin/halt");
}
