package org.supportdesk.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.supportdesk.ApiTest;
import org.supportdesk.TestDatabase;

class SqliteFileTests extends ApiTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void aNewStoreHasSixteenKibPagesInWalMode() {
        assumeFalse(TestDatabase.isPostgres(), "SQLite only");

        assertThat(jdbc.sql("PRAGMA page_size").query(Integer.class).single()).isEqualTo(16384);
        assertThat(jdbc.sql("PRAGMA journal_mode").query(String.class).single()).isEqualToIgnoringCase("wal");
    }
}
