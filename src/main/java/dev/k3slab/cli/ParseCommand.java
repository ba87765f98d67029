package dev.k3slab.cli;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.k3slab.machine.vagrant.SshConfigParser;
import dev.k3slab.machine.vagrant.VagrantErrorException;
import dev.k3slab.machine.vagrant.VagrantFormatException;
import dev.k3slab.machine.vagrant.VagrantStatusParser;
import dev.k3slab.observe.JoinFlags;
import dev.k3slab.observe.ParseException;
import dev.k3slab.observe.Parsers;
import dev.k3slab.observe.UnitFile;
import dev.k3slab.shell.SecretMasker;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ./lab parse <kind> [FILE]}: reads a command's output exactly as the harness does and
 * prints what the harness sees, as one JSON document. Exit 0 when read, 2 when the input does not
 * have the shape of its kind (one message on stderr: line number, line, format expected), 1 when
 * FILE cannot be read. Tokens are masked in the output.
 */
@Command(name = "parse",
        mixinStandardHelpOptions = true,
        description = {"Read a command's output as the harness reads it and print what it sees, as JSON.",
                "Reads FILE, or standard input when FILE is absent or '-'."},
        footer = {"", "Kinds:",
                "  kubectl-nodes   kubectl get nodes [-o wide|-o json]",
                "  etcd-members    etcdctl member list [-w table|-w json]",
                "  etcd-status     etcdctl endpoint status [-w table|-w json]",
                "  etcd-health     etcdctl endpoint health [-w table|-w json]",
                "  ls              ls -al of one folder",
                "  unit            systemctl cat k3s (with --env: the unit's env file too)",
                "  env-file        a systemd env file such as /etc/systemd/system/k3s.service.env",
                "  install-info    the K3s install script's [INFO] lines",
                "  vagrant-status  vagrant status --machine-readable",
                "  ssh-config      vagrant ssh-config",
                "",
                "Exit status: 0 read, 1 FILE unreadable, 2 the input is not output of that kind."})
public final class ParseCommand implements Callable<Integer> {
    static final int UNREADABLE_INPUT = 2;
    static final int NO_FILE = 1;

    // Records are written by their components only (no "directory" from LsEntry.isDirectory()).
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .setVisibility(PropertyAccessor.IS_GETTER, JsonAutoDetect.Visibility.NONE);
    private static final Set<String> TOKEN_FLAGS = Set.of("--token", "-t", "--agent-token");

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "KIND", completionCandidates = Kinds.class,
            description = "What the input is: ${COMPLETION-CANDIDATES}.")
    String kind;

    @Parameters(index = "1", arity = "0..1", paramLabel = "FILE", description = "The output to read; standard input when absent or '-'.")
    String file;

    @Option(names = "--now", paramLabel = "TIME",
            description = "kubectl-nodes -o json: the time of the observation (RFC 3339, e.g. 2026-02-22T06:45:00Z); "
                    + "default: the newest time the document shows.")
    Instant now;

    @Option(names = "--env", paramLabel = "ENV_FILE",
            description = "unit: the unit's env file (k3s.service.env), whose K3S_URL/K3S_TOKEN also decide the join flags.")
    Path env;

    private final InputStream stdin;

    public ParseCommand() {
        this(System.in);
    }

    ParseCommand(InputStream stdin) {
        this.stdin = stdin;
    }

    /** The kinds, in help order. */
    static final class Kinds implements Iterable<String> {
        static final List<String> ALL = List.of("kubectl-nodes", "etcd-members", "etcd-status", "etcd-health", "ls",
                "unit", "env-file", "install-info", "vagrant-status", "ssh-config");

        @Override
        public Iterator<String> iterator() {
            return ALL.iterator();
        }
    }

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        if (!Kinds.ALL.contains(kind)) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "Unknown kind '" + kind + "'; expected one of " + String.join(", ", Kinds.ALL));
        }
        String source = file == null || file.equals("-") ? "<stdin>" : file;
        String text;
        Map<String, String> envVars;
        try {
            text = file == null || file.equals("-") ? new String(stdin.readAllBytes(), StandardCharsets.UTF_8) : read(Path.of(file));
            envVars = env == null ? Map.of() : Parsers.envFile(read(env));
        } catch (IOException e) {
            err.println("lab parse: cannot read " + e.getMessage() + " (check the path and its permissions)");
            return NO_FILE;
        } catch (ParseException e) {
            err.println("lab parse " + kind + ": " + env + ": " + e.getMessage());
            return UNREADABLE_INPUT;
        }
        Object seen;
        try {
            seen = parse(text, envVars, source);
        } catch (ParseException | VagrantFormatException | VagrantErrorException e) {
            err.println("lab parse " + kind + ": " + source + ": " + e.getMessage());
            return UNREADABLE_INPUT;
        }
        try {
            spec.commandLine().getOut().println(new SecretMasker().mask(JSON.writeValueAsString(seen)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the parsed " + kind + " cannot be written as JSON", e);
        }
        spec.commandLine().getOut().flush();
        return 0;
    }

    private Object parse(String text, Map<String, String> envVars, String source) {
        return switch (kind) {
            case "kubectl-nodes" -> Parsers.kubectlNodes(text, now);
            case "etcd-members" -> Parsers.etcdMembers(text);
            case "etcd-status" -> statusOrFailure(text, source);
            case "etcd-health" -> Parsers.endpointHealth(text);
            case "ls" -> Parsers.ls(text);
            case "unit" -> unit(Parsers.unit(text), envVars);
            case "env-file" -> masked(Parsers.envFile(text));
            case "vagrant-status" -> VagrantStatusParser.parse(text);
            case "ssh-config" -> SshConfigParser.parse(text);
            default -> Parsers.installInfo(text);
        };
    }

    // A timed-out endpoint is what the harness sees, not unreadable output: an empty list, and a note.
    private Object statusOrFailure(String text, String source) {
        var statuses = Parsers.endpointStatus(text);
        Parsers.endpointFailure(text).ifPresent(endpoint -> spec.commandLine().getErr().println("lab parse etcd-status: "
                + source + ": etcd did not answer at " + endpoint + " (an observation: the list holds the endpoints that did)"));
        return statuses;
    }

    private Map<String, Object> unit(UnitFile unit, Map<String, String> envVars) {
        JoinFlags flags = unit.joinFlags(envVars);
        Map<String, Object> joinFlags = new LinkedHashMap<>();
        joinFlags.put("server", flags.server().orElse(null));
        joinFlags.put("token", flags.token());
        joinFlags.put("clusterInit", flags.clusterInit());
        joinFlags.put("clusterReset", flags.clusterReset());
        joinFlags.put("joins", flags.joins());
        joinFlags.put("none", flags.none());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("binary", unit.binary());
        out.put("command", unit.command());
        out.put("execStart", maskTokenWords(unit.execStart()));
        out.put("envFile", env == null ? null : env.toString());
        out.put("joinFlags", joinFlags);
        return out;
    }

    private static List<String> maskTokenWords(List<String> words) {
        List<String> out = new ArrayList<>(words.size());
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            boolean valueOfToken = i > 0 && TOKEN_FLAGS.contains(words.get(i - 1));
            int eq = w.indexOf('=');
            boolean inlineToken = eq > 0 && TOKEN_FLAGS.contains(w.substring(0, eq));
            out.add(valueOfToken ? SecretMasker.MASK : inlineToken ? w.substring(0, eq + 1) + SecretMasker.MASK : w);
        }
        return out;
    }

    private static Map<String, String> masked(Map<String, String> vars) {
        Function<Map.Entry<String, String>, String> value = e -> e.getKey().contains("TOKEN") && !e.getValue().isEmpty()
                ? SecretMasker.MASK : e.getValue();
        Map<String, String> out = new LinkedHashMap<>();
        vars.entrySet().forEach(e -> out.put(e.getKey(), value.apply(e)));
        return out;
    }

    // Bytes that are not UTF-8 become U+FFFD: the parser then names the line instead of the reader failing.
    private static String read(Path path) throws IOException {
        if (!Files.isRegularFile(path)) {
            throw new IOException(path + ": no such file");
        }
        return new String(Files.readAllBytes(path), StandardCharsets.UTF_8);
    }
}
