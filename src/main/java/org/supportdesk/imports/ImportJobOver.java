package org.supportdesk.imports;

import org.supportdesk.system.Conflict;

/** A job that is over cannot be cancelled: a finished one's tickets are stored. */
class ImportJobOver extends Conflict {
    ImportJobOver(String state) {
        super("The import job is " + state + " already; there is nothing to cancel");
    }
}
