package org.supportdesk.conversation;

import org.supportdesk.system.NotFound;

class AttachmentNotFound extends NotFound {
    AttachmentNotFound() {
        super("Attachment not found");
    }
}
