package org.supportdesk.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.supportdesk.conversation.ConversationFixtures.comment;
import static org.supportdesk.conversation.ConversationFixtures.locsAndTypes;
import static org.supportdesk.conversation.ConversationFixtures.ticket;
import static org.supportdesk.conversation.ConversationFixtures.ticketJson;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.supportdesk.Api;
import org.supportdesk.ApiTest;
import org.supportdesk.CommentBody;
import org.supportdesk.Multipart;

/**
 * Nasty input on every conversation endpoint: empty, huge, binary and non-UTF-8 bodies, bad
 * media types, wrong JSON types, bad ids, broken multipart. Each is a 4xx with a JSON `detail`,
 * and nothing is stored.
 */
class ConversationBadInputTests extends ApiTest {

    /** A 4xx of the given status with a JSON `detail` whose text contains {@code says}. */
    private static void refused(Api.Response r, int status, String says) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.header("Content-Type")).startsWith("application/json");
        assertThat(r.json().get("detail").toString()).contains(says);
    }

    private Api.Response json(String method, String path, String body) {
        return api.send(method, path, "application/json", body, Map.of());
    }

    private Api.Response bytes(String method, String path, String contentType, byte[] body) {
        return api.sendBytes(method, path, contentType, body);
    }

    @Test
    void badBodiesOfANewCommentAreRefusedAndNothingIsStored() {
        String id = ticket(api);
        String path = "/tickets/" + id + "/comments";

        refused(json("POST", path, ""), 422, "Field required");
        refused(json("POST", path, "null"), 422, "Field required");
        refused(bytes("POST", path, "application/json", new byte[] {0, 1, 2, (byte) 0xff}), 400, "Malformed JSON");
        refused(
                bytes(
                        "POST",
                        path,
                        "application/json",
                        "{\"body\":\"caf\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1)),
                400,
                "Invalid UTF-8");
        refused(json("POST", path, "{\"body\":\"" + "x".repeat(2_000_000) + "\"}"), 413, "larger than the limit");
        refused(json("POST", path, "{\"body\":" + "[".repeat(2000) + "]".repeat(2000) + "}"), 400, "nesting");
        refused(json("POST", path, "{\"body\":\"x\"} trailing"), 400, "Malformed JSON");
        refused(json("POST", path, "{\"body\":{\"text\":\"x\"},\"visibility\":1}"), 422, "string_type");
        refused(api.send("POST", path, "text/plain", "hello", Map.of()), 415, "text/plain");
        refused(api.send("POST", path, null, "{\"body\":\"x\"}", Map.of()), 415, "(none)");
        refused(
                api.send("POST", path, "application/json; charset=klingon", "{\"body\":\"x\"}", Map.of()),
                415,
                "charset=klingon");

        assertThat(ticketJson(api, id).get("comment_count").asInt()).isZero();
    }

    @Test
    void badIdsAndUnknownThingsAreNamed() {
        String id = ticket(api);
        String other = ticket(api);
        String commentId =
                comment(api, id, CommentBody.aReply("hello").build()).get("id").asString();

        assertThat(locsAndTypes(api.post("/tickets/" + "a".repeat(3000) + "/comments", Map.of("body", "x"))))
                .containsExactly("[\"path\",\"id\"] uuid_parsing");
        refused(api.post("/tickets/%00/comments", Map.of("body", "x")), 400, "Invalid path");
        refused(
                api.patch("/tickets/" + other + "/comments/" + commentId, Map.of("body", "x")),
                404,
                "Comment not found");
        refused(api.delete("/tickets/" + other + "/comments/" + commentId), 404, "Comment not found");
        refused(api.put("/tickets/" + id + "/comments/" + commentId, Map.of("body", "x")), 405, "Method Not Allowed");
        assertThat(locsAndTypes(api.get("/attachments/" + "1".repeat(3000))))
                .containsExactly("[\"path\",\"id\"] uuid_parsing");
        refused(api.post("/attachments/" + UUID.randomUUID(), Map.of()), 405, "Method Not Allowed");
    }

    @Test
    void badPagesOfCommentsAre422() {
        String id = ticket(api);
        String other = ticket(api);
        comment(api, id, CommentBody.aReply("one").build());
        comment(api, id, CommentBody.aReply("two").build());
        String cursor = api.get("/tickets/" + id + "/comments?limit=1")
                .json()
                .get("next_cursor")
                .asString();
        String path = "/tickets/" + id + "/comments";

        for (String q : List.of("?limit=abc", "?limit=1.5", "?limit=99999999999999999999", "?limit=1&limit=2")) {
            assertThat(locsAndTypes(api.get(path + q))).as(q).containsExactly("[\"query\",\"limit\"] int_parsing");
        }
        assertThat(locsAndTypes(api.get(path + "?limit=0")))
                .containsExactly("[\"query\",\"limit\"] greater_than_equal");
        assertThat(locsAndTypes(api.get(path + "?limit=1001")))
                .containsExactly("[\"query\",\"limit\"] less_than_equal");
        assertThat(locsAndTypes(api.get(path + "?cursor=abc"))).containsExactly("[\"query\",\"cursor\"] value_error");
        // A cursor is signed for its ticket and visibility: not replayable on another.
        assertThat(locsAndTypes(api.get("/tickets/" + other + "/comments?cursor=" + cursor)))
                .containsExactly("[\"query\",\"cursor\"] value_error");
        assertThat(locsAndTypes(api.get(path + "?visibility=internal&cursor=" + cursor)))
                .containsExactly("[\"query\",\"cursor\"] value_error");
    }

    @Test
    void badEditsAreRefusedAndTheTextStays() {
        String id = ticket(api);
        String path = "/tickets/" + id + "/comments/"
                + comment(api, id, CommentBody.aReply("as sent").build())
                        .get("id")
                        .asString();

        refused(json("PATCH", path, ""), 422, "Field required");
        assertThat(locsAndTypes(json("PATCH", path, "{}"))).containsExactly("[\"body\",\"body\"] missing");
        assertThat(locsAndTypes(json("PATCH", path, "{\"body\":5}")))
                .containsExactly("[\"body\",\"body\"] string_type");
        assertThat(locsAndTypes(json("PATCH", path, "{\"body\":\"\\udc00\"}")))
                .containsExactly("[\"body\",\"body\"] string_unicode");
        refused(bytes("PATCH", path, "application/json", new byte[] {(byte) 0xfe, (byte) 0xff}), 400, "Malformed JSON");
        refused(api.send("PATCH", path, "text/plain", "x", Map.of()), 415, "text/plain");
        refused(bytes("PATCH", path, "multipart/form-data; boundary=x", "--x--\r\n".getBytes()), 415, "multipart");

        assertThat(api.get(path).json().get("body").asString()).isEqualTo("as sent");
    }

    @Test
    void brokenMultipartBodiesAreRefusedAndNothingIsStored() {
        String id = ticket(api);
        String path = "/tickets/" + id + "/comments";
        byte[] part = "--x\r\nContent-Disposition: form-data; name=\"body\"\r\n\r\nhi".getBytes();

        refused(bytes("POST", path, "multipart/form-data", part), 400, "Malformed multipart");
        refused(bytes("POST", path, "multipart/form-data; boundary=x", part), 400, "Malformed multipart");
        // Bytes before the first boundary line are not a part: a body of nothing else is not multipart.
        refused(
                bytes("POST", path, "multipart/form-data; boundary=x", new byte[] {1, 2, (byte) 0xff}),
                400,
                "does not begin with its boundary line");
        assertThat(locsAndTypes(bytes("POST", path, "multipart/form-data; boundary=x", new byte[0])))
                .containsExactly("[\"body\",\"body\"] missing");
        assertThat(locsAndTypes(
                        Multipart.form().field("body", "a").field("body", "b").sendTo(api, path)))
                .containsExactly("[\"body\",\"body\"] value_error");
        assertThat(locsAndTypes(Multipart.form()
                        .file("body", "b.txt", "text/plain", "hi".getBytes())
                        .sendTo(api, path)))
                .containsExactly("[\"body\",\"body\"] string_type");
        assertThat(locsAndTypes(Multipart.form()
                        .field("body", "x")
                        .file("files", "a.txt", "text/plain\"; x", "hi".getBytes())
                        .sendTo(api, path)))
                .containsExactly("[\"body\",\"files\",0] file_type");
        var many = Multipart.form().field("body", "x");
        for (int i = 0; i < 60; i++) {
            many.file("files", "f" + i + ".txt", "text/plain", "hi".getBytes());
        }
        refused(many.sendTo(api, path), 400, "Too many parts");
        refused(
                Multipart.form()
                        .field("body", "x")
                        .file("files", "a".repeat(3000) + ".txt", "text/plain", "hi".getBytes())
                        .sendTo(api, path),
                400,
                "headers are longer");

        assertThat(ticketJson(api, id).get("comment_count").asInt()).isZero();
    }

    @Test
    void fileNamesAreStoredWithoutDirectoriesNorControlCharacters() {
        String id = ticket(api);

        var r = Multipart.form()
                .field("body", "names")
                .file("files", "../../etc/passwd", "text/plain", "a".getBytes())
                // A quoted-string on the wire: each backslash of the Windows path escaped.
                .file("files", "C:\\\\Users\\\\me\\\\re\u0001port.txt", "text/plain", "b".getBytes())
                .file("files", "", "text/plain", "c".getBytes())
                .sendTo(api, "/tickets/" + id + "/comments");

        assertThat(r.status()).as(r.body()).isEqualTo(201);
        var names = new ArrayList<String>();
        r.json().get("attachments").forEach(f -> names.add(f.get("filename").asString()));
        assertThat(names).containsExactly("passwd", "report.txt", "attachment");
    }

    @Test
    void badMergeRequestsAreRefusedAndNothingMoves() {
        String target = ticket(api);
        String source = ticket(api);
        comment(api, source, CommentBody.aReply("stays").build());
        String path = "/tickets/" + target + "/merge";

        refused(json("POST", path, ""), 422, "Field required");
        assertThat(locsAndTypes(json("POST", path, "{}"))).containsExactly("[\"body\",\"source_ids\"] missing");
        assertThat(locsAndTypes(json("POST", path, "{\"source_ids\":[]}")))
                .containsExactly("[\"body\",\"source_ids\"] too_short");
        assertThat(locsAndTypes(json("POST", path, "{\"source_ids\":\"" + source + "\"}")))
                .containsExactly("[\"body\",\"source_ids\"] list_type");
        assertThat(locsAndTypes(json("POST", path, "{\"source_ids\":[1,null,\"\\ud800\"]}")))
                .containsExactly(
                        "[\"body\",\"source_ids\",0] uuid_parsing",
                        "[\"body\",\"source_ids\",1] uuid_parsing",
                        "[\"body\",\"source_ids\",2] uuid_parsing");
        assertThat(locsAndTypes(json("POST", path, "{\"source_ids\":[\"" + source + "\"],\"into\":1}")))
                .containsExactly("[\"body\",\"into\"] extra_forbidden");
        var lots = new ArrayList<String>();
        for (int i = 0; i < 101; i++) {
            lots.add(UUID.randomUUID().toString());
        }
        assertThat(locsAndTypes(api.post(path, Map.of("source_ids", lots))))
                .containsExactly("[\"body\",\"source_ids\"] too_long");
        refused(bytes("POST", path, "application/json", new byte[] {(byte) 0xff, 0}), 400, "Malformed JSON");
        refused(api.send("POST", path, "text/plain", "x", Map.of()), 415, "text/plain");
        assertThat(locsAndTypes(api.post("/tickets/nope/merge", Map.of("source_ids", List.of(source)))))
                .containsExactly("[\"path\",\"id\"] uuid_parsing");
        refused(api.get(path), 405, "Method Not Allowed");

        assertThat(ticketJson(api, source).get("comment_count").asInt()).isEqualTo(1);
        assertThat(ticketJson(api, source).get("merged_into").isNull()).isTrue();
    }
}
