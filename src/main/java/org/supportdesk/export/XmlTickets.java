package org.supportdesk.export;

import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.util.List;
import org.supportdesk.system.Timestamps;
import org.supportdesk.tickets.ExportedTicket;

/**
 * Tickets as XML, in the shape the XML import reads: {@code <tickets><ticket>} with a field per
 * element, {@code <tags><tag>}, {@code <metadata>}, and {@code <classification>} with
 * {@code <keywords_found><keyword>}. Absent values are left out (the import reads an empty element
 * as absent). Text is escaped by hand: a carriage return becomes {@code &#13;}, since an XML parser
 * turns a literal one into a line feed, and the few characters XML 1.0 cannot hold at all (control
 * characters other than tab and line ends) become U+FFFD, the replacement character.
 */
final class XmlTickets implements TicketWriter {

    private final Writer out;

    XmlTickets(Writer out) throws IOException {
        this.out = out;
        out.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<tickets>\n");
    }

    @Override
    public void write(ExportedTicket t) throws IOException {
        out.write("  <ticket>");
        field("id", t.id().toString());
        field("customer_id", t.customerId());
        field("customer_email", t.customerEmail());
        field("customer_name", t.customerName());
        field("subject", t.subject());
        field("description", t.description());
        field("category", t.category());
        field("category_by", t.categoryBy());
        field("priority", t.priority());
        field("priority_by", t.priorityBy());
        field("status", t.status());
        list("tags", "tag", t.tags());
        field("assigned_to", t.assignedTo());
        out.write("<metadata>");
        field("source", t.metadata().source());
        field("browser", t.metadata().browser());
        field("device_type", t.metadata().deviceType());
        out.write("</metadata>");
        field("created_at", time(t.createdAt()));
        field("updated_at", time(t.updatedAt()));
        field("resolved_at", time(t.resolvedAt()));
        field("version", Integer.toString(t.version()));
        ExportedTicket.Classification c = t.classification();
        if (c != null) {
            out.write("<classification>");
            field("category", c.category());
            field("priority", c.priority());
            field("confidence", Double.toString(c.confidence()));
            field("reasoning", c.reasoning());
            list("keywords_found", "keyword", c.keywordsFound());
            field("method", c.method());
            field("classified_at", time(c.classifiedAt()));
            out.write("</classification>");
        }
        out.write("</ticket>\n");
    }

    @Override
    public void end() throws IOException {
        out.write("</tickets>\n");
        out.flush();
    }

    private static String time(Instant at) {
        return at == null ? null : Timestamps.format(at);
    }

    private void list(String name, String item, List<String> values) throws IOException {
        if (values == null || values.isEmpty()) {
            return;
        }
        out.write('<');
        out.write(name);
        out.write('>');
        for (String v : values) {
            field(item, v);
        }
        out.write("</");
        out.write(name);
        out.write('>');
    }

    private void field(String name, String value) throws IOException {
        if (value == null || value.isEmpty()) {
            return;
        }
        out.write('<');
        out.write(name);
        out.write('>');
        escape(value);
        out.write("</");
        out.write(name);
        out.write('>');
    }

    private void escape(String value) throws IOException {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '&' -> out.write("&amp;");
                case '<' -> out.write("&lt;");
                case '>' -> out.write("&gt;");
                case '\r' -> out.write("&#13;");
                default -> out.write(c < 0x20 && c != '\t' && c != '\n' || c == 0xFFFE || c == 0xFFFF ? '\uFFFD' : c);
            }
        }
    }
}
