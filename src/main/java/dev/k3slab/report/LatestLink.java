package dev.k3slab.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;

/**
 * {@code <reports>/latest}: a relative symlink to the newest run folder, or, where symlinks cannot be
 * made (some Windows setups), a text file holding the run id. Both forms are read back.
 */
final class LatestLink {
    static final String NAME = "latest";

    private LatestLink() {
    }

    /** Points {@code latest} at {@code runId}, replacing the previous pointer in one rename. */
    static void update(Path reportsDir, String runId) throws IOException {
        Path latest = reportsDir.resolve(NAME);
        if (Files.isDirectory(latest, LinkOption.NOFOLLOW_LINKS)) {
            throw new ReportException(latest, "is a real folder, not the pointer to the newest run",
                    "move it away (it is not one of k3s-lab's run folders) and run again", null);
        }
        Path temp = reportsDir.resolve(NAME + ".tmp-" + UUID.randomUUID());
        Files.deleteIfExists(temp);
        try {
            Files.createSymbolicLink(temp, Path.of(runId));
        } catch (UnsupportedOperationException | FileSystemException e) {
            Files.writeString(temp, runId + "\n", StandardCharsets.UTF_8);
        }
        Files.move(temp, latest, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** The run folder {@code latest} points at. */
    static Path resolve(Path reportsDir) {
        Path latest = reportsDir.resolve(NAME);
        try {
            if (Files.isSymbolicLink(latest)) {
                return reportsDir.resolve(Files.readSymbolicLink(latest));
            }
            if (Files.isRegularFile(latest)) {
                String runId = Files.readString(latest, StandardCharsets.UTF_8).strip();
                if (!runId.isEmpty()) {
                    return reportsDir.resolve(runId);
                }
                throw new UnreadableReportException(latest, "is empty; it should hold the newest run's id",
                        "name the run explicitly (`./lab report <run-id>`), see `ls " + reportsDir + "`");
            }
        } catch (IOException e) {
            throw new UnreadableReportException(latest, "cannot be read: " + e.getMessage(),
                    "name the run explicitly (`./lab report <run-id>`)", e);
        }
        throw new UnreadableReportException(latest, "does not exist: no run has been recorded in " + reportsDir + " yet",
                "run `./lab run` first, or point --report-dir at the folder that holds your runs");
    }
}
