package org.supportdesk.classification;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The classifier is plain Java: no Spring, no other project package; Jackson only to read the rules file. */
class ClassificationBoundaryTests {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            // Not the bean definitions Spring AOT generates at build time (Foo__BeanDefinitions).
            .withImportOption(location -> !location.contains("__"))
            .importPackages("org.supportdesk.classification");

    @Test
    void dependsOnlyOnTheJdkAndJacksonCore() {
        classes()
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage("org.supportdesk.classification..", "java..", "tools.jackson.core..")
                .check(classes);
    }
}
