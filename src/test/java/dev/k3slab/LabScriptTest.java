package dev.k3slab;

import static org.assertj.core.api.Assertions.assertThat;

import dev.k3slab.testing.ExternalTool;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code lab} launcher, run by bash in a scratch checkout whose {@code mvnw} and {@code java}
 * are stand-ins that record how they were called: what it builds, when, and what it runs.
 */
class LabScriptTest {
    private static final Path LAB = Path.of("lab").toAbsolutePath();

    @TempDir
    Path tmp;
    private Path checkout;
    private Path bin;

    @BeforeEach
    void scratchCheckout() throws IOException {
        checkout = Files.createDirectories(tmp.resolve("checkout"));
        Files.copy(LAB, checkout.resolve("lab"));
        Files.createDirectories(checkout.resolve("src/main/java"));
        Files.writeString(checkout.resolve("src/main/java/A.java"), "class A {}\n");
        Files.writeString(checkout.resolve("pom.xml"), "<project/>\n");
        // Records each build, takes a moment (so that concurrent launchers overlap), fails on request.
        script(checkout.resolve("mvnw"), """
                #!/bin/sh
                echo "mvnw $*" >> "$CALLS"
                sleep 1
                [ "${FAIL_BUILD:-}" = 1 ] && { echo "[ERROR] COMPILATION ERROR: A.java:[1,9] ';' expected"; exit 1; }
                mkdir -p target
                echo jar > target/k3s-lab-0.1.0-SNAPSHOT.jar
                for a in "$@"; do case "$a" in -DoutputDirectory=*) echo dep > "${a#-DoutputDirectory=}/dep.jar" ;; esac; done
                """);
        bin = Files.createDirectories(tmp.resolve("bin"));
        script(bin.resolve("java"), """
                #!/bin/sh
                if [ "$1" = -version ]; then echo "openjdk version \\"${JAVA_VERSION_SHOWN:-17.0.15}\\" 2025-04-15" >&2; exit 0; fi
                echo "java $*"
                """);
    }

    @Test
    void theFirstRunBuildsOnceQuietlyAndRunsTheCliWithTheCheckoutAsLabHome() throws Exception {
        ExternalTool.Run run = lab(Map.of(), "vagrantfile", "--check");

        assertThat(run.exitCode()).as(run.stderr()).isZero();
        assertThat(run.stderr()).isEqualTo("Building k3s-lab (first run)...\n");
        assertThat(calls()).containsExactly("mvnw -q -B -Dmaven.test.skip=true package dependency:copy-dependencies"
                + " -DincludeScope=runtime -DoutputDirectory=" + build() + "/lib");
        assertThat(run.stdout()).isEqualTo("java -Dlab.home=" + checkout.toRealPath() + " -cp " + build()
                + "/k3s-lab.jar:" + build() + "/lib/* dev.k3slab.cli.LabCommand vagrantfile --check\n");
    }

    @Test
    void laterRunsReuseTheBuildUntilASourceChanges() throws Exception {
        lab(Map.of(), "--help");
        ExternalTool.Run again = lab(Map.of(), "--help");
        Files.writeString(checkout.resolve("src/main/java/A.java"), "class A { int x; }\n");
        ExternalTool.Run changed = lab(Map.of(), "--help");

        assertThat(again.stderr()).isEmpty();
        assertThat(changed.stderr()).isEqualTo("Rebuilding k3s-lab (sources changed)...\n");
        assertThat(calls()).hasSize(2);
        assertThat(changed.stdout()).contains("-cp " + build() + "/k3s-lab.jar");
    }

    @Test
    void concurrentFirstRunsBuildOnlyOnce() throws Exception {
        List<CompletableFuture<ExternalTool.Run>> runs = List.of(
                CompletableFuture.supplyAsync(() -> labUnchecked("--help")),
                CompletableFuture.supplyAsync(() -> labUnchecked("--help")),
                CompletableFuture.supplyAsync(() -> labUnchecked("--help")));

        for (CompletableFuture<ExternalTool.Run> run : runs) {
            assertThat(run.get().exitCode()).as(run.get().stderr()).isZero();
            assertThat(run.get().stdout()).contains("dev.k3slab.cli.LabCommand --help");
        }
        assertThat(calls()).hasSize(1);
    }

    @Test
    void aFailedBuildShowsWhyAndLeavesNoBuildBehind() throws Exception {
        ExternalTool.Run run = lab(Map.of("FAIL_BUILD", "1"), "--help");

        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.stderr()).contains("COMPILATION ERROR: A.java", "lab: the build failed",
                "Run './mvnw -B package' in " + checkout.toRealPath());
        assertThat(run.stdout()).isEmpty();
        try (var builds = Files.list(checkout.resolve("target/lab"))) {
            assertThat(builds.map(p -> p.getFileName().toString())).containsExactly("build.log");
        }
    }

    @Test
    void withoutJavaItSaysWhatToInstall() throws Exception {
        Path noJava = Files.createDirectories(tmp.resolve("no-java"));
        Files.createSymbolicLink(noJava.resolve("dirname"), ExternalTool.onPath("dirname").orElseThrow());
        Map<String, String> env = new HashMap<>();
        env.put("PATH", noJava.toString());
        env.put("JAVA_HOME", null);

        ExternalTool.Run run = bash().run(tmp, env, 30, checkout.resolve("lab").toString(), "--help");

        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.stderr()).startsWith("lab: k3s-lab needs Java 17 or newer, and there is no 'java' on the PATH"
                + " and no JAVA_HOME.\nInstall a JDK 17");
        assertThat(calls()).isEmpty();
    }

    @Test
    void anOldJavaIsRefusedBeforeAnyBuild() throws Exception {
        ExternalTool.Run run = lab(Map.of("JAVA_VERSION_SHOWN", "11.0.2"), "--help");

        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.stderr()).startsWith("lab: k3s-lab needs Java 17 or newer; " + bin.resolve("java") + " is Java 11.0.2.");
        assertThat(calls()).isEmpty();
    }

    @Test
    void itWorksThroughASymlinkFromAnotherFolder() throws Exception {
        Path link = Files.createSymbolicLink(tmp.resolve("bin/lab"), checkout.resolve("lab"));

        ExternalTool.Run run = bash().run(tmp, env(Map.of()), 60, link.toString(), "--version");

        assertThat(run.exitCode()).as(run.stderr()).isZero();
        assertThat(run.stdout()).contains("-Dlab.home=" + checkout.toRealPath() + " ");
    }

    @Test
    void theLauncherAndCiScriptAreExecutableBashWithoutSyntaxErrors() throws Exception {
        for (String script : List.of("lab", ".ci/run", "mvnw")) {
            Path file = Path.of(script);
            assertThat(Files.isExecutable(file)).as("%s is executable", script).isTrue();
            assertThat(bash().run(Path.of(""), Map.of(), 30, "-n", script).exitCode()).as("bash -n %s", script).isZero();
        }
        assertThat(Files.readAllLines(Path.of(".ci/run"))).as(".ci/run runs the README's test command")
                .contains("./mvnw -B verify");
    }

    private ExternalTool.Run lab(Map<String, String> extraEnv, String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(checkout.resolve("lab").toString()));
        command.addAll(List.of(args));
        return bash().run(tmp, env(extraEnv), 60, command.toArray(String[]::new));
    }

    private ExternalTool.Run labUnchecked(String... args) {
        try {
            return lab(Map.of(), args);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, String> env(Map<String, String> extra) {
        Map<String, String> env = new HashMap<>(extra);
        env.put("PATH", bin + ":" + System.getenv("PATH"));
        env.put("JAVA_HOME", null);
        env.put("CALLS", tmp.resolve("calls").toString());
        return env;
    }

    private static ExternalTool bash() {
        return ExternalTool.require("bash");
    }

    private List<String> calls() throws IOException {
        Path calls = tmp.resolve("calls");
        return Files.exists(calls) ? Files.readAllLines(calls) : List.of();
    }

    /** The build folder in use, as the launcher names it. */
    private Path build() throws IOException {
        Path builds = checkout.toRealPath().resolve("target/lab");
        return builds.resolve(Files.readString(builds.resolve("current")).strip());
    }

    private static void script(Path file, String text) throws IOException {
        Files.writeString(file, text);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
}
