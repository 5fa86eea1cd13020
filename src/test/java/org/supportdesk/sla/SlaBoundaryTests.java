package org.supportdesk.sla;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The calendar and the policy are plain Java; only the settings and their check know Spring. */
class SlaBoundaryTests {

    // The settings, and the bean definitions Spring AOT generates for beans at build time (Foo__...).
    private static final DescribedPredicate<JavaClass> SETTINGS = DescribedPredicate.describe(
            "the settings",
            c -> c.getSimpleName().equals("SlaSettings")
                    || c.getSimpleName().equals("SlaConfig")
                    || c.getName().contains("__"));

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.supportdesk.sla")
            .that(DescribedPredicate.not(SETTINGS));

    @Test
    void calendarAndPolicyDependOnlyOnTheJdk() {
        classes()
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage("org.supportdesk.sla..", "java..")
                .check(classes);
    }
}
