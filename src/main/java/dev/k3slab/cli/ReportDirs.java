package dev.k3slab.cli;

import dev.k3slab.topology.LabHome;
import java.nio.file.Path;

/** Where runs are stored when no {@code --report-dir} is given: {@code reports/} of the checkout. */
final class ReportDirs {
    private ReportDirs() {
    }

    /** {@code <lab home>/reports}, or {@code ./reports} outside a checkout. */
    static Path defaultDir() {
        return LabHome.find().map(home -> home.resolve("reports")).orElse(Path.of("reports"));
    }
}
