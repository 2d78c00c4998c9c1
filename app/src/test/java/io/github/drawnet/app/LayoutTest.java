package io.github.drawnet.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SlicesRuleDefinition;
import io.github.drawnet.api.spi.Backend;
import io.github.drawnet.api.Experiment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The layout's rules, checked on the compiled main classes of every module (this module's test
 * class path holds them all), so that a refactoring cannot quietly break them.
 */
final class LayoutTest {

    static JavaClasses main;

    @BeforeAll
    static void importMainClasses() {
        main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.github.drawnet");
        // guard against a rule passing because nothing was imported
        assertThat(main.containPackage("io.github.drawnet.backend.djl")).isTrue();
        assertThat(main.containPackage("io.github.drawnet.studio")).isTrue();
    }

    @Test
    void api_dependsOnNoEngineNoAwtNoLoggingBackend() {
        classes().that().resideInAPackage("io.github.drawnet.api..").should().onlyDependOnClassesThat()
                .resideInAnyPackage("io.github.drawnet.api..", "java..", "org.slf4j")
                .check(main);
    }

    @Test
    void libraries_neverReachTheApp() {
        noClasses().that().resideOutsideOfPackage("io.github.drawnet.app..").should().dependOnClassesThat()
                .resideInAPackage("io.github.drawnet.app..").check(main);
    }

    @Test
    void modules_dependOneWay() {
        SlicesRuleDefinition.slices().matching("io.github.drawnet.(*)..").should().beFreeOfCycles().check(main);
    }

    @Test
    void backends_areFoundNeverConstructed_outsideTheirOwnModule() {
        noClasses().that().resideOutsideOfPackage("io.github.drawnet.backend..").should().dependOnClassesThat()
                .resideInAPackage("io.github.drawnet.backend..").check(main);
    }

    @Test
    void engines_stayInsideTheirBackend() {
        noClasses().that().resideOutsideOfPackage("io.github.drawnet.backend.djl..").should().dependOnClassesThat()
                .resideInAPackage("ai.djl..").check(main);
        noClasses().that().resideOutsideOfPackage("io.github.drawnet.backend.dl4j..").should().dependOnClassesThat()
                .resideInAnyPackage("org.deeplearning4j..", "org.nd4j..").check(main);
    }

    @Test
    void onlyTheLifecycleAndTheBackends_makeModelsAndTrainers() {
        noClasses().that().resideOutsideOfPackage("io.github.drawnet.backend..")
                .and().doNotBelongToAnyOf(Experiment.class, Backend.class)
                .should().callMethod(Backend.class, "newModel", io.github.drawnet.api.NetworkSpec.class,
                        io.github.drawnet.api.Parameters.class)
                .orShould().callMethod(Backend.class, "newModel", io.github.drawnet.api.NetworkSpec.class, long.class)
                .orShould().callMethod(Backend.class, "newTrainer", io.github.drawnet.api.Model.class,
                        io.github.drawnet.api.TrainingConfig.class, io.github.drawnet.api.Dataset.class,
                        io.github.drawnet.api.Dataset.class)
                .check(main);
    }

    /** Grading reads, samples and fits a drawing through the library run, as {@code drawnet run} does. */
    @Test
    void grading_readsAndSamplesThroughTheLibraryRun() {
        noClasses().that().resideInAPackage("io.github.drawnet.grading..").should().dependOnClassesThat()
                .belongToAnyOf(io.github.drawnet.sampling.Sampler.class, io.github.drawnet.sampling.DrawingReader.class)
                .check(main);
    }

    @Test
    void frameworks_stayInTheirModule() {
        noClasses().that().resideOutsideOfPackage("io.github.drawnet.app..").should().dependOnClassesThat()
                .resideInAnyPackage("com.google.inject..", "picocli..", "ch.qos.logback..").check(main);
        noClasses().that().resideOutsideOfPackage("io.github.drawnet.studio..").should().dependOnClassesThat()
                .resideInAnyPackage("io.javalin..", "org.eclipse.jetty..").check(main);
        noClasses().that().resideOutsideOfPackage("io.github.drawnet.bench..").should().dependOnClassesThat()
                .resideInAPackage("org.openjdk.jmh..").check(main);
    }

    @Test
    void app_isTheCommandLineOnly_atMost1800Lines() throws IOException {
        Path sources = Path.of("src", "main", "java", "io", "github", "drawnet", "app");
        long lines;
        try (Stream<Path> files = Files.list(sources)) {
            lines = files.filter(p -> p.toString().endsWith(".java")).mapToLong(p -> {
                try {
                    return Files.readAllLines(p).size();
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).sum();
        }
        // one class per command: options, messages and wiring; logic lives in the library. Issue 25 moved the
        // drawing-to-run-folder corridor into drawnet-run (2,350 -> 1,800: the run's printing, progress bar, folder
        // checks, comparison). Never raised to make room: move the code into the library instead.
        assertThat(lines).isBetween(500L, 1800L);
        classes().that().resideInAPackage("io.github.drawnet.app..").and().arePublic()
                .should().haveSimpleNameEndingWith("Main").orShould().haveSimpleName("ExitCodes")
                .orShould().haveSimpleName("UserException").orShould().haveSimpleName("Version")
                .orShould().haveSimpleName("LazyFileAppender").check(main); // logback makes it by reflection
    }
}
