package org.supportdesk.webhooks;

import io.swagger.v3.oas.annotations.Operation;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.supportdesk.system.InvalidRequest;
import org.supportdesk.system.Params;
import org.supportdesk.system.Problem;
import tools.jackson.databind.JsonNode;

/** Webhooks, for admin keys (docs/WEBHOOKS.md). */
@RestController
@RequestMapping("/webhooks")
class WebhookController {

    private static final String JSON = "application/json";
    private static final int MAX_LIMIT = 200;

    private final WebhookService service;

    WebhookController(WebhookService service) {
        this.service = service;
    }

    @Operation(summary = "Register a webhook; the answer is the only time its `secret` is shown")
    @PostMapping(consumes = JSON)
    ResponseEntity<Webhook.Registered> register(@RequestBody(required = false) JsonNode body) {
        Webhook.Registered created = service.register(WebhookInput.bind(body, true));
        return ResponseEntity.created(URI.create("/webhooks/" + created.id())).body(created);
    }

    @GetMapping
    List<Webhook> list() {
        return service.list();
    }

    @GetMapping("/{id}")
    Webhook get(@PathVariable String id) {
        return service.get(Params.id(id));
    }

    @Operation(summary = "Change url, events or secret, or enable or disable it")
    @PatchMapping(
            value = "/{id}",
            consumes = {JSON, "application/merge-patch+json"})
    Webhook update(@PathVariable String id, @RequestBody(required = false) JsonNode body) {
        return service.update(Params.id(id), WebhookInput.bind(body, false));
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable String id) {
        service.delete(Params.id(id));
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "The latest deliveries, newest first, each with its attempts")
    @GetMapping("/{id}/deliveries")
    List<DeliveryLog.Logged> deliveries(
            @PathVariable String id, @RequestParam(name = "limit", required = false) String limit) {
        return service.deliveries(Params.id(id), limit(limit));
    }

    @Operation(summary = "Send a delivery's event again, as a new delivery")
    @PostMapping("/{id}/deliveries/{delivery}/redeliver")
    ResponseEntity<WebhookService.Redelivery> redeliver(@PathVariable String id, @PathVariable String delivery) {
        return ResponseEntity.accepted().body(service.redeliver(Params.id(id), Params.id("delivery", delivery)));
    }

    /** As the ticket list's `limit`: a number out of range is said to be one, not to be no number. */
    private static int limit(String value) {
        if (value == null || value.isEmpty()) {
            return 50;
        }
        var problems = new ArrayList<Problem>();
        int limit = Params.integer("limit", value, 1, MAX_LIMIT, 50, problems);
        if (!problems.isEmpty()) {
            throw new InvalidRequest(problems);
        }
        return limit;
    }
}
