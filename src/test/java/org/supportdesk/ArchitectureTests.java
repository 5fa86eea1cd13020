package org.supportdesk;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The boundaries the build keeps between features. The pure parts have rules of their own:
 * ClassificationBoundaryTests (the classifier) and ImportsBoundaryTests (the file parsers).
 */
class ArchitectureTests {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            // Not the bean definitions Spring AOT generates at build time (Foo__BeanDefinitions):
            // they wire every package together by design.
            .withImportOption(location -> !location.contains("__"))
            .importPackages("org.supportdesk");

    @Test
    void featurePackagesHaveNoCycles() {
        slices().matching("org.supportdesk.(*)..").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void theSystemPackageServesTheFeaturesAndDependsOnNoneOfThem() {
        noClasses()
                .that()
                .resideInAPackage("org.supportdesk.system..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.supportdesk.tickets..",
                        "org.supportdesk.imports..",
                        "org.supportdesk.stats..",
                        "org.supportdesk.security..")
                .check(CLASSES);
    }

    @Test
    void featuresKnowTheCallerOnlyAsAnActorNotHowItWasAuthenticated() {
        noClasses()
                .that()
                .resideOutsideOfPackage("org.supportdesk.security..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("org.supportdesk.security..")
                .check(CLASSES);
    }
}
