package org.supportdesk.tickets;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.function.Consumer;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.supportdesk.classification.Example;
import org.supportdesk.system.Dialect;

/**
 * The learning package's door into tickets: the tickets whose category or priority a person set
 * (given on create or import, or changed by an agent), as the examples a model learns from. A
 * value the classifier chose is never an example: a model that learned its own decisions would
 * only learn to agree with itself.
 */
@Component
public class LabelledTickets {

    private static final String PERSON = "(category_by = 'person' OR priority_by = 'person')";
    // Newest first, so that a capped read keeps the team's latest habits; id settles ties, so the
    // same store always gives the same examples in the same order, hence the same model.
    private static final String EXAMPLES = "SELECT subject, description, category, category_by, priority,"
            + " priority_by FROM tickets WHERE " + PERSON + " ORDER BY created_at DESC, id DESC LIMIT ?";
    private static final int FETCH = 1000;

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final Dialect dialect;

    LabelledTickets(JdbcClient jdbc, JdbcTemplate template, Dialect dialect) {
        this.jdbc = jdbc;
        this.template = template;
        this.dialect = dialect;
    }

    /** The latest change in the store (epoch ms, 0 when empty): what a count of changes starts from. */
    public long lastChange() {
        return jdbc.sql("SELECT COALESCE(MAX(updated_at), 0) FROM tickets")
                .query(Long.class)
                .single();
    }

    /**
     * How many tickets with a person's category or priority changed in {@code (after, upTo]}: the
     * examples that arrived or changed in that time, read from the updated_at index. An upper
     * bound: any change to such a ticket counts, a new status too.
     */
    public long labelledChanges(long after, long upTo) {
        return jdbc.sql("SELECT COUNT(*) FROM tickets WHERE updated_at > ? AND updated_at <= ? AND " + PERSON)
                .params(after, upTo)
                .query(Long.class)
                .single();
    }

    /**
     * Hands the newest {@code max} examples to {@code out}, one at a time as the rows arrive: the
     * caller keeps what it needs of each, so memory does not grow with the store. A field the
     * classifier set is left out of its example ({@code null}).
     *
     * @return how many examples were read
     */
    public int forEachExample(int max, Consumer<Example> out) {
        return template.execute((ConnectionCallback<Integer>) connection -> {
            // PostgreSQL sends rows in pages only inside a transaction; otherwise the driver reads
            // the whole result first. SQLite steps through the rows as they are read.
            boolean page = dialect == Dialect.POSTGRESQL && connection.getAutoCommit();
            if (page) {
                connection.setAutoCommit(false);
            }
            try {
                return read(connection, max, out);
            } finally {
                if (page) {
                    connection.rollback();
                    connection.setAutoCommit(true);
                }
            }
        });
    }

    private static int read(Connection connection, int max, Consumer<Example> out) throws SQLException {
        int read = 0;
        try (PreparedStatement statement = connection.prepareStatement(EXAMPLES)) {
            statement.setFetchSize(FETCH);
            statement.setInt(1, max);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    out.accept(new Example(
                            rows.getString(1),
                            rows.getString(2),
                            person(rows.getString(4)) ? rows.getString(3) : null,
                            person(rows.getString(6)) ? rows.getString(5) : null));
                    read++;
                }
            }
        }
        return read;
    }

    private static boolean person(String origin) {
        return Origin.parse(origin) == Origin.PERSON;
    }
}
