package org.supportdesk.imports;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.supportdesk.system.JsonMessages;

/** The parsers stay plain Java: no Spring, no files, no network; only the stream they are given. */
class ImportsBoundaryTests {

    // The package also holds the import's HTTP endpoints, service, background jobs and meters, which are Spring
    // beans, and the bean definitions Spring AOT generates for them at build time (Foo__...).
    private static final DescribedPredicate<JavaClass> SERVICE_SIDE = DescribedPredicate.describe(
            "the import service",
            c -> c.getName()
                            .matches(
                                    ".*[.](Import(Controller|Service|Result|Transaction|Meters|Progress|Job|Jobs|JobController|JobRun|JobFiles|JobRecords|JobStates|JobNotFound|JobNotQueued|JobOver|JobPurge|JobRestart|JobSettings|JobEnd|Uploads|UploadGone)|SharedImportJobs|SqliteImportJobEnds|UploadFormat)([$].*)?")
                    || c.getName().contains("__"));

    private final JavaClasses parsers = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.supportdesk.imports")
            .that(DescribedPredicate.not(SERVICE_SIDE));

    @Test
    void parsersUseOnlyTheJdkStaxAndJackson() {
        classes()
                .should()
                .onlyDependOnClassesThat(JavaClass.Predicates.resideInAnyPackage(
                                "java..", "javax.xml..", "tools.jackson..", "org.supportdesk.imports..", "")
                        // Plain Java over Jackson: Jackson's messages in words for the sender.
                        .or(JavaClass.Predicates.equivalentTo(JsonMessages.class)))
                .because("the import parsers are plain Java (no Spring), called by the import service")
                .check(parsers);
    }

    @Test
    void parsersDoNoIoOfTheirOwn() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("java.nio.file..", "java.net..")
                .orShould()
                .dependOnClassesThat()
                .haveFullyQualifiedName("java.io.File")
                .check(parsers);
    }
}
