package org.supportdesk.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.supportdesk.TicketBody.aTicket;

import java.io.IOException;
import java.nio.file.Files;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.supportdesk.Api;
import org.supportdesk.Instance;
import org.supportdesk.TestDatabase;
import tools.jackson.databind.JsonNode;

/**
 * The change feed of a PostgreSQL database restored on another server (pg_dump, pg_restore into a
 * fresh cluster, docs/OPERATIONS.md): its rows keep the transaction ids of the server they were
 * written on, which may be far beyond those of the new one. The feed reads only rows below the
 * oldest running transaction, so until 2026-11-28 every restored change stayed out of it (until
 * the new server had counted that many transactions) while new changes came out ahead of them.
 */
@Tag(TestDatabase.POSTGRESQL_ONLY)
class ChangesRestoredElsewhereTests {

    private static List<String> ticketIds(Api api, String since) {
        var ids = new ArrayList<String>();
        String cursor = since;
        while (true) {
            Api.Response r = api.get("/tickets/changes" + (cursor == null ? "" : "?since=" + cursor));
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            JsonNode page = r.json();
            page.get("changes").forEach(ch -> ids.add(ch.get("ticket_id").asString()));
            cursor = page.get("next_cursor").asString();
            if (page.get("end_of_stream").asBoolean()) {
                ids.add("end:" + cursor);
                return ids;
            }
        }
    }

    private static String create(Api api) {
        Api.Response r = api.post("/tickets", aTicket().build());
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asString();
    }

    @Test
    void changesWrittenOnAServerAheadOfThisOneAreInTheFeedAndNewOnesFollowThem() throws IOException, SQLException {
        String url = TestDatabase.newDatabase();
        var settings = new HashMap<String, String>(TestDatabase.settings(url));
        settings.put(
                "supportdesk.data-dir",
                Files.createTempDirectory("supportdesk-restored").toString());
        var written = new ArrayList<String>();
        try (Instance before = Instance.start(settings)) {
            for (int i = 0; i < 3; i++) {
                written.add(create(before.api()));
            }
        }
        // As pg_restore leaves them on a server that has counted a billion transactions fewer.
        try (var connection = DriverManager.getConnection(url, TestDatabase.USER, TestDatabase.PASSWORD);
                var statement = connection.createStatement()) {
            statement.executeUpdate("UPDATE ticket_changes SET xid = xid + 1000000000");
        }

        try (Instance after = Instance.start(settings)) {
            List<String> feed = ticketIds(after.api(), null);
            assertThat(feed.subList(0, feed.size() - 1)).containsExactlyElementsOf(written);

            String later = create(after.api());
            String cursor = feed.get(feed.size() - 1).substring("end:".length());
            List<String> next = ticketIds(after.api(), cursor);
            assertThat(next.subList(0, next.size() - 1)).containsExactly(later);
        }
        // A second start finds nothing more to move: the order stays.
        try (Instance again = Instance.start(settings)) {
            List<String> feed = ticketIds(again.api(), null);
            assertThat(feed.subList(0, feed.size() - 1)).hasSize(4).startsWith(written.toArray(String[]::new));
        }
    }
}
