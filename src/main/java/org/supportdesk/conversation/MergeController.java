package org.supportdesk.conversation;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.supportdesk.system.Actor;
import org.supportdesk.system.Params;
import tools.jackson.databind.JsonNode;

@RestController
class MergeController {

    private final MergeService service;

    MergeController(MergeService service) {
        this.service = service;
    }

    /** The body, for the OpenAPI description. */
    record MergeRequest(List<UUID> sourceIds) {}

    @Operation(summary = "Merge duplicates into this ticket: their conversations move here, they are closed as merged")
    @PostMapping(value = "/tickets/{id}/merge", consumes = MediaType.APPLICATION_JSON_VALUE)
    MergeService.Merged merge(
            @PathVariable String id,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content = @Content(schema = @Schema(implementation = MergeRequest.class)))
                    @RequestBody(required = false)
                    JsonNode body,
            Actor actor) {
        return service.merge(Params.id(id), body, actor);
    }
}
