package org.supportdesk.export;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import java.io.BufferedWriter;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.supportdesk.system.AcceptRefusals;
import org.supportdesk.system.InvalidRequest;
import org.supportdesk.system.Problem;
import org.supportdesk.tickets.TicketExport;
import org.supportdesk.tickets.TicketFilter;
import tools.jackson.databind.json.JsonMapper;

/** `GET /tickets/export` and `GET /tickets/changes` (docs/SEARCH.md, docs/IMPORT-FORMATS.md). */
@RestController
class ExportController {

    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private final TicketExport tickets;
    private final JsonMapper json;
    private final Clock clock;

    ExportController(TicketExport tickets, JsonMapper json, Clock clock) {
        this.tickets = tickets;
        this.json = json;
        this.clock = clock;
    }

    @Operation(
            summary = "Every ticket that matches the list filters and q, streamed in a format the import reads"
                    + " (csv, json, ndjson or xml; default csv), oldest first")
    @GetMapping("/tickets/export")
    ResponseEntity<StreamingResponseBody> export(
            TicketFilter filter, @RequestParam(required = false) String format, HttpServletRequest request) {
        ExportFormat chosen = format == null || format.isEmpty() ? ExportFormat.CSV : ExportFormat.of(format);
        if (chosen == null) {
            throw new InvalidRequest(
                    Problem.query("format", "Input should be 'csv', 'json', 'ndjson' or 'xml'", "enum"));
        }
        MediaType type = MediaType.parseMediaType(chosen.contentType);
        // Spring negotiates no streamed answer: a type refused with q=0 is a 406 before the first byte.
        AcceptRefusals.refuseIfRefused(request, type);
        // Bound before the first byte: a 422 can no longer follow a 200.
        StreamingResponseBody body = (OutputStream out) -> {
            TicketWriter writer = writer(chosen, out);
            tickets.each(filter, t -> {
                try {
                    writer.write(t);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            writer.end();
        };
        String name = "tickets-" + STAMP.format(clock.instant()) + "." + chosen.extension;
        return ResponseEntity.ok()
                .contentType(type)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(name).build().toString())
                .body(body);
    }

    private TicketWriter writer(ExportFormat format, OutputStream out) throws java.io.IOException {
        return switch (format) {
            case CSV -> new CsvTickets(text(out), json);
            case JSON -> new JsonTickets(out, json, false);
            case NDJSON -> new JsonTickets(out, json, true);
            case XML -> new XmlTickets(text(out));
        };
    }

    private static Writer text(OutputStream out) {
        return new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
    }

    @Operation(
            summary = "Tickets created, changed or deleted since the cursor, oldest first, up to 1000 a page;"
                    + " deleted ones as tombstones. Without since: from the start")
    @GetMapping("/tickets/changes")
    TicketExport.Changes changes(
            @RequestParam(required = false) String since, @RequestParam(required = false) String limit) {
        return tickets.changes(since == null || since.isEmpty() ? null : since, limit(limit));
    }

    private static int limit(String limit) {
        if (limit == null || limit.isEmpty()) {
            return TicketExport.MAX_CHANGES;
        }
        try {
            int n = Integer.parseInt(limit.strip());
            if (n >= 1 && n <= TicketExport.MAX_CHANGES) {
                return n;
            }
        } catch (NumberFormatException reported) {
            // below
        }
        throw new InvalidRequest(Problem.query(
                "limit", "Input should be a whole number from 1 to " + TicketExport.MAX_CHANGES, "int_parsing"));
    }
}
