package org.supportdesk.system;

import java.nio.file.Path;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.sqlite.SQLiteDataSource;

/** A {@link Database} over a SQLite file in WAL mode holding one table, for the tests of its single writer. */
record SqliteWriter(JdbcTemplate jdbc, Database db) {

    /** A new file {@code test.db} in {@code dir}, with the table {@code createTable} makes. */
    static SqliteWriter open(Path dir, String createTable) {
        var source = new SQLiteDataSource();
        source.setUrl("jdbc:sqlite:" + dir.resolve("test.db"));
        var jdbc = new JdbcTemplate(source);
        jdbc.execute("PRAGMA journal_mode=WAL");
        jdbc.execute(createTable);
        return new SqliteWriter(
                jdbc, new Database(source, new TransactionTemplate(new DataSourceTransactionManager(source))));
    }
}
