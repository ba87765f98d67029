package dev.k3slab.scenario;

import dev.k3slab.shell.CommandResult;
import dev.k3slab.shell.NodeShell;
import dev.k3slab.shell.SecretMasker;
import dev.k3slab.shell.SecretReadException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * Shells for engine tests that answer commands from a script: the first rule whose node matches and
 * whose text occurs in the command answers; a rule with several answers gives them in turn and
 * then repeats its last. Answers are recorded real outputs where the seed has them. Results are
 * masked like the SSH shell's, and a secret read registers its value with the masker like it.
 */
final class ScriptedShells {
    static final Path RECORDED = Path.of("src/test/resources/recorded");

    record Answer(Integer status, String stdout, String stderr) {
    }

    private final class Rule {
        final String node;
        final String contains;
        final List<Answer> answers;
        int used;

        Rule(String node, String contains, List<Answer> answers) {
            this.node = node;
            this.contains = contains;
            this.answers = answers;
        }

        Answer next() {
            return answers.get(Math.min(used++, answers.size() - 1));
        }
    }

    private final List<Rule> rules = new ArrayList<>();
    final List<String> sent = new ArrayList<>();
    final SecretMasker masker = new SecretMasker();

    /** Answers commands on {@code node} (or any node when null) that contain {@code contains}. */
    ScriptedShells on(String node, String contains, Answer... answers) {
        rules.add(0, new Rule(node, contains, List.of(answers)));
        return this;
    }

    static Answer ok(String stdout) {
        return new Answer(0, stdout, "");
    }

    static Answer exit(int status, String stderr) {
        return new Answer(status, "", stderr);
    }

    static Answer noStatus() {
        return new Answer(null, "", "[k3s-lab] no exit status: the connection was lost while the command ran");
    }

    /** A recorded output, e.g. {@code kubectl/exp4a-cp3-wide.txt}. */
    static String recorded(String file) {
        try {
            return Files.readString(RECORDED.resolve(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    NodeShell open(String node) {
        return new NodeShell() {
            @Override
            public String node() {
                return node;
            }

            @Override
            public CommandResult run(String command, Duration timeout) {
                return masker.mask(answer(node, command));
            }

            @Override
            public Secret readSecret(String command, Duration timeout) {
                CommandResult raw = answer(node, command);
                String value = raw.stdout().strip();
                if (raw.succeeded() && !value.isEmpty()) {
                    masker.register(value);
                }
                CommandResult shown = masker.withholdOutput(raw);
                if (!raw.succeeded()) {
                    throw SecretReadException.failed(shown);
                }
                if (value.isEmpty()) {
                    throw new SecretReadException(shown, "gave nothing");
                }
                return new Secret(value, shown);
            }

            @Override
            public BackgroundProcess startBackground(String command, String logFile, Duration timeout) {
                synchronized (ScriptedShells.this) {
                    sent.add(node + ": " + command + " &");
                }
                return new BackgroundProcess(node, command, logFile, 4242);
            }

            @Override
            public void upload(Path local, String remotePath) {
                sent.add(node + ": upload " + remotePath);
            }

            @Override
            public void reconnect(Duration timeout) {
                sent.add(node + ": reconnect");
            }

            @Override
            public void close() {
            }
        };
    }

    /** The scripted answer to {@code command} on {@code node}, not masked yet. */
    private synchronized CommandResult answer(String node, String command) {
        sent.add(node + ": " + command);
        for (Rule r : rules) {
            if ((r.node == null || r.node.equals(node)) && command.contains(r.contains)) {
                Answer a = r.next();
                return new CommandResult(node, command, a.status() == null ? OptionalInt.empty() : OptionalInt.of(a.status()),
                        a.stdout(), a.stderr(), Instant.now(), Duration.ofMillis(3));
            }
        }
        return new CommandResult(node, command, OptionalInt.of(127), "", "sh: 1: no scripted answer for: " + command,
                Instant.now(), Duration.ZERO);
    }

    synchronized List<String> sent() {
        return List.copyOf(sent);
    }
}
