package io.parkwatch.bench;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.Architectures.LayeredArchitecture;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The modules' dependency direction and acyclic packages, checked on production classes. Lives in
 * bench, the top module, because only its test classpath holds every module's classes.
 *
 * <p>A module is the third segment of its package ({@code io.parkwatch.ingest..} is ingest).
 */
class ArchitectureTest {

    private static final String[] SERVICES = {"ingest", "streams", "alerts", "sink", "console", "simulator"};
    private static final String[] MODULES = Stream.concat(
        Stream.of("contracts", "transport", "infra", "testkit", "cli", "bench"), Arrays.stream(SERVICES))
        .toArray(String[]::new);

    /** Every module's main classes (test classes are left out: a test may reach anywhere). */
    private static final JavaClasses PRODUCTION = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("io.parkwatch");

    /** One slice per package: no two packages of the project import each other, however indirectly. */
    @Test
    void packagesAreFreeOfCycles() {
        slices().matching("io.parkwatch.(**)").should().beFreeOfCycles().check(PRODUCTION);
    }

    /** A class outside every known module would escape the direction rule; a new module must be added here. */
    @Test
    void everyClassBelongsToAModule() {
        classes().that().resideInAPackage("io.parkwatch..")
            .should().resideInAnyPackage(Arrays.stream(MODULES).map(ArchitectureTest::packagesOf).toArray(String[]::new))
            .check(PRODUCTION);
    }

    /**
     * contracts imports no module; transport only contracts; infra only those two; a service
     * (ingest, streams, alerts, sink, console, simulator) only contracts and transport; cli every
     * module but bench; and nothing imports testkit, a test-only module.
     */
    @Test
    void modulesDependDownwardOnly() {
        modules().check(PRODUCTION);
    }

    private static ArchRule modules() {
        LayeredArchitecture layers = layeredArchitecture().consideringOnlyDependenciesInLayers();
        for (String module : MODULES) {
            layers = layers.layer(module).definedBy(packagesOf(module));
        }
        layers = layers
            .whereLayer("contracts").mayNotAccessAnyLayer()
            .whereLayer("transport").mayOnlyAccessLayers("contracts")
            .whereLayer("infra").mayOnlyAccessLayers("contracts", "transport")
            .whereLayer("testkit").mayOnlyAccessLayers("contracts", "transport", "infra")
            .whereLayer("testkit").mayNotBeAccessedByAnyLayer()
            .whereLayer("cli").mayOnlyAccessLayers(with("contracts", "transport", "infra"))
            .whereLayer("bench").mayOnlyAccessLayers(with("contracts", "transport", "infra", "cli"));
        for (String service : SERVICES) {
            layers = layers.whereLayer(service).mayOnlyAccessLayers("contracts", "transport");
        }
        return layers;
    }

    private static String[] with(String... modules) {
        return Stream.concat(Arrays.stream(modules), Arrays.stream(SERVICES)).toArray(String[]::new);
    }

    private static String packagesOf(String module) {
        return "io.parkwatch." + module + "..";
    }
}
