package org.supportdesk.imports;

import org.supportdesk.system.Unavailable;

/**
 * A job whose state file could not be written as it was queued (a full disk, a directory no longer
 * writable): its upload and its row are gone again, and the client is told so rather than given an
 * id that would never run.
 */
class ImportJobNotQueued extends Unavailable {
    ImportJobNotQueued(Throwable cause) {
        super(
                "The import could not be queued: its state could not be written to this instance's disk"
                        + " (full, or not writable); nothing was stored, send the file again later",
                cause);
    }
}
