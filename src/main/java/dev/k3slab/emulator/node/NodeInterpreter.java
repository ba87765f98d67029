package dev.k3slab.emulator.node;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Runs command lines on one emulated node the way an SSH exec request runs them on the lab VM:
 * the user's login shell (bash) runs the line, {@code sudo} switches to root, {@code sh} is dash.
 * The language and the commands are a subset (see docs/emulated-lab.md); what is outside it is
 * refused with {@code not modelled by the emulated lab: ...} and status 127.
 *
 * <p>Thread-safe: every call has its own shell state; the node's disk and model are shared.
 */
public final class NodeInterpreter {
    private static final String LOGIN_PATH =
            "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin:/usr/games:/usr/local/games:/snap/bin";

    private final NodeHost host;
    private final Dispatcher dispatcher;

    public NodeInterpreter(NodeHost host) {
        this.host = host;
        this.dispatcher = new Dispatcher(host);
    }

    /**
     * Runs {@code commandLine} as {@code user} ({@code vagrant} or {@code root}) in the user's home.
     * Background programs started by the line may keep writing to {@code out}/{@code err} only
     * until this method returns; after that their output to these streams is dropped, as a
     * process's output to a closed SSH channel is.
     *
     * @return the exit status; throws {@link java.io.UncheckedIOException} when the streams fail
     *         (the SSH channel closed under the command)
     */
    public int run(String commandLine, String user, InputStream in, OutputStream out, OutputStream err) {
        DetachableOutput o = new DetachableOutput(out);
        DetachableOutput e = new DetachableOutput(err);
        try {
            Proc proc = new Proc(user, "/", Map.of()).withEnv(loginEnvironment(user));
            proc = new Proc(user, proc.home(), proc.env());
            ShellState st = new ShellState(Dialect.BASH, "bash", List.of(), host.allocatePid(), proc);
            return new Shell(host, dispatcher, st).runText(commandLine, new Streams(in, o, e));
        } finally {
            o.detach();
            e.detach();
        }
    }

    private static Map<String, String> loginEnvironment(String user) {
        Map<String, String> env = new TreeMap<>();
        String home = Proc.ROOT.equals(user) ? "/root" : "/home/" + user;
        env.put("HOME", home);
        env.put("USER", user);
        env.put("LOGNAME", user);
        env.put("SHELL", "/bin/bash");
        env.put("PATH", LOGIN_PATH);
        env.put("LANG", "en_US.UTF-8");
        env.put("PWD", home);
        return env;
    }
}
