package dev.k3slab.scenario;

import dev.k3slab.check.BootCaseSpec;
import dev.k3slab.check.CheckSpec;
import dev.k3slab.check.Condition;
import dev.k3slab.check.ObservationKind;
import dev.k3slab.check.SplitBrainSpec;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One step of a scenario, as loaded and validated. Static variables are already substituted; a
 * command may still hold {@code ${name}} references to run variables (values captured by earlier
 * steps, such as the node token), substituted when the step runs.
 */
public sealed interface Step {

    /** Where the step was written and what it is called. */
    Header header();

    /** The step's kind as written in a scenario: {@code run}, {@code wait}, {@code check}, ... */
    String kind();

    /** The node the step acts on or observes from, when it has one. */
    default Optional<String> node() {
        return Optional.empty();
    }

    default String name() {
        return header().name();
    }

    /**
     * Where a step stands.
     *
     * @param index 0-based position in its scenario
     * @param name  the step's sentence
     * @param file  the scenario file as named to the loader
     * @param line  1-based line of the step
     * @param path  YAML path, e.g. {@code steps[4]}
     */
    record Header(int index, String name, String file, int line, String path) {
        /** {@code file:line}, for messages. */
        public String where() {
            return file + ":" + line;
        }
    }

    /** Runs a command on a node and waits for it; an exit status other than the expected one is a FAIL. */
    record Run(Header header, String on, String command, OptionalInt expectExit, String expectOutput, Duration timeout,
               String capture, boolean secret) implements Step {
        public String kind() {
            return "run";
        }

        public Optional<String> node() {
            return Optional.of(on);
        }
    }

    /**
     * Starts a command that outlives the step (the experiments' {@code k3s server ... &}), its output
     * going to a log; its process id is written to {@code pidFile} on the node when one is named (null
     * otherwise), so that a later step, or a later experiment, can end it.
     */
    record Background(Header header, String on, String command, String logFile, Duration timeout, String pidFile)
            implements Step {
        public String kind() {
            return "background";
        }

        public Optional<String> node() {
            return Optional.of(on);
        }
    }

    /** Reboots a machine ({@code vagrant reload}) and reconnects to it. */
    record Reboot(Header header, String target, Duration timeout) implements Step {
        public String kind() {
            return "reboot";
        }

        public Optional<String> node() {
            return Optional.of(target);
        }
    }

    /** Deletes a flag line and its value line from a systemd unit file, then reloads systemd. */
    record EditUnit(Header header, String target, String unit, String deleteFlag, boolean daemonReload) implements Step {
        public String kind() {
            return "edit-unit";
        }

        public Optional<String> node() {
            return Optional.of(target);
        }

        /** The unit file on the node. */
        public String unitFile() {
            return "/etc/systemd/system/" + unit + ".service";
        }
    }

    /** Polls a condition on fresh observations until it holds, within a bound on the lab's clock. */
    record Wait(Header header, Condition until, Duration within, Duration poll, Condition failFast) implements Step {
        public String kind() {
            return "wait";
        }

        public Optional<String> node() {
            return Optional.of(until.from());
        }
    }

    /** Lets time pass on the lab's clock (the emulated clock moves; a real lab sleeps). */
    record Hold(Header header, Duration duration) implements Step {
        public String kind() {
            return "hold";
        }
    }

    /** Observes one thing from one node and keeps it under a name for later checks. */
    record Observe(Header header, ObservationKind what, String from, String as, String path, String unit) implements Step {
        public String kind() {
            return "observe";
        }

        public Optional<String> node() {
            return Optional.of(from);
        }
    }

    /** Starts or stops the monitor loop on a node ({@code kubectl get nodes} and {@code member list} every interval). */
    record Monitor(Header header, boolean start, String on, Duration every) implements Step {
        public String kind() {
            return "monitor";
        }

        public Optional<String> node() {
            return Optional.ofNullable(on);
        }
    }

    /** Tests a relation over observations made earlier. */
    record Check(Header header, CheckSpec spec) implements Step {
        public String kind() {
            return "check";
        }
    }

    /** Decides split brain from two viewpoints. */
    record Verdict(Header header, SplitBrainSpec spec) implements Step {
        public String kind() {
            return "verdict";
        }
    }

    /** Records (and optionally checks) a cell of the boot matrix. */
    record BootCase(Header header, BootCaseSpec spec) implements Step {
        public String kind() {
            return "boot-case";
        }

        public Optional<String> node() {
            return Optional.of(spec.node());
        }
    }
}
