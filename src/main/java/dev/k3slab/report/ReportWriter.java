package dev.k3slab.report;

import com.fasterxml.jackson.databind.JsonNode;
import dev.k3slab.record.RunRecord;
import dev.k3slab.shell.SecretMasker;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Writes a run's report folder and reads it back. {@code <reports>/<run-id>/} receives
 * {@code report.json} (the run record), {@code report.html} and {@code report.md}; {@code <reports>/latest}
 * then points at it. Every string is passed through the {@link SecretMasker} before anything is written,
 * so a token that slipped into an output, an observation or a message never reaches a file. Stateless
 * apart from the masker; safe to share.
 */
public final class ReportWriter {
    public static final String JSON = "report.json";
    public static final String HTML = "report.html";
    public static final String MARKDOWN = "report.md";

    private final SecretMasker masker;
    private final ReportRenderer renderer = new ReportRenderer();

    /** A writer that masks token-shaped values (no registered secrets). */
    public ReportWriter() {
        this(new SecretMasker());
    }

    /** A writer that masks the secrets registered with {@code masker} and every token-shaped value. */
    public ReportWriter(SecretMasker masker) {
        this.masker = Objects.requireNonNull(masker, "masker");
    }

    /** The files of one rendered run. */
    public record Written(Path folder, Path json, Path html, Path markdown) {
    }

    /**
     * Writes {@code <reportsDir>/<runId>/report.json|html|md} and points {@code <reportsDir>/latest} at it.
     *
     * @return the run folder
     * @throws ReportException when the run id is not a plain folder name or a file cannot be written
     */
    public Path write(RunRecord run, Path reportsDir) {
        String runId = run.runId();
        if (runId == null || !runId.matches("[A-Za-z0-9][A-Za-z0-9._-]*") || runId.equals(LatestLink.NAME)) {
            throw new ReportException(reportsDir, "run id '" + runId + "' cannot name a report folder",
                    "use letters, digits, '.', '_' and '-' only (e.g. 20261204-153000-emulated), not 'latest'", null);
        }
        Path folder = reportsDir.resolve(runId);
        JsonNode tree = ReportJson.maskedTree(run, masker);
        try {
            Files.createDirectories(folder);
            ReportJson.write(tree, folder.resolve(JSON));
        } catch (IOException e) {
            throw new ReportException(folder.resolve(JSON), "cannot be written: " + e.getMessage(),
                    "check that " + reportsDir + " is writable and the disk is not full", e);
        }
        renderMasked(ReportJson.fromTree(tree), folder);
        try {
            LatestLink.update(reportsDir, runId);
        } catch (IOException e) {
            throw new ReportException(reportsDir.resolve(LatestLink.NAME), "cannot be updated: " + e.getMessage(),
                    "check that " + reportsDir + " is writable; the run itself is in " + folder, e);
        }
        return folder;
    }

    /**
     * Reads a {@code report.json} back into a run record.
     *
     * @throws UnreadableReportException when the file is missing or is not a run record
     */
    public RunRecord read(Path reportJson) {
        return ReportJson.read(reportJson);
    }

    /**
     * Renders {@code report.html} and {@code report.md} into {@code folder} (which holds, or will hold,
     * the run's {@code report.json}); the record is masked again first. Touches nothing else.
     */
    public Written render(RunRecord run, Path folder) {
        return renderMasked(ReportJson.fromTree(ReportJson.maskedTree(run, masker)), folder);
    }

    private Written renderMasked(RunRecord masked, Path folder) {
        ReportModel model = ReportModel.of(masked);
        Path html = folder.resolve(HTML);
        Path markdown = folder.resolve(MARKDOWN);
        try {
            Files.createDirectories(folder);
            Files.writeString(html, renderer.html(model), StandardCharsets.UTF_8);
            Files.writeString(markdown, renderer.markdown(model), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ReportException(folder, "cannot write the report: " + e.getMessage(),
                    "check that the folder is writable and the disk is not full", e);
        }
        return new Written(folder, folder.resolve(JSON), html, markdown);
    }
}
