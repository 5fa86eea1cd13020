package org.supportdesk.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The inbox's query string: the API's list filters and sort (plus the workspace's `open` and
 * `unassigned`), with the inbox's defaults (newest first, 50 a page). It is the address of the
 * list, so a view is a link and the back button works.
 */
public record InboxQuery(Map<String, String> params) {

    /** The parameters the inbox keeps in its links; cursors are added per link. */
    static final List<String> NAMES = List.of(
            "q",
            "sla",
            "status",
            "priority",
            "category",
            "assigned_to",
            "customer_id",
            "tag",
            "created_after",
            "created_before",
            "open",
            "unassigned",
            "sort",
            "order",
            "limit");

    static final Map<String, String> DEFAULTS = Map.of("sort", "created_at", "order", "desc", "limit", "50");

    static InboxQuery of(HttpServletRequest request) {
        var params = new LinkedHashMap<String, String>();
        for (String name : NAMES) {
            String value = request.getParameter(name);
            if (value != null && !value.isBlank()) {
                // strip(), not trim(): trim() drops a NUL at either end silently, so "login OR \0"
                // became "login OR", a 422 where the API finds what "login" finds.
                params.put(name, value.strip());
            }
        }
        return new InboxQuery(params);
    }

    /** A saved view's query string. */
    static InboxQuery parse(String query) {
        var params = new LinkedHashMap<String, String>();
        UriComponentsBuilder.fromUriString("/desk?" + query)
                .build()
                .getQueryParams()
                .forEach((name, values) -> {
                    if (NAMES.contains(name) && !values.isEmpty() && values.get(0) != null) {
                        params.put(name, org.springframework.web.util.UriUtils.decode(values.get(0), "UTF-8"));
                    }
                });
        return new InboxQuery(params);
    }

    /** The value to read: given, or the inbox's default. */
    public String get(String name) {
        String value = params.get(name);
        return value != null ? value : DEFAULTS.get(name);
    }

    /** The filters only (no sort, order or size): what a saved view keeps. */
    public String filters() {
        var only = new LinkedHashMap<>(params);
        only.remove("sort");
        only.remove("order");
        only.remove("limit");
        return new InboxQuery(only).toString();
    }

    public boolean filtered() {
        return !filters().isEmpty();
    }

    /** This query's address with a page cursor. */
    public String page(String cursorName, String cursor) {
        var with = new LinkedHashMap<>(params);
        with.put(cursorName, cursor);
        return "/desk?" + new InboxQuery(with);
    }

    @Override
    public String toString() {
        var builder = UriComponentsBuilder.newInstance();
        params.forEach(builder::queryParam);
        String query = builder.encode().build().getQuery();
        return query == null ? "" : query;
    }
}
