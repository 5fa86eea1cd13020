package org.supportdesk.conversation;

import org.supportdesk.system.NotFound;

class CommentNotFound extends NotFound {
    CommentNotFound() {
        super("Comment not found");
    }
}
