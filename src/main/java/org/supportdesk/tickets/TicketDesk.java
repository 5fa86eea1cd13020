package org.supportdesk.tickets;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.springframework.stereotype.Service;
import org.supportdesk.system.Actor;
import org.supportdesk.system.InvalidRequest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The door of tickets for the agents' workspace (web/). It goes through the same services as the
 * API, so a change made on a screen is validated by the same binder (the same 422 problems, shown
 * beside the fields), checked against `If-Match` (412), recorded in history under the agent, and
 * classified as an API change would be. Lists read the API's query parameters with the same
 * binding, and a few of the workspace's own ({@link InboxLists}).
 */
@Service
public class TicketDesk {

    private final TicketService tickets;
    private final TicketEdits edits;
    private final ClassifyService classify;
    private final InboxLists lists;

    TicketDesk(TicketService tickets, TicketEdits edits, ClassifyService classify, InboxLists lists) {
        this.tickets = tickets;
        this.edits = edits;
        this.classify = classify;
        this.lists = lists;
    }

    /**
     * A page of the inbox: the list's tickets, how many match, and the cursors of the pages after
     * and before it (null at either end).
     */
    public record Page(List<Ticket> items, long total, String nextCursor, String previousCursor) {
        /** More than {@link #COUNT_CAP} match: {@code total} is only a lower bound. */
        public boolean capped() {
            return total > COUNT_CAP;
        }
    }

    /**
     * Counts beyond the counts table stop here: the inbox says "1000+" rather than scan a million
     * rows for an exact figure nobody reads (a full count of a filter on a large table takes
     * seconds on SQLite, and the inbox counts each view on every load).
     */
    public static final long COUNT_CAP = 1000;

    /**
     * The page the query parameters ask for, as `GET /tickets` reads them; `before` (a page's
     * previous cursor) pages backwards. Problems are an {@link InvalidRequest} on ["query", name].
     */
    public Page page(UnaryOperator<String> params) {
        return lists.page(params);
    }

    /** How many tickets the filters of these query parameters match (a saved view's count). */
    public long count(UnaryOperator<String> params) {
        return lists.count(params);
    }

    /**
     * Whether the list takes this query parameter, as `GET /tickets` does: the inbox shows its
     * search box when the list takes `q` (search) and its "SLA breached" view when it takes `sla`
     * (conversations), so each appears with the feature that serves it.
     */
    public boolean takes(String name) {
        return lists.takes(name);
    }

    public Ticket get(UUID id) {
        return tickets.get(id);
    }

    public List<HistoryEvent> history(UUID id) {
        return tickets.history(id);
    }

    /** As `POST /tickets` with this body. */
    public Ticket create(JsonNode body, Actor actor) {
        return tickets.create(body, false, actor);
    }

    /**
     * As `PATCH /tickets/{id}` with this body; with {@code version} as `If-Match`, so a ticket that
     * changed meanwhile is a {@link org.supportdesk.system.VersionConflict} and nothing changes.
     */
    public Ticket patch(UUID id, JsonNode body, Integer version, Actor actor) {
        IfMatch ifMatch = IfMatch.parse(version == null ? null : "\"" + version + "\"");
        return edits.patch(id, body, ifMatch, actor);
    }

    /** As `POST /tickets/{id}/classify?apply=...`: logged in history, applied or not. */
    public ClassificationResult classify(UUID id, boolean apply, Actor actor) {
        return classify.classifyOne(id, apply, actor);
    }

    /**
     * Adds and removes tags on the ticket as it is now: read, change, write with `If-Match`, and
     * again from the fresh ticket if someone else changed it in between, so no one's tags are lost.
     */
    public Ticket editTags(UUID id, List<String> add, List<String> remove, Actor actor) {
        while (true) {
            Ticket current = tickets.get(id);
            var next = new ArrayList<>(current.tags());
            next.removeAll(remove);
            for (String tag : add) {
                if (!next.contains(tag.trim())) {
                    next.add(tag.trim());
                }
            }
            ObjectNode body = JsonNodeFactory.instance.objectNode();
            var array = body.putArray("tags");
            next.forEach(array::add);
            try {
                return edits.patch(id, body, IfMatch.parse("\"" + current.version() + "\""), actor);
            } catch (StaleVersion e) {
                // Changed between our read and our write: once more, from what it is now.
            }
        }
    }
}
