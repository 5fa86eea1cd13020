package org.supportdesk.tickets;

import java.util.ArrayList;
import java.util.List;

/**
 * A WHERE clause being built: conditions joined by AND, each with its parameters, rendered once.
 * Every query over tickets builds its conditions here (the filters, and a page's keyset position),
 * so a clause cannot be opened twice.
 */
final class Where {

    private final List<String> conditions = new ArrayList<>();
    private final List<Object> args = new ArrayList<>();

    /** Adds {@code condition} with its one parameter, or nothing when the value is null. */
    Where and(String condition, Object value) {
        if (value instanceof String text && text.indexOf('\0') >= 0) {
            // No stored text holds NUL (TicketBinder refuses it), and PostgreSQL refuses it as a
            // parameter: such a filter matches nothing.
            conditions.add("1 = 0");
        } else if (value != null) {
            conditions.add(condition);
            args.add(value);
        }
        return this;
    }

    /** Adds {@code condition} with several parameters, in order. */
    Where andAll(String condition, List<Object> values) {
        conditions.add(condition);
        args.addAll(values);
        return this;
    }

    /** " WHERE a AND b", or "" when there is no condition. */
    String sql() {
        return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }

    /** The parameters of {@link #sql()}, in order; statements that go on append theirs after. */
    List<Object> args() {
        return args;
    }
}
