package org.supportdesk.learning;

import org.supportdesk.system.NotFound;

class JobNotFound extends NotFound {

    JobNotFound() {
        super("Training job not found");
    }
}
