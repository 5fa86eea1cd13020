package org.supportdesk.tickets;

import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.supportdesk.system.Actor;
import org.supportdesk.system.Dialect;

/**
 * Changes of a stored ticket's row: a compare-and-set on its version, with what goes with it in the
 * same transaction (the change log and, on SQLite, the stats' counts: see
 * Dialect.countsUpdatesInTheService). The only two statements that change a ticket's columns after
 * its creation, besides the conversation's counters ({@link TicketStore}).
 */
@Component
class TicketUpdates {

    private static final String UPDATE = TicketColumn.update(TicketColumn.EDITED);
    private static final String UPDATE_TRIAGE = TicketColumn.update(TicketColumn.TRIAGED);

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final TicketJson json;
    private final ChangeLog changes;
    private final TicketCounts counts;
    private final Dialect dialect;

    TicketUpdates(
            JdbcClient jdbc,
            JdbcTemplate batch,
            TicketJson json,
            ChangeLog changes,
            TicketCounts counts,
            Dialect dialect) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.json = json;
        this.changes = changes;
        this.counts = counts;
        this.dialect = dialect;
    }

    /**
     * Compare-and-set on the version of {@code before}, the ticket as it was read: false when someone
     * else changed it first. When it is set, the change of {@code fields} (the API's names; none for
     * a change nobody sees) is logged.
     */
    boolean update(Ticket before, Ticket t, Collection<String> fields, Actor actor) {
        boolean updated = jdbc.sql(UPDATE)
                        .params(TicketColumn.values(t, json, TicketColumn.EDITED, t.id().toString(), before.version()))
                        .update()
                == 1;
        if (updated) {
            changes.updated(t, fields, actor);
            if (dialect.countsUpdatesInTheService()) {
                counts.moved(List.of(before), List.of(t));
            }
        }
        return updated;
    }

    /**
     * Batched compare-and-set of new classifications (as {@link Ticket#withTriage} makes them) on
     * the versions of the tickets in {@code before} at the same places; each entry true when its row
     * was still at that version.
     */
    boolean[] updateTriageAll(
            List<Ticket> before, List<Ticket> next, List<? extends Collection<String>> fields, Actor actor) {
        var params = new ArrayList<Object[]>(next.size());
        for (int i = 0; i < next.size(); i++) {
            Ticket t = next.get(i);
            params.add(TicketColumn.values(
                    t,
                    json,
                    TicketColumn.TRIAGED,
                    t.id().toString(),
                    before.get(i).version()));
        }
        int[] rows = batch.batchUpdate(UPDATE_TRIAGE, params);
        boolean[] updated = new boolean[rows.length];
        var was = new ArrayList<Ticket>();
        var changed = new ArrayList<Ticket>();
        var changedFields = new ArrayList<Collection<String>>();
        for (int i = 0; i < rows.length; i++) {
            updated[i] = rows[i] == 1 || rows[i] == Statement.SUCCESS_NO_INFO;
            if (updated[i]) {
                was.add(before.get(i));
                changed.add(next.get(i));
                changedFields.add(fields.get(i));
            }
        }
        changes.updatedAll(changed, changedFields, actor);
        if (dialect.countsUpdatesInTheService()) {
            counts.moved(was, changed);
        }
        return updated;
    }
}
