package dev.k3slab;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The package list is the architecture: dependencies point one way, from {@code cli} down to
 * {@code topology} and {@code yaml}. Packages that do not exist yet are allowed (optional layers);
 * once they do, the rules hold for them.
 */
@AnalyzeClasses(packages = "dev.k3slab", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule dependenciesPointOneWay = layeredArchitecture()
            .consideringOnlyDependenciesInLayers()
            .withOptionalLayers(true)
            .layer("Yaml").definedBy("dev.k3slab.yaml..")
            .layer("Topology").definedBy("dev.k3slab.topology..")
            .layer("Machine").definedBy("dev.k3slab.machine..")
            .layer("Shell").definedBy("dev.k3slab.shell..")
            .layer("Observe").definedBy("dev.k3slab.observe..")
            .layer("Record").definedBy("dev.k3slab.record..")
            .layer("Check").definedBy("dev.k3slab.check..")
            .layer("Report").definedBy("dev.k3slab.report..")
            .layer("Emulator").definedBy("dev.k3slab.emulator..")
            .layer("Scenario").definedBy("dev.k3slab.scenario..")
            .layer("Cli").definedBy("dev.k3slab.cli..")

            .whereLayer("Yaml").mayNotAccessAnyLayer()
            .whereLayer("Topology").mayOnlyAccessLayers("Yaml")
            .whereLayer("Machine").mayOnlyAccessLayers("Topology", "Yaml")
            .whereLayer("Shell").mayOnlyAccessLayers("Machine", "Topology", "Yaml")
            // Parsers read text into records: nothing of machines or shells.
            .whereLayer("Observe").mayOnlyAccessLayers("Topology")
            .whereLayer("Record").mayOnlyAccessLayers("Observe", "Topology")
            // The emulator implements the machine seam; the rest reaches it only through machine interfaces.
            .whereLayer("Emulator").mayOnlyAccessLayers("Machine", "Topology", "Yaml")
            .whereLayer("Emulator").mayOnlyBeAccessedByLayers("Cli", "Scenario")
            .whereLayer("Check").mayOnlyBeAccessedByLayers("Scenario", "Cli")
            .whereLayer("Report").mayOnlyBeAccessedByLayers("Scenario", "Cli")
            .whereLayer("Scenario").mayOnlyBeAccessedByLayers("Cli")
            .whereLayer("Cli").mayNotBeAccessedByAnyLayer();

    /** Parsers are pure: no files, no network, no clock (the caller passes {@code now} in). */
    @ArchTest
    static final ArchRule parsersDoNoInputOutput = noClasses()
            .that().resideInAPackage("dev.k3slab.observe..")
            .should().dependOnClassesThat().resideInAnyPackage("java.nio.file..", "java.net..", "java.nio.channels..")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("java.io.File")
            .orShould().callMethod(System.class, "currentTimeMillis")
            .orShould().callMethodWhere(JavaCall.Predicates.target(DescribedPredicate.describe("now() of java.time",
                    t -> t.getName().equals("now") && t.getOwner().getPackageName().equals("java.time"))));
}
