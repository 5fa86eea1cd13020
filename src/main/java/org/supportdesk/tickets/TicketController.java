package org.supportdesk.tickets;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import java.net.URI;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.supportdesk.system.Actor;
import org.supportdesk.system.Params;
import tools.jackson.databind.JsonNode;

@RestController
@RequestMapping("/tickets")
class TicketController {

    private static final String JSON = "application/json";
    private static final String MERGE_PATCH = "application/merge-patch+json";

    private final TicketService service;
    private final TicketEdits edits;

    TicketController(TicketService service, TicketEdits edits) {
        this.service = service;
        this.edits = edits;
    }

    @Operation(summary = "Create a ticket; category and priority left out are decided by the classifier")
    @PostMapping(consumes = JSON)
    ResponseEntity<Ticket> create(
            @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content = @Content(schema = @Schema(implementation = TicketInput.class)))
                    @RequestBody(required = false)
                    JsonNode body,
            @RequestParam(name = "auto_classify", required = false) String autoClassify,
            Actor actor) {
        Ticket ticket = service.create(body, Params.bool("auto_classify", autoClassify), actor);
        return ResponseEntity.created(URI.create("/tickets/" + ticket.id()))
                .eTag(etag(ticket))
                .body(ticket);
    }

    @Operation(summary = "List tickets, filtered, sorted and paged with a keyset cursor")
    @GetMapping
    TicketService.Page list(TicketQuery query) {
        return service.list(query);
    }

    @GetMapping("/{id}")
    ResponseEntity<Ticket> get(@PathVariable String id) {
        Ticket ticket = service.get(Params.id(id));
        return ResponseEntity.ok().eTag(etag(ticket)).body(ticket);
    }

    @Operation(summary = "Change the fields given; null clears a nullable field; If-Match makes it conditional")
    @PatchMapping(
            value = "/{id}",
            consumes = {JSON, MERGE_PATCH})
    ResponseEntity<Ticket> patch(
            @PathVariable String id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content = @Content(schema = @Schema(implementation = TicketInput.class)))
                    @RequestBody(required = false)
                    JsonNode body,
            Actor actor) {
        Ticket ticket = edits.patch(Params.id(id), body, IfMatch.parse(ifMatch), actor);
        return ResponseEntity.ok().eTag(etag(ticket)).body(ticket);
    }

    @Operation(summary = "Replace all writable fields, validated as on create")
    @PutMapping(value = "/{id}", consumes = JSON)
    ResponseEntity<Ticket> replace(
            @PathVariable String id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestParam(name = "auto_classify", required = false) String autoClassify,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content = @Content(schema = @Schema(implementation = TicketInput.class)))
                    @RequestBody(required = false)
                    JsonNode body,
            Actor actor) {
        Ticket ticket = edits.replace(
                Params.id(id), body, IfMatch.parse(ifMatch), Params.bool("auto_classify", autoClassify), actor);
        return ResponseEntity.ok().eTag(etag(ticket)).body(ticket);
    }

    @Operation(summary = "Delete the ticket with its history and comments; If-Match makes it conditional")
    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(
            @PathVariable String id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            Actor actor) {
        service.delete(Params.id(id), IfMatch.parse(ifMatch), actor);
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "Who changed what and when, and every classification, oldest first")
    @GetMapping("/{id}/history")
    List<HistoryEvent> history(@PathVariable String id) {
        return service.history(Params.id(id));
    }

    static String etag(Ticket ticket) {
        return "\"" + ticket.version() + "\"";
    }
}
