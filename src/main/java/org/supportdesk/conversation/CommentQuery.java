package org.supportdesk.conversation;

import java.util.ArrayList;
import org.supportdesk.system.InvalidRequest;
import org.supportdesk.system.Params;
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
            size = Params.integer("limit", limit, 1, CommentService.MAX_LIMIT, size, problems);
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequest(problems);
        }
        return new CommentQuery(only, size, cursor == null || cursor.isEmpty() ? null : cursor);
    }
}
