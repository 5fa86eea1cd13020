package org.supportdesk.tickets;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.supportdesk.system.Dialect;

/**
 * Row locks on tickets, taken by writers that read before they write (TicketStore#findLocked says
 * why): PostgreSQL's writers run side by side and take them with `FOR UPDATE`; SQLite's one writer
 * needs none, and there they are plain reads of whether the tickets exist.
 */
@Component
class TicketLocks {

    private final JdbcClient jdbc;
    private final String forUpdate;

    TicketLocks(JdbcClient jdbc, Dialect dialect) {
        this.jdbc = jdbc;
        this.forUpdate = dialect.rowLock();
    }

    /** Locks the ticket's row; false when there is no such ticket. */
    boolean lock(UUID id) {
        return jdbc.sql("SELECT 1 FROM tickets WHERE id = ?" + forUpdate)
                .param(id.toString())
                .query(Integer.class)
                .optional()
                .isPresent();
    }

    /**
     * Locks the rows of those of the tickets that exist, in id order, so that two callers never wait
     * on each other in a cycle; their ids.
     */
    Set<UUID> lockExisting(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Set.of();
        }
        var existing = new HashSet<UUID>();
        jdbc.sql("SELECT id FROM tickets WHERE id IN (" + "?, ".repeat(ids.size() - 1) + "?) ORDER BY id" + forUpdate)
                .params(ids.stream().map(UUID::toString).toList())
                .query(rs -> {
                    existing.add(UUID.fromString(rs.getString(1)));
                });
        return existing;
    }

    /**
     * Before a batch writes to or logs for these tickets: where writers run side by side
     * (PostgreSQL), locks the rows of all of them at once, in id order, and returns those that
     * exist; a batch that updated some rows and only then locked the others could hold a row that
     * another batch waited for while it waited for one that batch held. SQLite's one writer needs
     * no locks: there this returns null and reads nothing, since checking 2,000 ids took 9-16 ms a
     * batch (over a million tickets, a third more time for a forced classify-all).
     */
    Set<UUID> lockBatch(Collection<UUID> ids) {
        return forUpdate.isEmpty() ? null : lockExisting(ids);
    }
}
