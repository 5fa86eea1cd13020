package org.supportdesk.system;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Batched statements bound straight on the driver's own PreparedStatement. JdbcTemplate's
 * batchUpdate looks up each value's SQL type, and the pool's and the {@link StatementCache}'s
 * wrappers forward every call (the cache's by reflection); for an import's 30 values a row, either
 * cost more than binding them. The wrapper is still what gets closed, so the statement goes back
 * to the cache.
 */
public final class DriverBatch {

    private DriverBatch() {}

    /** Runs {@code sql} once per row of parameters, in one batch, in the current transaction. */
    public static void execute(JdbcTemplate jdbc, String sql, List<Object[]> rows) {
        if (rows.isEmpty()) {
            return;
        }
        jdbc.execute((ConnectionCallback<Void>) con -> {
            try (PreparedStatement wrapped = con.prepareStatement(sql)) {
                PreparedStatement ps = driverStatement(wrapped);
                for (Object[] row : rows) {
                    for (int i = 0; i < row.length; i++) {
                        ps.setObject(i + 1, row[i]);
                    }
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return null;
        });
    }

    private static PreparedStatement driverStatement(PreparedStatement ps) throws SQLException {
        for (PreparedStatement inner = ps.unwrap(PreparedStatement.class);
                inner != ps;
                inner = ps.unwrap(PreparedStatement.class)) {
            ps = inner;
        }
        return ps;
    }
}
