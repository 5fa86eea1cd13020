package org.supportdesk.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.supportdesk.TicketBody.aTicket;

import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.supportdesk.Api;
import org.supportdesk.Concurrently;
import org.supportdesk.TestDatabase;
import org.supportdesk.TwoInstances;
import tools.jackson.databind.JsonNode;

/**
 * The change feed with two instances writing to one PostgreSQL at once: a sync client that reads
 * while they write, from either instance, misses no change (docs/SEARCH.md says how).
 */
@Tag(TestDatabase.POSTGRESQL_ONLY)
class ConcurrentChangesTests {

    @RegisterExtension
    static final TwoInstances two = TwoInstances.forEachClass();

    private static Api api(int i) {
        return two.api(i);
    }

    /** The last thing the feed said of each ticket: its version, or -1 once deleted. */
    private static final class Reader {
        final Map<String, Integer> last = new HashMap<>();
        String cursor;
        int pages;

        /** Reads one page from instance {@code pages % 2}; true at the end of the stream. */
        boolean page() {
            Api.Response r = api(pages++).get("/tickets/changes?limit=50" + (cursor == null ? "" : "&since=" + cursor));
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            JsonNode page = r.json();
            for (JsonNode change : page.get("changes")) {
                String id = change.get("ticket_id").asString();
                int version = change.get("kind").asString().equals("deleted")
                        ? -1
                        : change.get("ticket").get("version").asInt();
                Integer before = last.put(id, version);
                // Each ticket's changes come in the order they were made.
                assertThat(before == null || before == -1 || version == -1 || version >= before)
                        .as("%s: version %s after %s", id, version, before)
                        .isTrue();
            }
            cursor = page.get("next_cursor").asString();
            return page.get("end_of_stream").asBoolean();
        }

        /** Reads on until the feed has said what {@code expected} says, or the deadline passes. */
        void until(Map<String, Integer> expected, Duration deadline) {
            Instant end = Instant.now().plus(deadline);
            while (!last.entrySet().containsAll(expected.entrySet())
                    && Instant.now().isBefore(end)) {
                page();
            }
        }
    }

    @Test
    void aSyncLoopReadingWhileTwoInstancesWriteSeesTheLastStateOfEveryTicket() throws Exception {
        var reader = new Reader();
        while (!reader.page()) {
            // to the end of what is there
        }
        var expected = new ConcurrentHashMap<String, Integer>();
        var writing = new AtomicBoolean(true);
        ExecutorService readerThread = Executors.newSingleThreadExecutor();
        try {
            Future<Integer> reads = readerThread.submit(() -> {
                while (writing.get()) {
                    reader.page();
                }
                return reader.pages;
            });
            Concurrently.run(8, 8, w -> {
                for (int t = 0; t < 4; t++) {
                    String id = api(w).post("/tickets", aTicket().build())
                            .json()
                            .get("id")
                            .asString();
                    int version = 1;
                    for (int p = 0; p < 3; p++) {
                        Api.Response r =
                                api(w + p + 1).patch("/tickets/" + id, Map.of("assigned_to", "agent-" + w + "-" + p));
                        version = r.json().get("version").asInt();
                    }
                    if (t == 3) {
                        assertThat(api(w).delete("/tickets/" + id).status()).isEqualTo(204);
                        version = -1;
                    }
                    expected.put(id, version);
                }
                return null;
            });
            writing.set(false);
            assertThat(reads.get(60, TimeUnit.SECONDS)).isPositive();
        } finally {
            readerThread.shutdownNow();
        }

        reader.until(expected, Duration.ofSeconds(30));

        assertThat(expected).hasSize(32);
        for (var e : expected.entrySet()) {
            assertThat(reader.last.get(e.getKey())).as(e.getKey()).isEqualTo(e.getValue());
        }
    }

    @Test
    void aChangeCommittedWhileAnEarlierOneIsStillBeingWrittenWaitsForIt() throws Exception {
        String slow =
                api(0).post("/tickets", aTicket().build()).json().get("id").asString();
        var reader = new Reader();
        while (!reader.page()) {
            // to the end
        }
        try (Connection elsewhere = DriverManager.getConnection(two.url(), TestDatabase.USER, TestDatabase.PASSWORD)) {
            // Another writer, mid-transaction, has taken its place in the feed before the patch below.
            elsewhere.setAutoCommit(false);
            try (var st = elsewhere.createStatement()) {
                st.executeUpdate("UPDATE ticket_changes SET seq = DEFAULT, xid = DEFAULT, kind = 'updated'"
                        + " WHERE ticket_id = '" + slow + "'");
            }
            String fast =
                    api(1).post("/tickets", aTicket().build()).json().get("id").asString();

            // Committed, but not yet in the feed: reading past it now would skip the slower write.
            assertThat(reader.page()).isTrue();
            assertThat(reader.last).doesNotContainKey(fast);

            elsewhere.commit();
            reader.until(Map.of(slow, 1, fast, 1), Duration.ofSeconds(30));
            assertThat(reader.last).containsKeys(slow, fast);
        }
    }

    @Test
    void theFeedOfAnInstanceHasEveryTicketOfTheOtherFromTheStart() {
        String customer = "feed-" + UUID.randomUUID();
        var ids = new ArrayList<String>();
        for (int i = 0; i < 3; i++) {
            ids.add(api(i).post("/tickets", aTicket().withCustomer(customer).build())
                    .json()
                    .get("id")
                    .asString());
        }
        var reader = new Reader();
        while (!reader.page()) {
            // from the start to the end
        }
        assertThat(reader.last).containsKeys(ids.toArray(String[]::new));
    }
}
