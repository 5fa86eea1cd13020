package org.supportdesk.tickets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.supportdesk.CommentBody.aNote;
import static org.supportdesk.TicketBody.aTicket;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.supportdesk.Api;
import org.supportdesk.Concurrently;
import org.supportdesk.HeldTransaction;
import org.supportdesk.TestDatabase;
import org.supportdesk.TwoInstances;

/**
 * Deleting a ticket while it is being changed, on PostgreSQL: a change either happens before the
 * delete (and its history goes with the ticket) or finds the ticket gone (404), and no history of
 * a deleted ticket stays behind to come back when its id is imported again. The other writer is a
 * transaction held open on a connection of its own, so each race is played in the order that used
 * to go wrong.
 */
@Tag(TestDatabase.POSTGRESQL_ONLY)
class TicketDeleteRaceTests {

    @RegisterExtension
    static final TwoInstances two = TwoInstances.forEachClass();

    private static Api api(int i) {
        return two.api(i);
    }

    private static String ticket() {
        Api.Response r = api(0).post("/tickets", aTicket().build());
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asString();
    }

    private static String comment(String ticketId) {
        Api.Response r = api(0).post(
                        "/tickets/" + ticketId + "/comments", aNote("a note").build());
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asString();
    }

    private static long historyRows(String ticketId) throws SQLException {
        try (var c = DriverManager.getConnection(two.url(), TestDatabase.USER, TestDatabase.PASSWORD);
                var s = c.prepareStatement("SELECT COUNT(*) FROM ticket_history WHERE ticket_id = ?")) {
            s.setString(1, ticketId);
            try (var rows = s.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    /** Another instance deleting the ticket, up to its commit. */
    private static HeldTransaction deleting(String id) throws SQLException {
        return new HeldTransaction(two.url())
                .run("SELECT 1 FROM tickets WHERE id = ? FOR UPDATE", id)
                .run("DELETE FROM ticket_history WHERE ticket_id = ?", id)
                .run("DELETE FROM ticket_tags WHERE ticket_id = ?", id)
                .run("DELETE FROM tickets WHERE id = ?", id);
    }

    @Test
    void aDeleteWaitingForAChangeDeletesTheHistoryThatChangeWrote() throws Exception {
        String id = ticket();

        CompletableFuture<Api.Response> delete;
        // Another instance changing the customer's e-mail, up to its commit.
        try (var change = new HeldTransaction(two.url())
                .run("UPDATE tickets SET customer_email = 'new@example.com', version = version + 1 WHERE id = ?", id)
                .run(
                        "INSERT INTO ticket_history (ticket_id, at, actor, action, changes) VALUES (?, 1, 'other',"
                                + " 'updated', '{\"customer_email\":{\"old\":\"a@example.com\",\"new\":\"new@example.com\"}}')",
                        id)) {
            delete = change.startBehind(() -> api(1).delete("/tickets/" + id));
            change.commit();
        }

        assertThat(delete.get().status()).isEqualTo(204);
        assertThat(api(0).get("/tickets/" + id).status()).isEqualTo(404);
        assertThat(historyRows(id)).isZero();
    }

    /** A change of the ticket {@code id} (with its comment {@code commentId}) on an instance. */
    private record Change(String name, BiFunction<String, String, Api.Response> request) {}

    private static final List<Change> CHANGES = List.of(
            new Change("patch", (id, c) -> api(1).patch("/tickets/" + id, Map.of("customer_name", "Someone Else"))),
            new Change("classify", (id, c) -> api(1).post("/tickets/" + id + "/classify", Map.of())),
            new Change(
                    "classify without applying",
                    (id, c) -> api(1).post("/tickets/" + id + "/classify?apply=false", Map.of())),
            new Change(
                    "comment",
                    (id, c) -> api(1).post(
                                    "/tickets/" + id + "/comments",
                                    aNote("more").build())),
            new Change(
                    "comment edit",
                    (id, c) -> api(1).patch("/tickets/" + id + "/comments/" + c, Map.of("body", "my secret"))),
            new Change("comment delete", (id, c) -> api(1).delete("/tickets/" + id + "/comments/" + c)));

    @Test
    void aChangeWaitingForADeleteFindsNoTicketAndWritesNoHistory() throws Exception {
        for (Change change : CHANGES) {
            String id = ticket();
            String commentId = comment(id);

            CompletableFuture<Api.Response> answer;
            try (var delete = deleting(id)) {
                answer = delete.startBehind(() -> change.request().apply(id, commentId));
                delete.commit();
            }

            assertThat(answer.get().status())
                    .as(change.name() + ": " + answer.get().body())
                    .isEqualTo(404);
            assertThat(historyRows(id)).as(change.name()).isZero();
        }
    }

    @Test
    void classifyAllWaitingForADeleteLogsNoDecisionForTheDeletedTicket() throws Exception {
        // force=false leaves a person's values and only logs the decision; force=true updates the row.
        for (String force : new String[] {"false", "true"}) {
            String customer = "classify-all-" + java.util.UUID.randomUUID();
            Api.Response created = api(0).post(
                            "/tickets",
                            aTicket()
                                    .withCustomer(customer)
                                    .with("category", "billing_question")
                                    .with("priority", "low")
                                    .build());
            String id = created.json().get("id").asString();

            CompletableFuture<Api.Response> answer;
            try (var delete = deleting(id)) {
                answer = delete.startBehind(() ->
                        api(1).post("/tickets/classify-all?force=" + force + "&customer_id=" + customer, Map.of()));
                delete.commit();
            }

            assertThat(answer.get().status()).as(answer.get().body()).isEqualTo(200);
            assertThat(historyRows(id)).as("force=" + force).isZero();
        }
    }

    @Test
    void changesRacingADeleteOnTwoInstancesLeaveNoHistoryBehind() throws Exception {
        for (int round = 0; round < 10; round++) {
            String id = ticket();
            String commentId = comment(id);

            List<Integer> statuses = Concurrently.run(
                    CHANGES.size() + 1,
                    CHANGES.size() + 1,
                    i -> i == 0
                            ? api(0).delete("/tickets/" + id).status()
                            : CHANGES.get(i - 1).request().apply(id, commentId).status());

            assertThat(statuses.get(0)).isEqualTo(204);
            assertThat(historyRows(id)).as(statuses.toString()).isZero();
        }
    }
}
