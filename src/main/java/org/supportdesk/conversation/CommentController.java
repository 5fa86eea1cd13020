package org.supportdesk.conversation;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URI;
import java.util.UUID;
import org.springframework.http.MediaType;
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
import org.supportdesk.system.Actor;
import org.supportdesk.system.Params;
import tools.jackson.databind.JsonNode;

@RestController
@RequestMapping("/tickets/{id}/comments")
class CommentController {

    private static final String JSON = MediaType.APPLICATION_JSON_VALUE;
    private static final String MERGE_PATCH = "application/merge-patch+json";

    private final CommentService service;
    private final MultipartComment multipart;

    CommentController(CommentService service, MultipartComment multipart) {
        this.service = service;
        this.multipart = multipart;
    }

    /** The JSON body of a new comment, for the OpenAPI description. */
    record NewComment(String body, Visibility visibility, AuthorType authorType) {}

    @Operation(summary = "Add a comment: a reply (public) or an internal note; the author is the caller")
    @PostMapping(consumes = JSON)
    ResponseEntity<Comment> add(
            @PathVariable String id,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content = {
                                @Content(mediaType = JSON, schema = @Schema(implementation = NewComment.class)),
                                @Content(
                                        mediaType = MediaType.MULTIPART_FORM_DATA_VALUE,
                                        schema = @Schema(implementation = NewCommentWithFiles.class))
                            })
                    @RequestBody(required = false)
                    JsonNode body,
            Actor actor) {
        UUID ticketId = Params.id(id);
        return created(service.add(ticketId, CommentInput.fromJson(body), java.util.List.of(), actor));
    }

    /** The multipart form of a new comment with files, for the OpenAPI description. */
    record NewCommentWithFiles(
            String body,
            Visibility visibility,
            AuthorType authorType,

            @ArraySchema(schema = @Schema(type = "string", format = "binary"))
            java.util.List<String> files) {}

    // Both forms of the POST are one operation in the description (springdoc merges them), so
    // the JSON one's request body lists both media types.
    @Operation(summary = "Add a comment with files: multipart fields body, visibility, author_type and files")
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<Comment> upload(@PathVariable String id, HttpServletRequest request, Actor actor)
            throws IOException, ServletException {
        UUID ticketId = Params.id(id);
        MultipartComment.Read read = multipart.read(request.getParts());
        return created(service.add(ticketId, read.input(), read.files(), actor));
    }

    @Operation(summary = "The ticket's comments, oldest first, paged with a keyset cursor")
    @GetMapping
    CommentService.CommentPage list(
            @PathVariable String id,
            @RequestParam(required = false) String visibility,
            @RequestParam(required = false) String limit,
            @RequestParam(required = false) String cursor) {
        CommentQuery query = CommentQuery.of(visibility, limit, cursor);
        return service.list(Params.id(id), query.visibility(), query.cursor(), query.limit());
    }

    @GetMapping("/{commentId}")
    Comment get(@PathVariable String id, @PathVariable String commentId) {
        return service.get(Params.id(id), Params.id("comment_id", commentId));
    }

    @Operation(summary = "Change a comment's text; the old text stays in the ticket's history")
    @PatchMapping(
            value = "/{commentId}",
            consumes = {JSON, MERGE_PATCH})
    Comment edit(
            @PathVariable String id,
            @PathVariable String commentId,
            @RequestBody(required = false) JsonNode body,
            Actor actor) {
        UUID ticketId = Params.id(id);
        UUID comment = Params.id("comment_id", commentId);
        return service.edit(ticketId, comment, CommentInput.editedBody(body), actor);
    }

    @Operation(summary = "Delete a comment: a tombstone stays, without its text and files")
    @DeleteMapping("/{commentId}")
    ResponseEntity<Void> delete(@PathVariable String id, @PathVariable String commentId, Actor actor) {
        service.delete(Params.id(id), Params.id("comment_id", commentId), actor);
        return ResponseEntity.noContent().build();
    }

    private static ResponseEntity<Comment> created(Comment comment) {
        return ResponseEntity.created(URI.create("/tickets/" + comment.ticketId() + "/comments/" + comment.id()))
                .body(comment);
    }
}
