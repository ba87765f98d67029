package dev.k3slab.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens the rendered report in headless Chromium (Debian's {@code chromium}; CI installs it): a
 * screenshot beside the report that is not blank, the tables in the DOM, no console messages. The
 * report is written under {@code target/chromium-render/} so the screenshot can be looked at.
 */
class ReportChromiumTest {
    private static final Path OUT = Path.of("target", "chromium-render");
    private static Path chromium;

    @TempDir
    Path profile;

    @BeforeAll
    static void findChromium() {
        chromium = onPath("chromium");
        assumeTrue(chromium != null, "chromium is not on PATH (apt-get install chromium); the render test is skipped");
    }

    @Test
    void theReportRendersInHeadlessChromiumWithItsTablesAndNoConsoleErrors() throws Exception {
        Path folder = new ReportWriter().write(SourceRun.run(), OUT);
        Path html = folder.resolve(ReportWriter.HTML).toAbsolutePath();
        Path png = folder.resolve("report.png");
        Files.deleteIfExists(png);

        Result shot = chromium(profile.resolve("shot"), "--screenshot=" + png.toAbsolutePath(), "--window-size=1280,2400",
                html.toUri().toString());
        assertThat(png).as("screenshot; chromium said:%n%s", shot.stderr).isRegularFile();
        assertThat(shot.consoleLines()).as("console messages").isEmpty();
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(1280);
        assertThat(inkedShare(image)).as("share of non-white pixels").isGreaterThan(0.02);

        Result dom = chromium(profile.resolve("dom"), "--dump-dom", html.toUri().toString());
        assertThat(dom.consoleLines()).as("console messages").isEmpty();
        assertThat(dom.stdout).contains("<table id=\"comparison\"", "<table id=\"boot-matrix-table\"",
                "<table id=\"member-removal-table\"", "<table id=\"join-flags-table\"", "<table id=\"verdicts\"",
                "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"timeline\"", "id=\"emulated-banner\"");
        assertThat(HtmlTables.rows(dom.stdout, "comparison")).hasSize(4);
    }

    @Test
    void aReportWithoutMonitorSamplesAlsoRendersCleanly() throws Exception {
        Path folder = new ReportWriter().write(SourceRun.run(SourceRun.experiments().subList(0, 2), List.of()),
                OUT.resolve("no-timeline"));
        Result dom = chromium(profile, "--dump-dom", folder.resolve(ReportWriter.HTML).toAbsolutePath().toUri().toString());
        assertThat(dom.consoleLines()).isEmpty();
        assertThat(dom.stdout).contains("no monitor samples in this run", "<table id=\"comparison\"");
    }

    private record Result(String stdout, String stderr) {
        /** Chromium logs each console message (errors included) as an INFO:CONSOLE line on stderr. */
        List<String> consoleLines() {
            return stderr.lines().filter(l -> l.contains(":CONSOLE") || l.contains("Uncaught")).toList();
        }
    }

    private static Result chromium(Path userDataDir, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + userDataDir, "--enable-logging=stderr", "--v=0"));
        command.addAll(List.of(args));
        Path stdout = Files.createTempFile("chromium", ".out");
        Path stderr = Files.createTempFile("chromium", ".err");
        try {
            Process p = new ProcessBuilder(command).redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
            if (!p.waitFor(90, TimeUnit.SECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                throw new AssertionError("chromium did not finish within 90 s: " + command);
            }
            return new Result(Files.readString(stdout, StandardCharsets.UTF_8), Files.readString(stderr, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(stdout);
            Files.deleteIfExists(stderr);
        }
    }

    private static double inkedShare(BufferedImage image) {
        long inked = 0;
        for (int y = 0; y < image.getHeight(); y += 2) {
            for (int x = 0; x < image.getWidth(); x += 2) {
                int rgb = image.getRGB(x, y);
                if ((rgb & 0xff) < 240 || (rgb >> 8 & 0xff) < 240 || (rgb >> 16 & 0xff) < 240) {
                    inked++;
                }
            }
        }
        return inked / ((image.getWidth() / 2.0) * (image.getHeight() / 2.0));
    }

    private static Path onPath(String name) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(dir, name);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }
}
