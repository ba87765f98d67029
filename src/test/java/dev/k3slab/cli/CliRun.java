package dev.k3slab.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;

/** One run of {@code ./lab} in this JVM: exit code and what it printed. */
record CliRun(int exitCode, String out, String err) {

    static CliRun lab(String... args) {
        return labWithEnv(Map.of(), args);
    }

    static CliRun labWithEnv(Map<String, String> env, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = LabCommand.execute(new PrintWriter(out, true), new PrintWriter(err, true), env, args);
        return new CliRun(code, out.toString(), err.toString());
    }
}
