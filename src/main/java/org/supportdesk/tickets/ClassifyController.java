package org.supportdesk.tickets;

import io.swagger.v3.oas.annotations.Operation;
import java.io.OutputStream;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.supportdesk.system.Actor;
import org.supportdesk.system.Params;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

@RestController
class ClassifyController {

    private final ClassifyService classify;
    private final ClassifyAll all;
    private final JsonMapper json;

    ClassifyController(ClassifyService classify, ClassifyAll all, JsonMapper json) {
        this.classify = classify;
        this.all = all;
        this.json = json;
    }

    @Operation(summary = "Classify one ticket and apply the result, unless apply=false")
    @PostMapping({"/tickets/{id}/classify", "/tickets/{id}/auto-classify"})
    ClassificationResult classifyOne(
            @PathVariable String id, @RequestParam(required = false) String apply, Actor actor) {
        boolean doApply = apply == null || Params.bool("apply", apply);
        return classify.classifyOne(Params.id(id), doApply, actor);
    }

    @Operation(
            summary = "Classify every ticket matching the list filters; applies only to values the classifier"
                    + " owns unless force=true; the JSON array is streamed")
    @PostMapping("/tickets/classify-all")
    ResponseEntity<StreamingResponseBody> classifyAll(
            TicketFilter filter, @RequestParam(required = false) String force, Actor actor) {
        // The filters are bound before the first byte goes out: a 422 can no longer follow a 200.
        boolean forced = Params.bool("force", force);
        StreamingResponseBody body = (OutputStream out) -> {
            try (JsonGenerator gen = json.createGenerator(out)) {
                gen.writeStartArray();
                all.classifyAll(filter, forced, actor, result -> json.writeValue(gen, result));
                gen.writeEndArray();
            }
        };
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(body);
    }
}
