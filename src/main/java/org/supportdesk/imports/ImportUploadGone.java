package org.supportdesk.imports;

import org.supportdesk.system.Conflict;

/**
 * A job asked for an upload no longer waiting: deleted after its hour, or already taken by a job
 * (a preview confirmed twice). Never a second job on the same file, nor one whose file is gone.
 */
class ImportUploadGone extends Conflict {
    ImportUploadGone() {
        super("That upload is gone (an hour has passed, it was already imported, or the service restarted):"
                + " send the file again");
    }
}
