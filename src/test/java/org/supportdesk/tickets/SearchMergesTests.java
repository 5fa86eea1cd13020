package org.supportdesk.tickets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.supportdesk.ApiTest;
import org.supportdesk.TestDatabase;
import org.supportdesk.system.Actor;
import org.supportdesk.system.Database;
import tools.jackson.databind.json.JsonMapper;

/**
 * SQLite's search index while and after an import writes (SearchMerges): merging is off only
 * inside the import's transaction, and what the import left is merged afterwards, with the index
 * whole and searchable throughout.
 */
class SearchMergesTests extends ApiTest {

    @Autowired
    TicketImports imports;

    @Autowired
    SearchMerges merges;

    @Autowired
    Database db;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void sqliteOnly() {
        assumeFalse(TestDatabase.isPostgres(), "FTS5's merges are SQLite's");
    }

    @Test
    void mergingIsOffOnlyInsideTheImportsTransaction() {
        String customer = "merges-" + UUID.randomUUID();
        TicketImports.Batch batch = batchOf(customer, 3);

        String[] inside = new String[2];
        db.write(() -> {
            TicketImports.Writer writer = imports.writer();
            inside[0] = setting("automerge");
            writer.store(batch);
            writer.finish();
            inside[1] = setting("automerge");
            return null;
        });

        assertThat(inside).containsExactly("0", "4");
        assertThat(setting("automerge")).isEqualTo("4");
        assertThat(setting("crisismerge")).isEqualTo("16");
        assertThat(total("/tickets?q=pumpkin&customer_id=" + customer)).isEqualTo(3);
    }

    @Test
    void aFailedImportLeavesMergingAsItWas() {
        String customer = "merges-" + UUID.randomUUID();
        TicketImports.Batch batch = batchOf(customer, 2);
        String automerge = setting("automerge");
        String crisismerge = setting("crisismerge");

        assertThatThrownBy(() -> db.write(() -> {
                    imports.writer().store(batch);
                    throw new IllegalStateException("the file was cut");
                }))
                .hasMessage("the file was cut");

        assertThat(setting("automerge")).isEqualTo(automerge).isNotEqualTo("0");
        assertThat(setting("crisismerge")).isEqualTo(crisismerge);
        assertThat(total("/tickets?customer_id=" + customer)).isZero();
    }

    @Test
    void whatAnImportLeftIsMergedAfterItAndTheIndexStaysWhole() {
        String customer = "merges-" + UUID.randomUUID();
        db.write(() -> {
            TicketImports.Writer writer = imports.writer();
            // Each batch is a segment of FTS5's of its own: more than merging would let stand.
            for (int i = 0; i < 12; i++) {
                writer.store(batchOf(customer, 5));
            }
            writer.finish();
            return null;
        });

        merges.mergeAll();

        assertThat(merges.mergeAll()).as("nothing left to merge").isZero();
        jdbc.sql("INSERT INTO ticket_search (ticket_search) VALUES ('integrity-check')")
                .update();
        assertThat(total("/tickets?q=pumpkin&customer_id=" + customer)).isEqualTo(60);
    }

    private TicketImports.Batch batchOf(String customer, int n) {
        TicketImports.Batch batch = imports.batch(Actor.ANONYMOUS, false);
        for (int i = 0; i < n; i++) {
            batch.add(imports.check(JsonMapper.builder()
                    .build()
                    .readTree("{\"customer_id\":\"" + customer + "\",\"customer_email\":\"a@example.com\","
                            + "\"customer_name\":\"Ann\",\"subject\":\"Pumpkin order " + i + "\","
                            + "\"description\":\"The pumpkin spice order never arrived at my door.\"}")));
        }
        return batch;
    }

    private int total(String path) {
        return api.get(path).json().get("total").asInt();
    }

    private String setting(String name) {
        return jdbc.sql("SELECT v FROM ticket_search_config WHERE k = ?")
                .param(name)
                .query(String.class)
                .optional()
                .orElse("unset");
    }
}
