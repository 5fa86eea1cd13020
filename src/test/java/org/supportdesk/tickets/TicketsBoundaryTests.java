package org.supportdesk.tickets;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static org.supportdesk.Floors.named;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Inside tickets, the floors of the package: each class is on one, and depends only on its own
 * floor and those below, so nothing points back up. A new class goes on a floor here, which says
 * where it belongs. (How other packages may use tickets is in ArchitectureTests.)
 */
class TicketsBoundaryTests {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            // Not the bean definitions Spring AOT generates at build time (Foo__BeanDefinitions):
            // they belong to no floor and wire the classes together by design.
            .withImportOption(location -> !location.contains("__"))
            .importPackages("org.supportdesk.tickets");

    /** HTTP: the controllers and the binding of the list's query parameters. */
    private static final Set<String> WEB =
            Set.of("TicketController", "ClassifyController", "SearchController", "TicketQueryBinding");
    /** The rules of SPEC §1 and §4, and the doors other features use to write. */
    private static final Set<String> RULES = Set.of(
            "TicketService",
            "TicketEdits",
            "ClassifyService",
            "ClassifyAll",
            "ClassifyBatch",
            "Triage",
            "ClassifierRules",
            "TicketBinder",
            "JsonFields",
            "TicketImports",
            "TicketConversations",
            "TicketSla",
            "TicketDesk",
            "InboxLists",
            "ImportedFields",
            "ImportedClassification",
            "TicketSearches",
            "TicketExport",
            // the scheduled check for SLA breaches that happen by time passing
            "SlaBreachCheck");
    /** SQL: one class per table and concern. */
    private static final Set<String> STORAGE = Set.of(
            "TicketStore",
            "TicketLocks",
            "TicketUpdates",
            "TicketHistory",
            "NewTickets",
            "TicketCounts",
            "TicketColumn",
            "TicketJson",
            "TicketTrends",
            "TicketSearchIndex",
            // SQLite's index merged after an import, in the background
            "SearchMerges",
            "SimilarTickets",
            "RankWindows",
            // the newest matches below a bound, of which a rank window is made
            "WindowSpan",
            // where PostgreSQL looks for a rank window: a range of recent creation times
            "RecentRanges",
            "SortedPages",
            "TaggedPages",
            "ChangeLog",
            // PostgreSQL, at start: a restored database's change rows put in this server's order
            "RestoredChanges",
            "LabelledTickets",
            // what happened, told in the change's transaction (the webhooks' outbox listens)
            "TicketEvents",
            // sla.breached, once per claim (SlaBreaches: the claims, watches and check's tables)
            "SlaAnnouncements",
            "SlaBreaches");
    /** What a list asks for: filters, order, position, and the WHERE clause they make. */
    private static final Set<String> QUERY = Set.of(
            "TicketFilter",
            "TicketQuery",
            "TicketSearch",
            "SearchSql",
            "QueryValues",
            "CursorCodec",
            "Where",
            "SlaCondition");
    /** The ticket and its values. */
    private static final Set<String> MODEL = Set.of(
            "Ticket",
            "Hit",
            "Highlight",
            "ExportedTicket",
            "TicketInput",
            "TicketChanges",
            "HistoryEvent",
            "ClassificationInfo",
            "TicketClassification",
            "TicketSerializer",
            "ClassificationResult",
            "TriageModel",
            "Metadata",
            "Category",
            "Priority",
            "Status",
            "Source",
            "DeviceType",
            "Origin",
            "Labelled",
            "EmailAddress",
            "IfMatch",
            "TicketNotFound",
            "IdTakenMeanwhile",
            "StaleVersion",
            "TicketMerged",
            "Sla",
            "Workflow");

    @Test
    void nothingPointsBackUpAFloor() {
        layeredArchitecture()
                .consideringOnlyDependenciesInAnyPackage("org.supportdesk.tickets..")
                .ensureAllClassesAreContainedInArchitecture()
                .layer("web")
                .definedBy(named(WEB))
                .layer("rules")
                .definedBy(named(RULES))
                .layer("storage")
                .definedBy(named(STORAGE))
                .layer("query")
                .definedBy(named(QUERY))
                .layer("model")
                .definedBy(named(MODEL))
                .whereLayer("web")
                .mayNotBeAccessedByAnyLayer()
                .whereLayer("rules")
                .mayOnlyBeAccessedByLayers("web")
                .whereLayer("storage")
                .mayOnlyBeAccessedByLayers("web", "rules")
                .whereLayer("query")
                .mayOnlyBeAccessedByLayers("web", "rules", "storage")
                .check(CLASSES);
    }
}
