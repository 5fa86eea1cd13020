package org.supportdesk.export;

import java.io.IOException;
import org.supportdesk.tickets.ExportedTicket;

/** Writes tickets, one after another, in one format of the export; {@link #end} finishes the file. */
interface TicketWriter {

    void write(ExportedTicket ticket) throws IOException;

    void end() throws IOException;
}
