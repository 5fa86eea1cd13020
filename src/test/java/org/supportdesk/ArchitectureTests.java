package org.supportdesk;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The boundaries the build keeps between features. The pure parts have rules of their own:
 * ClassificationBoundaryTests (the classifier) and ImportsBoundaryTests (the file parsers); the
 * floors inside tickets are in TicketsBoundaryTests.
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
                        "org.supportdesk.security..",
                        "org.supportdesk.sla..",
                        "org.supportdesk.conversation..",
                        "org.supportdesk.web..",
                        "org.supportdesk.search..",
                        "org.supportdesk.export..",
                        "org.supportdesk.learning..")
                .check(CLASSES);
    }

    /** What other features may use of tickets; a new feature that needs more widens it here, on purpose. */
    private static final Set<String> TICKETS_DOOR = Set.of(
            // imports: check a record as POST /tickets does, store batches of new tickets
            "org.supportdesk.tickets.TicketImports",
            // stats: the counts per category, priority and status
            "org.supportdesk.tickets.TicketCounts",
            // any endpoint that takes the list filters (and q) declares one: stats, export
            "org.supportdesk.tickets.TicketFilter",
            // conversation: what a comment, an edit, a delete and a merge do to the ticket row and its
            // history (counters, workflow, first response, SLA, merged_into), inside the caller's write.
            // The ticket's columns and rules stay in tickets; conversation owns only its own tables.
            "org.supportdesk.tickets.TicketConversations",
            // web: the workspace reads and changes tickets through the same services as the API
            // (validation, If-Match, history, classification), never around them
            "org.supportdesk.tickets.TicketDesk",
            // web: the dashboard's figures over a recent window
            "org.supportdesk.tickets.TicketTrends",
            // web: what TicketDesk hands out, the ticket and its values, as the API shows them
            "org.supportdesk.tickets.Ticket",
            "org.supportdesk.tickets.Metadata",
            "org.supportdesk.tickets.HistoryEvent",
            "org.supportdesk.tickets.ClassificationInfo",
            "org.supportdesk.tickets.TicketClassification",
            "org.supportdesk.tickets.ClassificationResult",
            "org.supportdesk.tickets.Category",
            "org.supportdesk.tickets.Priority",
            "org.supportdesk.tickets.Status",
            "org.supportdesk.tickets.Source",
            "org.supportdesk.tickets.DeviceType",
            "org.supportdesk.tickets.Origin",
            // export: every matching ticket, a page at a time, and the change feed; widened for issue 13
            "org.supportdesk.tickets.TicketExport",
            // export: a ticket as plain values, in the API's shape, for the export's writers
            "org.supportdesk.tickets.ExportedTicket",
            // learning: reads the examples people labelled, and supplies the model Triage decides with
            "org.supportdesk.tickets.LabelledTickets",
            "org.supportdesk.tickets.TriageModel");

    @Test
    void otherFeaturesUseTicketsOnlyThroughItsDoor() {
        // A nested class (TicketImports.Batch) is part of the door its outer class is.
        DescribedPredicate<JavaClass> door = DescribedPredicate.describe(
                "the tickets' door " + TICKETS_DOOR,
                c -> TICKETS_DOOR.contains(c.getName().split("[$]")[0]));
        noClasses()
                .that()
                .resideOutsideOfPackage("org.supportdesk.tickets..")
                .should()
                .dependOnClassesThat(JavaClass.Predicates.resideInAPackage("org.supportdesk.tickets..")
                        .and(DescribedPredicate.not(door)))
                .check(CLASSES);
    }

    @Test
    void otherFeaturesUseTheSlaPackageOnlyThroughItsPolicy() {
        noClasses()
                .that()
                .resideOutsideOfPackage("org.supportdesk.sla..")
                .should()
                .dependOnClassesThat(JavaClass.Predicates.resideInAPackage("org.supportdesk.sla..")
                        .and(DescribedPredicate.describe(
                                "other than SlaPolicy", c -> !c.getName().startsWith("org.supportdesk.sla.SlaPolicy"))))
                .check(CLASSES);
    }

    /**
     * The conversation feature is used from outside only through its door, Conversations (the
     * workspace's ticket page shows and adds comments through it).
     */
    @Test
    void otherFeaturesUseTheConversationPackageOnlyThroughItsDoor() {
        noClasses()
                .that()
                .resideOutsideOfPackage("org.supportdesk.conversation..")
                .should()
                .dependOnClassesThat(JavaClass.Predicates.resideInAPackage("org.supportdesk.conversation..")
                        .and(DescribedPredicate.describe(
                                "other than Conversations",
                                c -> !c.getName().startsWith("org.supportdesk.conversation.Conversations"))))
                .check(CLASSES);
    }

    @Test
    void exceptionsSayWhatWentWrongAndTheErrorHandlerDecidesTheStatus() {
        noClasses()
                .that()
                .areAssignableTo(Throwable.class)
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.springframework.http..", "org.springframework.web..")
                .check(CLASSES);
    }

    @Test
    void featuresKnowTheCallerOnlyAsAnActorNotHowItWasAuthenticated() {
        noClasses()
                .that()
                .resideOutsideOfPackages("org.supportdesk.security..", "org.supportdesk.web..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("org.supportdesk.security..")
                .check(CLASSES);
    }

    /** The workspace's admin screens and setup use security's one door (agents, API keys), nothing else of it. */
    @Test
    void theWorkspaceUsesSecurityOnlyThroughItsAdminDoor() {
        noClasses()
                .that()
                .resideInAPackage("org.supportdesk.web..")
                .should()
                .dependOnClassesThat(JavaClass.Predicates.resideInAPackage("org.supportdesk.security..")
                        .and(DescribedPredicate.describe(
                                "not Admin", c -> !c.getName().startsWith("org.supportdesk.security.Admin"))))
                .check(CLASSES);
    }
}
