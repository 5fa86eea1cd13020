package org.supportdesk.tickets;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.supportdesk.system.Dialect;

/**
 * PostgreSQL, at start: rows of the change feed ({@link ChangeLog}) whose xid this server has not
 * handed out yet come from another server, restored with pg_restore; the feed, which reads below
 * the oldest running transaction, would not show them until this server had counted as many
 * transactions. They take this statement's own xid, as if written now: no reader can have passed
 * it, since it is still running, and they stay in seq order. A row written meanwhile by an instance
 * already running has an xid no older than this statement's snapshot and is not visible to it, or
 * if updated meanwhile, moves later, never behind a reader. A database written on this server has
 * no such row, and the index on (xid, seq) finds none at once.
 */
@Component
class RestoredChanges implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(RestoredChanges.class);

    private final JdbcClient jdbc;
    private final Dialect dialect;

    RestoredChanges(JdbcClient jdbc, Dialect dialect) {
        this.jdbc = jdbc;
        this.dialect = dialect;
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (dialect == Dialect.POSTGRESQL) {
            int moved = jdbc.sql("UPDATE ticket_changes SET xid = pg_current_xact_id()::text::bigint"
                            + " WHERE xid >= pg_snapshot_xmax(pg_current_snapshot())::text::bigint")
                    .update();
            if (moved > 0) {
                log.info(
                        "Change feed: {} changes carried transaction ids of another server (a restored"
                                + " database); they now follow this server's order",
                        moved);
            }
        }
    }
}
