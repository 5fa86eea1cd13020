package org.supportdesk.imports;

import org.supportdesk.system.NotFound;

class ImportJobNotFound extends NotFound {
    ImportJobNotFound() {
        super("Import job not found");
    }
}
