package org.supportdesk.web;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.supportdesk.system.Actor;
import org.supportdesk.system.Conflict;
import org.supportdesk.system.InvalidRequest;
import org.supportdesk.system.NotFound;
import org.supportdesk.system.Params;
import org.supportdesk.system.Problem;
import org.supportdesk.tickets.TicketDesk;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * One action on the tickets selected in the inbox, applied to each through the tickets' door as a
 * `PATCH` (or a classification) of its own: validated, in history under the agent, applied on top
 * of whatever others changed meanwhile (the agent chose the action, not the rest of the ticket).
 */
@Component
class BulkActions {

    static final List<String> ACTIONS =
            List.of("assign", "status", "priority", "category", "tag_add", "tag_remove", "classify");

    private final TicketDesk desk;

    BulkActions(TicketDesk desk) {
        this.desk = desk;
    }

    /** How it went: how many changed, and what went wrong with the others. */
    record Outcome(int done, List<String> failures) {
        String message() {
            String changed = done + (done == 1 ? " ticket" : " tickets") + " updated";
            return failures.isEmpty()
                    ? changed
                    : changed + "; " + failures.size() + " not: " + String.join("; ", failures);
        }
    }

    Outcome apply(List<String> ids, String action, String value, Actor actor) {
        if (!ACTIONS.contains(action)) {
            throw new InvalidRequest(
                    Problem.body("Input should be one of " + String.join(", ", ACTIONS), "enum", "action"));
        }
        if (ids == null || ids.isEmpty()) {
            throw new InvalidRequest(Problem.body("Select at least one ticket", "missing", "ids"));
        }
        int done = 0;
        var failures = new ArrayList<String>();
        for (String raw : ids) {
            // Read as the API reads ids: `UUID.fromString` alone would take another text for an id.
            UUID id = Params.uuid(raw);
            if (id == null) {
                failures.add(raw + ": not a ticket id");
                continue;
            }
            try {
                one(id, action, value, actor);
                done++;
            } catch (InvalidRequest e) {
                failures.add(e.problems().stream()
                        .map(Problem::asFieldMessage)
                        .reduce((a, b) -> a + ", " + b)
                        .orElse(""));
            } catch (NotFound e) {
                failures.add(raw + ": deleted meanwhile");
            } catch (Conflict e) {
                // A merged ticket takes no more changes; the others selected still do.
                failures.add(raw + ": " + e.getMessage());
            }
        }
        return new Outcome(done, failures);
    }

    private void one(UUID id, String action, String value, Actor actor) {
        switch (action) {
            case "classify" -> desk.classify(id, true, actor);
            case "tag_add" -> desk.editTags(id, Forms.tags(value), List.of(), actor);
            case "tag_remove" -> desk.editTags(id, List.of(), Forms.tags(value), actor);
            default -> {
                ObjectNode body = JsonNodeFactory.instance.objectNode();
                String field = action.equals("assign") ? "assigned_to" : action;
                String clean = Forms.blankToNull(value);
                if (clean == null) {
                    body.putNull(field);
                } else {
                    body.put(field, clean);
                }
                desk.patch(id, body, null, actor);
            }
        }
    }
}
