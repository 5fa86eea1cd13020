package org.supportdesk.system;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What the service does differently on SQLite and on PostgreSQL, in one place. The SQL itself is
 * the same on both wherever it can be; the differences are the choices below, each made for a
 * measured reason (docs/BENCHMARKS.md). The rest of what differs is where it has to be: the schema
 * in db/migration/{sqlite,postgresql}, the connection settings in DatabaseConfig, and SQLite's
 * single writer thread in Database.
 */
public enum Dialect {
    SQLITE,
    POSTGRESQL;

    /**
     * What ends a SELECT that reads rows a writer then changes, to hold them until its transaction
     * ends: PostgreSQL runs writers side by side, so it takes their row locks (`FOR UPDATE`);
     * SQLite's one writer at a time needs none.
     */
    public String rowLock() {
        return this == POSTGRESQL ? " FOR UPDATE" : "";
    }

    /**
     * True when the service adds new tickets to the stats' counts itself, once per transaction:
     * SQLite's per-row trigger cost 15 µs a row, more than the rest of an insert. PostgreSQL has a
     * statement trigger that costs little per row (db/migration/postgresql/V1).
     */
    public boolean countsNewTicketsInTheService() {
        return this == SQLITE;
    }

    /**
     * True when the service also moves updated tickets between the stats' counts itself: with
     * SQLite's row trigger, an UPDATE that changed a counted column cost 27 µs a row against 5 µs
     * without (a statement with a trigger journals the original of each page it changes, here four
     * 16 KiB pages, and spills that to a temporary file), docs/BENCHMARKS.md. Only two statements
     * change counted columns (tickets.TicketUpdates: edits and classification), and both know the ticket
     * as it was. PostgreSQL's statement triggers cost little per row.
     */
    public boolean countsUpdatesInTheService() {
        return this == SQLITE;
    }

    /**
     * True when the tag rows of a batch of new tickets are made by the database from their tags
     * column in one statement (SQLite's json_each, +3% on an import), rather than bound a row each.
     */
    public boolean makesTagRowsFromTheTagsColumn() {
        return this == SQLITE;
    }

    /**
     * True when the rows that go with a batch of new tickets in the search index and the change log
     * are made by the database from the batch's new rows, in one statement each (SQLite: its one
     * writer's new rowids follow the last one before the batch; a per-row trigger cost 70 us a row
     * for the index). PostgreSQL computes its search column itself, and the change log's rows are
     * bound row by row.
     */
    public boolean indexesNewTicketsByRowid() {
        return this == SQLITE;
    }

    /**
     * True when writers only append count changes, which must be folded into the totals now and
     * then: PostgreSQL runs writers side by side, on several instances, and shared counters updated
     * in place would make them queue (db/migration/postgresql/V1). SQLite's one writer updates them
     * in place.
     */
    public boolean foldsCountChanges() {
        return this == POSTGRESQL;
    }

    /**
     * True when a page is read in the order of its sort keys alone and the tickets that share keys
     * are put in id order by the service: SQLite's list indexes end with the rowid, not the id, and
     * ORDER BY the keys and id copied every row of a page into a sorter (tickets.SortedPages).
     * PostgreSQL's list indexes end with the id.
     */
    public boolean ordersTiesByIdInTheService() {
        return this == SQLITE;
    }

    /**
     * True when several instances may share the database, so that what an instance knows of its
     * background imports must be written there for the others to answer for them
     * (imports.SharedImportJobs). SQLite is one instance's file; writing there would also wait for
     * its one writer, which a running import holds until it ends.
     */
    public boolean isSharedByInstances() {
        return this == POSTGRESQL;
    }

    @Configuration(proxyBeanMethods = false)
    static class Detection {
        @Bean
        Dialect dialect(Database db) {
            return db.isSqlite() ? SQLITE : POSTGRESQL;
        }
    }
}
