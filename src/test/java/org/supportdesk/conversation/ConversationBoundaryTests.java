package org.supportdesk.conversation;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static org.supportdesk.Floors.named;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Inside conversation, the floors of the package, as in tickets (TicketsBoundaryTests). */
class ConversationBoundaryTests {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            // Not the bean definitions Spring AOT generates at build time (Foo__BeanDefinitions).
            .withImportOption(location -> !location.contains("__"))
            .importPackages("org.supportdesk.conversation");

    /** HTTP: the controllers and what reads a request's parts and query. */
    private static final Set<String> WEB = Set.of(
            "CommentController",
            "AttachmentController",
            "MergeController",
            "MultipartComment",
            "CommentQuery",
            // the door for other features (the workspace), an entry point as the controllers are
            "Conversations");
    /** The rules: comments and their effect on the ticket, merges, the checks of a body and of files. */
    private static final Set<String> RULES = Set.of("CommentService", "MergeService", "CommentInput", "Uploads");
    /** SQL: one class per table and concern. */
    private static final Set<String> STORAGE = Set.of("Comments", "Attachments", "CommentCursor");
    /** The comment and its values. */
    private static final Set<String> MODEL = Set.of(
            "Comment",
            "Attachment",
            "Upload",
            "Visibility",
            "AuthorType",
            "FileTypes",
            "FileNames",
            "CommentNotFound",
            "AttachmentNotFound",
            "CommentDeleted");

    @Test
    void nothingPointsBackUpAFloor() {
        layeredArchitecture()
                .consideringOnlyDependenciesInAnyPackage("org.supportdesk.conversation..")
                .ensureAllClassesAreContainedInArchitecture()
                .layer("web")
                .definedBy(named(WEB))
                .layer("rules")
                .definedBy(named(RULES))
                .layer("storage")
                .definedBy(named(STORAGE))
                .layer("model")
                .definedBy(named(MODEL))
                .whereLayer("web")
                .mayNotBeAccessedByAnyLayer()
                .whereLayer("rules")
                .mayOnlyBeAccessedByLayers("web")
                .whereLayer("storage")
                .mayOnlyBeAccessedByLayers("web", "rules")
                .check(CLASSES);
    }
}
