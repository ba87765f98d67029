package dev.k3slab.emulator.node;

import dev.k3slab.emulator.node.Ast.AndOr;
import dev.k3slab.emulator.node.Ast.Assignment;
import dev.k3slab.emulator.node.Ast.Pipeline;
import dev.k3slab.emulator.node.Ast.Script;
import dev.k3slab.emulator.node.Ast.SimpleCommand;
import dev.k3slab.emulator.node.Ast.Statement;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a parsed script in one shell process: statements, {@code && ||}, pipelines, background
 * jobs, expansions and redirections; the commands themselves go to the {@link Dispatcher}.
 *
 * <p>Pipelines run their commands one after another, each reading what the previous one wrote
 * (no command of the lab streams forever). A background job that is one modelled program is
 * handed to it with {@code background=true} and the job's pid; any other background job runs to
 * its end before the shell goes on.
 */
final class Shell {
    private final NodeHost host;
    private final Dispatcher dispatcher;
    private final ShellState state;
    private final Expander expander;
    /** True when the last and-or list ended on its final, non-negated pipeline (what set -e looks at). */
    private boolean lastWasFinal;

    Shell(NodeHost host, Dispatcher dispatcher, ShellState state) {
        this.host = host;
        this.dispatcher = dispatcher;
        this.state = state;
        this.expander = new Expander(this);
    }

    NodeHost host() {
        return host;
    }

    ShellState state() {
        return state;
    }

    Expander expander() {
        return expander;
    }

    Dispatcher dispatcher() {
        return dispatcher;
    }

    /** A copy of this shell for {@code $(...)} and background jobs: changes do not come back. */
    Shell subshell() {
        return new Shell(host, dispatcher, state.copy());
    }

    /** Runs the script; returns the exit status of the shell. */
    int run(Script script, Streams io) {
        try {
            for (Statement st : script.statements()) {
                statement(st, io);
            }
            return state.lastStatus;
        } catch (ExitRequest e) {
            return e.status();
        } catch (ShellError e) {
            CommandContext.write(io.err(), e.getMessage() + "\n");
            return e.status();
        }
    }

    /** Parses and runs {@code text}, printing a syntax error or a refusal the way this shell would. */
    int runText(String text, Streams io) {
        Script script;
        try {
            script = ShellParser.parse(text);
        } catch (ShellSyntaxException e) {
            String msg = state.dialect == Dialect.DASH
                    ? state.prefix(e.line()) + e.dashText()
                    : state.name + ": -c: line " + e.line() + ": " + e.bashText();
            CommandContext.write(io.err(), msg + "\n");
            return 2;
        } catch (NotModelledException e) {
            CommandContext.write(io.err(), e.getMessage() + "\n");
            return NotModelledException.STATUS;
        }
        return run(script, io);
    }

    /**
     * Runs {@code text} as a started shell does; as a background job ({@code bg} set) a script of
     * one simple command hands the job's pid to that command, as dash's exec of the last command would.
     */
    int runAsJob(String text, Streams io, Background bg) {
        if (bg == null) {
            return runText(text, io);
        }
        Script script;
        try {
            script = ShellParser.parse(text);
        } catch (ShellSyntaxException | NotModelledException e) {
            return runText(text, io);
        }
        if (script.statements().size() == 1 && !script.statements().get(0).background()) {
            AndOr body = script.statements().get(0).body();
            if (body.pipelines().size() == 1 && body.pipelines().get(0).commands().size() == 1
                    && !body.pipelines().get(0).negated()) {
                try {
                    return simple(body.pipelines().get(0).commands().get(0), io, bg);
                } catch (ExitRequest e) {
                    return e.status();
                } catch (ShellError e) {
                    CommandContext.write(io.err(), e.getMessage() + "\n");
                    return e.status();
                }
            }
        }
        return run(script, io);
    }

    /** {@code eval} and {@code .}: runs text in this shell; {@code exit} inside ends this shell. */
    int evaluate(String text, Streams io) {
        Script script;
        try {
            script = ShellParser.parse(text);
        } catch (ShellSyntaxException e) {
            CommandContext.write(io.err(), state.prefix(e.line()) + (state.dialect == Dialect.DASH ? e.dashText()
                    : e.bashText()) + "\n");
            return 2;
        }
        for (Statement st : script.statements()) {
            statement(st, io);
        }
        return state.lastStatus;
    }

    private void statement(Statement st, Streams io) {
        if (st.background()) {
            long pid = host.allocatePid();
            state.lastBackgroundPid = String.valueOf(pid);
            Shell job = subshell();
            AndOr body = st.body();
            try {
                if (body.pipelines().size() == 1 && body.pipelines().get(0).commands().size() == 1
                        && !body.pipelines().get(0).negated()) {
                    job.simple(body.pipelines().get(0).commands().get(0), io, new Background(pid));
                } else {
                    job.andOr(body, io);
                }
            } catch (ExitRequest e) {
                // the job's own exit ends the job, not this shell
            }
            state.lastStatus = 0;
            return;
        }
        int status = andOr(st.body(), io);
        state.lastStatus = status;
        if (status != 0 && state.errexit && lastWasFinal) {
            throw new ExitRequest(status);
        }
    }

    private int andOr(AndOr a, Streams io) {
        List<Pipeline> ps = a.pipelines();
        int status = pipeline(ps.get(0), io);
        int last = 0;
        for (int i = 1; i < ps.size(); i++) {
            boolean and = a.and().get(i - 1);
            if ((and && status == 0) || (!and && status != 0)) {
                state.lastStatus = status;
                status = pipeline(ps.get(i), io);
                last = i;
            }
        }
        lastWasFinal = last == ps.size() - 1 && !ps.get(last).negated();
        return status;
    }

    private int pipeline(Pipeline p, Streams io) {
        List<SimpleCommand> cs = p.commands();
        int status;
        if (cs.size() == 1) {
            status = simple(cs.get(0), io, null);
        } else {
            byte[] carried = null;
            int failed = 0;
            status = 0;
            for (int i = 0; i < cs.size(); i++) {
                boolean lastCommand = i == cs.size() - 1;
                ByteArrayOutputStream buf = lastCommand ? null : new ByteArrayOutputStream();
                Streams s = new Streams(carried == null ? io.in() : new ByteArrayInputStream(carried),
                        lastCommand ? io.out() : buf, io.err());
                status = subshell().simple(cs.get(i), s, null);
                if (status != 0) {
                    failed = status;
                }
                carried = buf == null ? null : buf.toByteArray();
            }
            if (state.pipefail && status == 0) {
                status = failed;
            }
        }
        return p.negated() ? (status == 0 ? 1 : 0) : status;
    }

    int simple(SimpleCommand c, Streams io, Background bg) {
        if (Thread.currentThread().isInterrupted()) {
            throw new ExitRequest(130);
        }
        Instant wallStart = Instant.now();
        boolean mayWrite = true;
        try {
            List<String> argv = expander.fields(c.words(), io, c.line());
            mayWrite = c.redirects().stream().anyMatch(r -> r.kind() == Ast.RedirectKind.OUT
                    || r.kind() == Ast.RedirectKind.APPEND)
                    || (!argv.isEmpty() && !(Builtins.writesNothing(argv.get(0))
                    && dispatcher.resolve(argv.get(0), state.proc(Map.of())) instanceof Dispatcher.BuiltinTarget));
            Map<String, String> assigned = new LinkedHashMap<>();
            for (Assignment a : c.assignments()) {
                assigned.put(a.name(), expander.single(a.value(), io, c.line()));
            }
            Streams redirected;
            try {
                redirected = Redirections.apply(c.redirects(), io, this, c.line());
            } catch (Redirections.Failure f) {
                CommandContext.write(io.err(), state.prefix(c.line()) + f.getMessage() + "\n");
                return state.dialect == Dialect.DASH ? 2 : 1;
            }
            if (argv.isEmpty()) {
                assigned.forEach(state::set);
                return expander.substitutionStatus();
            }
            Map<String, String> env = new LinkedHashMap<>(state.environment());
            env.putAll(assigned);
            int status = dispatcher.fromShell(this, argv, env, assigned, redirected, bg, c.line());
            flush(redirected);
            return status;
        } catch (NotModelledException e) {
            CommandContext.write(io.err(), e.getMessage() + "\n");
            return NotModelledException.STATUS;
        } finally {
            if (mayWrite) {
                host.filesChanged(wallStart);
            }
        }
    }

    private static void flush(Streams s) {
        try {
            s.out().flush();
            s.err().flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
