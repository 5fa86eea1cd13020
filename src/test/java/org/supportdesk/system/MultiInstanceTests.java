package org.supportdesk.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.supportdesk.CommentBody.aCustomerMessage;
import static org.supportdesk.CommentBody.aNote;
import static org.supportdesk.CommentBody.aReply;
import static org.supportdesk.TicketBody.aTicket;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.supportdesk.Api;
import org.supportdesk.Concurrently;
import org.supportdesk.TestDatabase;
import org.supportdesk.TwoInstances;
import tools.jackson.databind.JsonNode;

/**
 * Two instances of the service on one PostgreSQL, as behind a load balancer: they start together
 * on an empty database, and whatever reaches either of them is kept exactly once.
 */
@Tag(TestDatabase.POSTGRESQL_ONLY)
class MultiInstanceTests {

    private static final String[] CATEGORIES = {"account_access", "technical_issue", "billing_question", "other"};
    private static final String[] PRIORITIES = {"urgent", "high", "medium", "low"};
    private static final String[] STATUSES = {"new", "in_progress", "resolved", "closed", "waiting_customer"};

    @RegisterExtension
    static final TwoInstances two = TwoInstances.forEachClass();

    /** Request {@code i} goes to one instance, {@code i + 1} to the other. */
    private static Api api(int i) {
        return two.api(i);
    }

    /** "1:true", "2:true", ...: each migration in the jar, applied once; read from the folder, so a new one needs no edit here. */
    private static String[] shippedMigrations() throws java.io.IOException {
        try (var files =
                java.nio.file.Files.list(java.nio.file.Path.of("src/main/resources/db/migration/postgresql"))) {
            return files.map(f -> f.getFileName().toString())
                    .filter(name -> name.matches("V\\d+__.*\\.sql"))
                    .map(name -> Integer.parseInt(name.substring(1, name.indexOf("__"))))
                    .sorted()
                    .map(version -> version + ":true")
                    .toArray(String[]::new);
        }
    }

    @Test
    void theSchemaIsMigratedOnce() throws SQLException, java.io.IOException {
        try (var connection = DriverManager.getConnection(two.url(), TestDatabase.USER, TestDatabase.PASSWORD);
                var rows = connection
                        .createStatement()
                        .executeQuery("SELECT version, success FROM flyway_schema_history WHERE version IS NOT NULL")) {
            var migrations = new ArrayList<String>();
            while (rows.next()) {
                migrations.add(rows.getString("version") + ":" + rows.getBoolean("success"));
            }
            assertThat(migrations).containsExactly(shippedMigrations());
        }
        assertThat(api(0).get("/health").status()).isEqualTo(200);
        assertThat(api(1).get("/health").status()).isEqualTo(200);
    }

    @Test
    void aCursorOneInstanceIssuedIsGoodOnTheOther() {
        String customer = "multi-" + UUID.randomUUID();
        for (int i = 0; i < 3; i++) {
            api(i).post("/tickets", aTicket().withCustomer(customer).build());
        }
        JsonNode first = api(0).get("/tickets?limit=2&customer_id=" + customer).json();

        Api.Response second = api(1).get("/tickets?limit=2&customer_id=" + customer + "&cursor="
                + first.get("next_cursor").asString());

        assertThat(second.status()).as(second.body()).isEqualTo(200);
        assertThat(second.json().get("items").size()).isEqualTo(1);
    }

    @Test
    void concurrentConditionalPatchesOnBothInstancesLetExactlyOneWin() throws Exception {
        String path = "/tickets/"
                + api(0).post("/tickets", aTicket().build()).json().get("id").asString();

        List<Integer> statuses = Concurrently.run(
                16,
                16,
                i -> api(i).patch(path, Map.of("assigned_to", "agent-" + i), "If-Match", "\"1\"")
                        .status());

        assertThat(statuses).containsOnly(200, 412);
        int winner = statuses.indexOf(200);
        assertThat(statuses.lastIndexOf(200)).isEqualTo(winner);
        for (int i = 0; i < 2; i++) {
            JsonNode ticket = api(i).get(path).json();
            assertThat(ticket.get("version").asInt()).isEqualTo(2);
            assertThat(ticket.get("assigned_to").asString()).isEqualTo("agent-" + winner);
        }
        JsonNode history = api(1).get(path + "/history").json();
        assertThat(history.size()).isEqualTo(2);
        assertThat(history.get(1).get("changes").toString())
                .isEqualTo("{\"assigned_to\":{\"old\":null,\"new\":\"agent-" + winner + "\"}}");
    }

    @Test
    void concurrentUnconditionalPatchesOnBothInstancesAreAllKept() throws Exception {
        String path = "/tickets/"
                + api(0).post("/tickets", aTicket().build()).json().get("id").asString();

        List<Integer> statuses = Concurrently.run(
                16,
                16,
                i -> api(i).patch(path, Map.of("assigned_to", "agent-" + i)).status());

        assertThat(statuses).containsOnly(200);
        assertThat(api(1).get(path).json().get("version").asInt()).isEqualTo(17);
        JsonNode history = api(0).get(path + "/history").json();
        var assigned = new ArrayList<String>();
        for (int e = 1; e < history.size(); e++) {
            assigned.add(
                    history.get(e).get("changes").get("assigned_to").get("new").asString());
        }
        var expected = new ArrayList<String>();
        for (int i = 0; i < 16; i++) {
            expected.add("agent-" + i);
        }
        assertThat(assigned).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void concurrentCreatesImportsAndStatusChangesOnBothInstancesLoseNothing() throws Exception {
        String customer = "multi-" + UUID.randomUUID();
        // Tickets whose status moves back and forth while the rest goes on.
        var moving = new ArrayList<String>();
        for (int i = 0; i < 40; i++) {
            String status = i % 2 == 0 ? "new" : "closed";
            moving.add(api(i).post(
                            "/tickets",
                            aTicket()
                                    .withCustomer(customer)
                                    .with("status", status)
                                    .build())
                    .json()
                    .get("id")
                    .asString());
        }
        JsonNode before = api(0).get("/tickets/stats").json();
        var expected = new Counts();
        for (int i = 0; i < 40; i++) {
            expected.remove("technical_issue", "high", i % 2 == 0 ? "new" : "closed");
            expected.add("technical_issue", "high", i % 2 == 0 ? "closed" : "new");
        }
        int imports = 4;
        int rowsPerImport = 400;
        int creates = 200;
        var files = new ArrayList<String>();
        for (int f = 0; f < imports; f++) {
            files.add(csv(customer, f, rowsPerImport, expected));
        }
        for (int i = 0; i < creates; i++) {
            expected.add(CATEGORIES[i % 4], PRIORITIES[i % 3], STATUSES[i % 5]);
        }

        List<Integer> statuses = Concurrently.run(imports + creates + moving.size(), 16, i -> {
            if (i < imports) {
                Api.Response r = api(i).send("POST", "/import/csv", "text/csv", files.get(i), Map.of());
                return r.status() == 200 && r.json().get("success_count").asInt() == rowsPerImport ? 200 : -1;
            }
            int n = i - imports;
            if (n < creates) {
                return api(n).post(
                                "/tickets",
                                aTicket()
                                        .withCustomer(customer)
                                        .with("category", CATEGORIES[n % 4])
                                        .with("priority", PRIORITIES[n % 3])
                                        .with("status", STATUSES[n % 5])
                                        .build())
                        .status();
            }
            int m = n - creates;
            return api(m).patch("/tickets/" + moving.get(m), Map.of("status", m % 2 == 0 ? "closed" : "new"))
                    .status();
        });

        assertThat(statuses.subList(0, imports)).containsOnly(200);
        assertThat(statuses.subList(imports, imports + creates)).containsOnly(201);
        assertThat(statuses.subList(imports + creates, statuses.size())).containsOnly(200);
        long made = 40 + imports * rowsPerImport + creates;
        assertThat(api(1).get("/tickets?customer_id=" + customer + "&limit=1")
                        .json()
                        .get("total")
                        .asLong())
                .isEqualTo(made);
        JsonNode after = api(1).get("/tickets/stats").json();
        assertThat(after.get("total").asLong() - before.get("total").asLong()).isEqualTo(made - 40);
        for (String group : List.of("by_category", "by_priority", "by_status")) {
            var delta = new LinkedHashMap<String, Long>();
            after.get(group)
                    .properties()
                    .forEach(e -> delta.put(
                            e.getKey(),
                            e.getValue().asLong()
                                    - before.get(group).get(e.getKey()).asLong()));
            assertThat(delta).as(group).isEqualTo(expected.in(group, after.get(group)));
        }
        // The counts the triggers keep agree with counting the rows, before and after folding.
        assertThat(api(0).get("/tickets/stats?created_after=2000-01-01").json()).isEqualTo(after);
        awaitFolded();
        assertThat(api(0).get("/tickets/stats").json()).isEqualTo(after);
    }

    @Test
    void concurrentCommentsOnOneTicketFromBothInstancesAreAllKeptInOneOrder() throws Exception {
        String id = api(0).post("/tickets", aTicket().build()).json().get("id").asString();
        String path = "/tickets/" + id + "/comments";

        List<Integer> statuses = Concurrently.run(
                48,
                16,
                i -> api(i).post(
                                path,
                                switch (i % 3) {
                                    case 0 -> aReply("reply " + i).build();
                                    case 1 -> aCustomerMessage("message " + i).build();
                                    default -> aNote("note " + i).build();
                                })
                        .status());

        assertThat(statuses).containsOnly(201);
        JsonNode all = api(0).get(path + "?limit=1000").json();
        assertThat(all.get("items").size()).isEqualTo(48);
        assertThat(api(1).get(path + "?limit=1000").json()).isEqualTo(all);
        var paged = new ArrayList<JsonNode>();
        String cursor = null;
        int page = 0;
        do {
            JsonNode p = api(page++)
                    .get(path + "?limit=10" + (cursor == null ? "" : "&cursor=" + cursor))
                    .json();
            p.get("items").forEach(paged::add);
            cursor = p.get("next_cursor").isNull() ? null : p.get("next_cursor").asString();
        } while (cursor != null);
        assertThat(paged).containsExactlyElementsOf(all.get("items"));
        JsonNode ticket = api(1).get("/tickets/" + id).json();
        assertThat(ticket.get("comment_count").asInt()).isEqualTo(48);
        // Only the first public reply changed the ticket: new -> in_progress and its first response.
        assertThat(ticket.get("version").asInt()).isEqualTo(2);
        assertThat(ticket.get("status").asString()).isEqualTo("in_progress");
        JsonNode history = api(0).get("/tickets/" + id + "/history").json();
        int changed = 0;
        for (JsonNode event : history) {
            if (event.has("changes") && event.get("changes").has("first_response_at")) {
                changed++;
                assertThat(event.get("changes").get("status").get("new").asString())
                        .isEqualTo("in_progress");
            }
        }
        assertThat(changed).isEqualTo(1);
        assertThat(history.size()).isEqualTo(49);
    }

    /** Waits until the instances, which fold every second, have folded every count change. */
    private static void awaitFolded() throws Exception {
        try (var connection = DriverManager.getConnection(two.url(), TestDatabase.USER, TestDatabase.PASSWORD);
                var statement = connection.createStatement()) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (true) {
                try (var left = statement.executeQuery("SELECT COUNT(*) FROM ticket_count_changes")) {
                    left.next();
                    if (left.getLong(1) == 0) {
                        return;
                    }
                }
                assertThat(System.nanoTime()).as("count changes folded").isLessThan(deadline);
                Thread.sleep(100);
            }
        }
    }

    private static String csv(String customer, int file, int rows, Counts expected) {
        var csv = new StringBuilder(
                "customer_id,customer_email,customer_name,subject,description,category," + "priority,status,tags\n");
        for (int i = 0; i < rows; i++) {
            String category = CATEGORIES[(i + file) % 4];
            String priority = PRIORITIES[i % 4];
            String status = STATUSES[(i + 2 * file) % 5];
            expected.add(category, priority, status);
            csv.append(customer)
                    .append(",user")
                    .append(i)
                    .append("@example.com,User ")
                    .append(i)
                    .append(",Import ")
                    .append(file)
                    .append(",Imported from the old helpdesk in file ")
                    .append(file)
                    .append(',')
                    .append(category)
                    .append(',')
                    .append(priority)
                    .append(',')
                    .append(status)
                    .append(",\"import,file-")
                    .append(file)
                    .append("\"\n");
        }
        return csv.toString();
    }

    /** Expected changes of the stats, by category, priority and status. */
    private static final class Counts {
        private final Map<String, Map<String, Long>> groups = new HashMap<>();

        void add(String category, String priority, String status) {
            change(category, priority, status, 1);
        }

        void remove(String category, String priority, String status) {
            change(category, priority, status, -1);
        }

        private void change(String category, String priority, String status, long n) {
            groups.computeIfAbsent("by_category", k -> new HashMap<>()).merge(category, n, Long::sum);
            groups.computeIfAbsent("by_priority", k -> new HashMap<>()).merge(priority, n, Long::sum);
            groups.computeIfAbsent("by_status", k -> new HashMap<>()).merge(status, n, Long::sum);
        }

        /** The expected change of every key of {@code shape}, zero where nothing changed. */
        Map<String, Long> in(String group, JsonNode shape) {
            var out = new LinkedHashMap<String, Long>();
            shape.properties()
                    .forEach(e -> out.put(
                            e.getKey(), groups.getOrDefault(group, Map.of()).getOrDefault(e.getKey(), 0L)));
            return out;
        }
    }
}
