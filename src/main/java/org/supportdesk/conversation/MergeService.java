package org.supportdesk.conversation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.supportdesk.system.Actor;
import org.supportdesk.system.Database;
import org.supportdesk.system.InvalidRequest;
import org.supportdesk.system.Params;
import org.supportdesk.system.Problem;
import org.supportdesk.tickets.TicketConversations;
import tools.jackson.databind.JsonNode;

/**
 * Merges duplicate tickets into one, in one transaction: each source's comments (with their files)
 * move to the target marked with where they came from, the source's first message (its subject
 * and description) becomes a comment of the target, and the source is closed with `merged_into`.
 * History records it on every ticket touched. A missing source undoes everything.
 */
@Service
class MergeService {

    static final int MAX_SOURCES = 100;

    private final Comments comments;
    private final TicketConversations tickets;
    private final Database db;

    MergeService(Comments comments, TicketConversations tickets, Database db) {
        this.comments = comments;
        this.tickets = tickets;
        this.db = db;
    }

    /** What a merge did. */
    record Merged(UUID ticketId, List<UUID> mergedIds, int commentsMoved) {}

    Merged merge(UUID targetId, JsonNode body, Actor actor) {
        List<UUID> sources = sources(body, targetId);
        return db.write(() -> {
            tickets.lockForMerge(targetId, sources);
            tickets.checkMergeTarget(targetId);
            Instant at = tickets.now();
            int moved = 0;
            for (int i = 0; i < sources.size(); i++) {
                UUID sourceId = sources.get(i);
                Optional<TicketConversations.MergedSource> source =
                        tickets.closeAsMerged(sourceId, targetId, actor, at);
                if (source.isEmpty()) {
                    // Thrown inside the write: what the sources before this one changed is undone.
                    throw new InvalidRequest(Problem.body("Ticket not found", "not_found", "source_ids", i));
                }
                moved += comments.moveAll(sourceId, targetId);
                comments.insert(firstMessage(source.get(), sourceId, targetId));
                moved++;
                tickets.searchable(sourceId, null);
            }
            tickets.searchable(targetId, comments.searchText(targetId));
            Comments.Counted counted = comments.counted(targetId);
            tickets.merged(targetId, sources, counted.count(), counted.last(), actor, at);
            return new Merged(targetId, sources, moved);
        });
    }

    /** The source's first message, as a public comment of its customer at the time it was written. */
    private static Comment firstMessage(TicketConversations.MergedSource source, UUID sourceId, UUID targetId) {
        return new Comment(
                UUID.randomUUID(),
                targetId,
                source.createdBy().name(),
                source.createdBy().id(),
                AuthorType.CUSTOMER,
                Visibility.PUBLIC,
                source.subject() + "\n\n" + source.description(),
                List.of(),
                source.createdAt(),
                null,
                null,
                null,
                sourceId,
                0);
    }

    /** `{"source_ids": [...]}`: 1 to 100 ticket ids, none twice, not the target. */
    private static List<UUID> sources(JsonNode body, UUID targetId) {
        if (body == null || body.isMissingNode() || body.isNull()) {
            throw new InvalidRequest(new Problem(List.of("body"), "Field required", "missing"));
        }
        if (!body.isObject()) {
            throw new InvalidRequest(new Problem(
                    List.of("body"),
                    "Input should be a valid dictionary or object to extract fields from",
                    "model_attributes_type"));
        }
        var problems = new ArrayList<Problem>();
        for (String name : body.propertyNames()) {
            if (!name.equals("source_ids")) {
                problems.add(Problem.body("Extra inputs are not permitted", "extra_forbidden", name));
            }
        }
        JsonNode ids = body.get("source_ids");
        var sources = new ArrayList<UUID>();
        if (ids == null) {
            problems.add(Problem.body("Field required", "missing", "source_ids"));
        } else if (!ids.isArray()) {
            problems.add(Problem.body("Input should be a valid list", "list_type", "source_ids"));
        } else if (ids.isEmpty() || ids.size() > MAX_SOURCES) {
            problems.add(Problem.body(
                    "List should have 1 to " + MAX_SOURCES + " ticket ids",
                    ids.isEmpty() ? "too_short" : "too_long",
                    "source_ids"));
        } else {
            var seen = new HashSet<UUID>();
            for (int i = 0; i < ids.size(); i++) {
                UUID id = uuid(ids.get(i));
                if (id == null) {
                    problems.add(Problem.body("Input should be a valid UUID", "uuid_parsing", "source_ids", i));
                } else if (id.equals(targetId)) {
                    problems.add(Problem.body("A ticket cannot be merged into itself", "value_error", "source_ids", i));
                } else if (!seen.add(id)) {
                    problems.add(Problem.body("This ticket is named twice", "value_error", "source_ids", i));
                } else {
                    sources.add(id);
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequest(problems);
        }
        return sources;
    }

    private static UUID uuid(JsonNode node) {
        return node == null || !node.isString() ? null : Params.uuid(node.asString());
    }
}
