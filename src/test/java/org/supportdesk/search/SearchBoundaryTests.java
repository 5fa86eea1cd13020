package org.supportdesk.search;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The query language is plain Java: no Spring, no database, nothing else of ours. */
class SearchBoundaryTests {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.supportdesk.search");

    @Test
    void dependsOnlyOnTheJdk() {
        classes()
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage("org.supportdesk.search..", "java..")
                .because("the query language is parsed and rendered without Spring or a database")
                .check(classes);
    }
}
