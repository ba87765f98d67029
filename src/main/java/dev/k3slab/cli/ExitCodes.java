package dev.k3slab.cli;

/**
 * The exit codes of {@code ./lab}, by name. Scripts and CI read them: keep the numbers stable.
 */
public final class ExitCodes {
    /** Everything ran and every check passed. */
    public static final int OK = 0;
    /** It ran, and something differed from what was expected: a check failed, a file is stale. */
    public static final int CHECKS_FAILED = 1;
    /** The result is unknown: the input is broken (a bad topology) or the harness or a probe broke. */
    public static final int UNKNOWN_OR_BROKEN = 2;
    /** Something the command needs is missing (Vagrant, VirtualBox, a checkout); the message says what. */
    public static final int MISSING_PREREQUISITE = 3;
    /** The command line itself is wrong: unknown option, missing argument (EX_USAGE of sysexits.h). */
    public static final int USAGE = 64;

    private ExitCodes() {
    }
}
