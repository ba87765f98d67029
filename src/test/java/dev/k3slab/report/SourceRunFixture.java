package dev.k3slab.report;

import dev.k3slab.record.RunRecord;

/** The source-mirroring run record, for tests outside this package (the CLI's). */
public final class SourceRunFixture {
    private SourceRunFixture() {
    }

    public static RunRecord run() {
        return SourceRun.run();
    }
}
