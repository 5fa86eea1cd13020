package org.supportdesk.export;

import java.io.IOException;
import java.io.OutputStream;
import org.supportdesk.tickets.ExportedTicket;
import tools.jackson.databind.SequenceWriter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tickets as JSON, each as `GET /tickets/{id}` shows it plus who set category and priority: an
 * array, or NDJSON (one ticket a line), both of which the JSON import reads.
 */
final class JsonTickets implements TicketWriter {

    private final OutputStream out;
    private final SequenceWriter values;
    private final boolean lines;

    JsonTickets(OutputStream out, JsonMapper json, boolean lines) {
        this.out = out;
        this.lines = lines;
        this.values = lines
                ? json.writer().withRootValueSeparator("\n").writeValues(out)
                : json.writer().writeValuesAsArray(out);
    }

    @Override
    public void write(ExportedTicket ticket) {
        values.write(ticket);
    }

    @Override
    public void end() throws IOException {
        values.close();
        if (lines) {
            out.write('\n');
        }
        out.flush();
    }
}
