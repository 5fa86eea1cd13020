package org.supportdesk.conversation;

import org.supportdesk.system.Conflict;

/** A deleted comment is a tombstone: it cannot be edited. */
class CommentDeleted extends Conflict {
    CommentDeleted() {
        super("Comment was deleted; a deleted comment cannot be edited");
    }
}
