package org.supportdesk.tickets;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.supportdesk.search.SearchQuery;

/**
 * The list filters, taken by `GET /tickets`, search, stats, classify-all and export: a controller
 * declares a TicketFilter parameter and {@link TicketQueryBinding} binds it from the query string.
 * {@link #bind} is the one declaration of their query parameters. Filters combine with AND;
 * `createdAfter` is inclusive, `createdBefore` exclusive; `search` is the `q` parameter, its words
 * and fields (docs/SEARCH.md); `sla` holds the SLA filter's bounds as of the request's time.
 */
public record TicketFilter(
        Category category,
        Priority priority,
        Status status,
        String assignedTo,
        String customerId,
        String tag,
        Instant createdAfter,
        Instant createdBefore,
        SlaCondition sla,
        TicketSearch search) {

    static final TicketFilter NONE = new TicketFilter(null, null, null, null, null, null, null, null, null, null);

    /**
     * Reads the filters from a query string; a value outside its enum or a bad timestamp is a
     * problem. `sla` is bound as of {@code now}, `due_soon` meaning within {@code dueSoon}.
     */
    static TicketFilter bind(QueryValues query, Instant now, Duration dueSoon) {
        return new TicketFilter(
                query.label("category", Category.values()),
                query.label("priority", Priority.values()),
                query.label("status", Status.values()),
                query.text("assigned_to"),
                query.text("customer_id"),
                query.text("tag"),
                query.timestamp("created_after"),
                query.timestamp("created_before"),
                SlaCondition.of(query.label("sla", SlaCondition.Kind.values()), now, dueSoon),
                search(query, now, dueSoon));
    }

    /** These filters with another SLA condition. */
    TicketFilter withSla(SlaCondition condition) {
        return new TicketFilter(
                category,
                priority,
                status,
                assignedTo,
                customerId,
                tag,
                createdAfter,
                createdBefore,
                condition,
                search);
    }

    /** These filters with another tag (null: any). */
    TicketFilter withTag(String other) {
        return new TicketFilter(
                category, priority, status, assignedTo, customerId, other, createdAfter, createdBefore, sla, search);
    }

    private static TicketSearch search(QueryValues query, Instant now, Duration dueSoon) {
        SearchQuery q = query.search("q");
        return q == null ? null : TicketSearch.bind(q, query, now, dueSoon);
    }

    /**
     * These filters in one form, for the relevance cursors bound to them (CursorCodec): the list's
     * parameters, the SLA filter by its kind (its bounds move with the clock) and `q` as
     * SearchQuery.canonical writes it.
     */
    String scope() {
        String slaKind = sla == null ? "" : sla.dueFrom() == null ? "breached" : "due_soon";
        return String.join(
                "\u0000",
                String.valueOf(category),
                String.valueOf(priority),
                String.valueOf(status),
                String.valueOf(assignedTo),
                String.valueOf(customerId),
                String.valueOf(tag),
                String.valueOf(createdAfter),
                String.valueOf(createdBefore),
                slaKind,
                search == null ? "" : search.canonical());
    }

    /** True when `q` has words that must match: the matches can be ranked and highlighted. */
    boolean ranked() {
        return search != null && search.ranked();
    }

    /** True when only the counted columns are filtered, so stats can read the counts table. */
    boolean onlyCountedColumns() {
        return onlyCountedParameters() && search == null;
    }

    /** True when, of the list's parameters (not `q`), only the counted columns are filtered. */
    private boolean onlyCountedParameters() {
        return assignedTo == null
                && customerId == null
                && tag == null
                && createdAfter == null
                && createdBefore == null
                && sla == null;
    }

    /**
     * The category, priority and status this filter asks for, from its parameters and from the
     * fields of `q`, without the words: a filter the counts table answers at once. Null when it
     * filters anything else, or asks two values of one column (left to the search, which finds
     * nothing).
     */
    TicketFilter counted() {
        if (!onlyCountedParameters()) {
            return null;
        }
        Category c = category;
        Priority p = priority;
        Status s = status;
        for (TicketSearch.Field field : search == null ? List.<TicketSearch.Field>of() : search.fields()) {
            Labelled value = field.counted();
            if (value instanceof Category v && (c == null || c == v)) {
                c = v;
            } else if (value instanceof Priority v && (p == null || p == v)) {
                p = v;
            } else if (value instanceof Status v && (s == null || s == v)) {
                s = v;
            } else {
                return null;
            }
        }
        return new TicketFilter(c, p, s, null, null, null, null, null, null, null);
    }

    /** Adds the filters' conditions on the columns of table `tickets`. */
    void addTo(Where where, SearchSql sql) {
        addTo(where, sql, true, false);
    }

    /**
     * The same; without the words' match when {@code withText} is false (a ranked page's FROM
     * matches them), and with the tag checked on each candidate when {@code tagPerTicket}
     * ({@link #tagCondition}).
     */
    void addTo(Where where, SearchSql sql, boolean withText, boolean tagPerTicket) {
        // By rank: the index behind sort=priority then serves the filter too.
        addTo(where, "priority_rank = ?", priority == null ? null : priority.ordinal(), tagPerTicket);
        if (sla != null) {
            sla.addTo(where);
        }
        if (search != null) {
            search.addTo(where, sql, withText);
        }
    }

    /** These filters without the words of `q` (its fields kept): the tickets a search's words are matched among. */
    TicketFilter withoutWords() {
        return search == null
                ? this
                : new TicketFilter(
                        category,
                        priority,
                        status,
                        assignedTo,
                        customerId,
                        tag,
                        createdAfter,
                        createdBefore,
                        sla,
                        search.withoutText());
    }

    /**
     * With the customer or the assignee, whose index finds the few candidates, each is looked up
     * in the tag's rows by their key (0.1 ms over a million tickets; the `IN` form with a customer
     * read all 83,000 ids of a common tag first: 180 ms); so it is when a search's statement asks
     * ({@code perTicket}: SearchSql.window, RecentRanges' probe), whose words and range of creation
     * time find the candidates. Otherwise the tag's ticket ids are read first, which serves a tag
     * on few tickets and the orders TaggedPages does not walk. Among many candidates the `IN` form
     * is also a plan PostgreSQL may pick for a generic statement that looks each candidate up by
     * its id alone, the key's third column, reading every row of the tag each time: a search with
     * words, `tag=vip` and `priority=high` took 55-105 s (docs/BENCHMARKS.md, twelfth session).
     */
    private String tagCondition(boolean perTicket) {
        return perTicket || customerId != null || assignedTo != null
                ? "EXISTS (SELECT 1 FROM ticket_tags WHERE ticket_tags.tag = ?"
                        + " AND ticket_tags.created_at = tickets.created_at AND ticket_tags.ticket_id = tickets.id)"
                : "id IN (SELECT ticket_id FROM ticket_tags WHERE tag = ?)";
    }

    /** The same for the stats' counts table, which has only the {@link #onlyCountedColumns}. */
    void addCountsTo(Where where) {
        addTo(where, "priority = ?", priority == null ? null : priority.value(), false);
    }

    private void addTo(Where where, String priorityCondition, Object priorityValue, boolean tagPerTicket) {
        where.and("category = ?", category == null ? null : category.value())
                .and(priorityCondition, priorityValue)
                .and("status = ?", status == null ? null : status.value())
                .and("assigned_to = ?", assignedTo)
                .and("customer_id = ?", customerId)
                .and(tagCondition(tagPerTicket), tag)
                .and("created_at >= ?", createdAfter == null ? null : createdAfter.toEpochMilli())
                .and("created_at < ?", createdBefore == null ? null : createdBefore.toEpochMilli());
    }
}
