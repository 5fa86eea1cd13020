package org.supportdesk.conversation;

import java.util.ArrayList;
import org.supportdesk.system.InvalidRequest;
import org.supportdesk.system.Problem;

/** The query of a page of comments, every problem a 422 on ["query", name], all at once. */
record CommentQuery(Visibility visibility, int limit, String cursor) {

    static CommentQuery of(String visibility, String limit, String cursor) {
        var problems = new ArrayList<Problem>();
        Visibility only = null;
        if (visibility != null && !visibility.isEmpty()) {
            only = Visibility.parse(visibility);
            if (only == null) {
                problems.add(Problem.query("visibility", "Input should be 'public' or 'internal'", "enum"));
            }
        }
        int size = CommentService.DEFAULT_LIMIT;
        if (limit != null) {
            try {
                size = Integer.parseInt(limit.strip());
                if (size < 1 || size > CommentService.MAX_LIMIT) {
                    problems.add(Problem.query(
                            "limit",
                            "Input should be between 1 and " + CommentService.MAX_LIMIT,
                            size < 1 ? "greater_than_equal" : "less_than_equal"));
                }
            } catch (NumberFormatException e) {
                problems.add(Problem.query("limit", "Input should be a valid integer", "int_parsing"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequest(problems);
        }
        return new CommentQuery(only, size, cursor == null || cursor.isEmpty() ? null : cursor);
    }
}
