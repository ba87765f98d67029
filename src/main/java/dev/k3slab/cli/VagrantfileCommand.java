package dev.k3slab.cli;

import dev.k3slab.topology.LabHome;
import dev.k3slab.topology.Topology;
import dev.k3slab.topology.TopologyLoader;
import dev.k3slab.topology.VagrantfileRenderer;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ./lab vagrantfile}: renders the Vagrantfile from the lab topology, or with {@code --check}
 * tells whether the committed one is current. A broken topology writes nothing.
 */
@Command(name = "vagrantfile",
        mixinStandardHelpOptions = true,
        description = {
                "Render vagrant/Vagrantfile from vagrant/topology.yaml.",
                "With --check, write nothing: exit 1 with a diff when the file is not what the topology renders.",
                "A topology with problems is refused (exit 2) with every problem listed, and nothing is written."})
public final class VagrantfileCommand implements Callable<Integer> {

    @Option(names = "--topology", paramLabel = "FILE",
            description = "Topology to render (default: vagrant/topology.yaml of the checkout).")
    Path topology;

    @Option(names = "--output", paramLabel = "FILE",
            description = "Vagrantfile to write or check (default: vagrant/Vagrantfile of the checkout); - writes to stdout.")
    String output;

    @Option(names = "--check", description = "Do not write; compare the Vagrantfile with what the topology renders.")
    boolean check;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Optional<Path> home = LabHome.find();
        if ((topology == null || output == null) && home.isEmpty()) {
            err.println(spec.qualifiedName() + ": cannot find the k3s-lab checkout (no " + LabHome.TOPOLOGY
                    + " at or above " + Path.of("").toAbsolutePath() + "); run ./lab from the checkout,"
                    + " or pass both --topology and --output");
            return ExitCodes.MISSING_PREREQUISITE;
        }
        Path topologyFile = topology != null ? topology : home.get().resolve(LabHome.TOPOLOGY);
        String source = display(topologyFile, home);
        Topology lab = TopologyLoader.load(topologyFile);
        String rendered = VagrantfileRenderer.render(lab, source);

        if ("-".equals(output)) {
            out.print(rendered);
            out.flush();
            return ExitCodes.OK;
        }
        Path target = output != null ? Path.of(output) : home.get().resolve(LabHome.VAGRANTFILE);
        String targetName = display(target, home);
        Optional<String> current = read(target);
        if (check) {
            return check(current, rendered, targetName, source, out, err);
        }
        if (current.isPresent() && current.get().equals(rendered)) {
            out.println(targetName + " is up to date with " + source);
            return ExitCodes.OK;
        }
        write(target, rendered);
        out.println("Wrote " + targetName + ": " + lab.nodes().size() + " machines (" + String.join(", ", lab.names())
                + ") from " + source);
        return ExitCodes.OK;
    }

    private int check(Optional<String> current, String rendered, String targetName, String source,
                      PrintWriter out, PrintWriter err) {
        String regenerate = "./lab vagrantfile" + (topology == null ? "" : " --topology " + source)
                + (output == null ? "" : " --output " + targetName);
        if (current.isEmpty()) {
            err.println(targetName + " does not exist; run " + regenerate + " to write it");
            return ExitCodes.CHECKS_FAILED;
        }
        if (current.get().equals(rendered)) {
            out.println(targetName + " is up to date with " + source);
            return ExitCodes.OK;
        }
        out.print(UnifiedDiff.diff(targetName, current.get(), targetName + " (as " + source + " renders it)", rendered));
        out.flush();
        if (current.get().replace("\r\n", "\n").equals(rendered)) {
            err.println(targetName + " differs only in line endings (CRLF instead of LF): check git's core.autocrlf;"
                    + " .gitattributes asks for LF");
        } else {
            err.println(targetName + " is not what " + source + " renders (diff above); run " + regenerate
                    + " and commit the result");
        }
        return ExitCodes.CHECKS_FAILED;
    }

    private static Optional<String> read(Path file) {
        try {
            return Optional.of(Files.readString(file, StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** Writes through a temporary file and a rename, so that the Vagrantfile is never half written. */
    private static void write(Path target, String text) {
        Path absolute = target.toAbsolutePath();
        try {
            Files.createDirectories(absolute.getParent());
            Path temp = Files.createTempFile(absolute.getParent(), ".Vagrantfile", ".tmp");
            try {
                Files.writeString(temp, text, StandardCharsets.UTF_8);
                Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        }
    }

    /** A path as the user thinks of it: relative to the checkout when inside it, else as given. */
    private static String display(Path file, Optional<Path> home) {
        Path absolute = file.toAbsolutePath().normalize();
        if (home.isPresent() && absolute.startsWith(home.get())) {
            return home.get().relativize(absolute).toString();
        }
        return file.toString();
    }
}
