package org.supportdesk.security;

import static org.supportdesk.TicketBody.aTicket;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.supportdesk.Api;
import org.supportdesk.Multipart;

/**
 * Every endpoint of the service for the access tests: how to call it (on fresh data where it
 * destroys something), the role it needs and what it answers.
 */
final class AccessEndpoints {

    private AccessEndpoints() {}

    /** One endpoint: how to call it (on fresh data where it destroys something), who may, what it answers. */
    record Endpoint(String name, Role role, int success, Function<Api, Api.Response> call) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static final String CSV = "customer_id,customer_email,customer_name,subject,description\n"
            + "matrix,a@example.com,Ann,Printer jam,The printer jams on every page\n";

    private static final String JSON_FILE = "[{\"customer_id\":\"matrix\",\"customer_email\":\"a@example.com\","
            + "\"customer_name\":\"Ann\",\"subject\":\"Printer jam\",\"description\":\"The printer jams on every page\"}]";

    private static final String XML = "<tickets><ticket><customer_id>matrix</customer_id>"
            + "<customer_email>a@example.com</customer_email><customer_name>Ann</customer_name>"
            + "<subject>Printer jam</subject><description>The printer jams on every page</description>"
            + "</ticket></tickets>";

    /** Ticket ids and key ids made with the test admin key, so the caller's rights alone decide. */
    private static Api admin(Api caller) {
        return caller.withKey(Api.ADMIN_KEY);
    }

    static List<Endpoint> endpoints() {
        return List.of(
                new Endpoint("GET /tickets", Role.VIEWER, 200, a -> a.get("/tickets?limit=1")),
                new Endpoint("GET /tickets/{id}", Role.VIEWER, 200, a -> a.get("/tickets/" + ticket(a))),
                new Endpoint(
                        "GET /tickets/{id}/history",
                        Role.VIEWER,
                        200,
                        a -> a.get("/tickets/" + ticket(a) + "/history")),
                new Endpoint("GET /tickets/stats", Role.VIEWER, 200, a -> a.get("/tickets/stats")),
                new Endpoint(
                        "GET /tickets/{id}/comments",
                        Role.VIEWER,
                        200,
                        a -> a.get("/tickets/" + ticket(a) + "/comments")),
                new Endpoint(
                        "GET /tickets/{id}/comments/{commentId}",
                        Role.VIEWER,
                        200,
                        a -> a.get(SecurityFixtures.commentPath(admin(a)))),
                new Endpoint(
                        "GET /attachments/{id}",
                        Role.VIEWER,
                        200,
                        a -> a.get(SecurityFixtures.attachmentUrl(admin(a)))),
                new Endpoint(
                        "POST /tickets/{id}/comments",
                        Role.AGENT,
                        201,
                        a -> a.post("/tickets/" + ticket(a) + "/comments", Map.of("body", "hello"))),
                new Endpoint(
                        "POST /tickets/{id}/comments (multipart)",
                        Role.AGENT,
                        201,
                        a -> Multipart.form().field("body", "hello").sendTo(a, "/tickets/" + ticket(a) + "/comments")),
                new Endpoint(
                        "PATCH /tickets/{id}/comments/{commentId}",
                        Role.AGENT,
                        200,
                        a -> a.patch(SecurityFixtures.commentPath(admin(a)), Map.of("body", "edited"))),
                new Endpoint(
                        "DELETE /tickets/{id}/comments/{commentId}",
                        Role.ADMIN,
                        204,
                        a -> a.delete(SecurityFixtures.commentPath(admin(a)))),
                new Endpoint(
                        "POST /tickets/{id}/merge",
                        Role.AGENT,
                        200,
                        a -> a.post("/tickets/" + ticket(a) + "/merge", Map.of("source_ids", List.of(ticket(a))))),
                new Endpoint(
                        "POST /tickets",
                        Role.AGENT,
                        201,
                        a -> a.post("/tickets", aTicket().build())),
                new Endpoint(
                        "PATCH /tickets/{id}",
                        Role.AGENT,
                        200,
                        a -> a.patch("/tickets/" + ticket(a), Map.of("status", "in_progress"))),
                new Endpoint(
                        "PUT /tickets/{id}",
                        Role.AGENT,
                        200,
                        a -> a.put("/tickets/" + ticket(a), aTicket().build())),
                new Endpoint(
                        "POST /tickets/{id}/classify",
                        Role.AGENT,
                        200,
                        a -> a.post("/tickets/" + ticket(a) + "/classify", Map.of())),
                new Endpoint(
                        "POST /tickets/{id}/auto-classify",
                        Role.AGENT,
                        200,
                        a -> a.post("/tickets/" + ticket(a) + "/auto-classify", Map.of())),
                new Endpoint("DELETE /tickets/{id}", Role.ADMIN, 204, a -> a.delete("/tickets/" + ticket(a))),
                new Endpoint(
                        "POST /tickets/classify-all",
                        Role.ADMIN,
                        200,
                        a -> a.post("/tickets/classify-all?customer_id=nobody-" + UUID.randomUUID(), Map.of())),
                new Endpoint(
                        "POST /import/csv",
                        Role.ADMIN,
                        200,
                        a -> a.sendBytes("POST", "/import/csv?dry_run=true", "text/csv", bytes(CSV))),
                new Endpoint(
                        "POST /import/json",
                        Role.ADMIN,
                        200,
                        a -> a.sendBytes("POST", "/import/json?dry_run=true", "application/json", bytes(JSON_FILE))),
                new Endpoint(
                        "POST /import/xml",
                        Role.ADMIN,
                        200,
                        a -> a.sendBytes("POST", "/import/xml?dry_run=true", "application/xml", bytes(XML))),
                new Endpoint(
                        "POST /tickets/import",
                        Role.ADMIN,
                        200,
                        a -> a.sendBytes("POST", "/tickets/import?dry_run=true", "text/csv", bytes(CSV))),
                new Endpoint(
                        "POST /imports",
                        Role.ADMIN,
                        202,
                        a -> a.sendBytes("POST", "/imports?dry_run=true", "text/csv", bytes(CSV))),
                new Endpoint(
                        "POST /api-keys",
                        Role.ADMIN,
                        201,
                        a -> a.post("/api-keys", Map.of("name", "made-in-matrix", "role", "viewer"))),
                new Endpoint("GET /api-keys", Role.ADMIN, 200, a -> a.get("/api-keys")),
                new Endpoint("GET /classification/model", Role.VIEWER, 200, a -> a.get("/classification/model")),
                new Endpoint(
                        "GET /classification/model/jobs/{id}",
                        Role.VIEWER,
                        200,
                        a -> a.get("/classification/model/jobs/" + trainingJob(a))),
                new Endpoint(
                        "POST /classification/model/train",
                        Role.ADMIN,
                        202,
                        a -> a.post("/classification/model/train", Map.of())),
                new Endpoint("POST /webhooks", Role.ADMIN, 201, a -> a.post("/webhooks", aWebhook())),
                new Endpoint("GET /webhooks", Role.ADMIN, 200, a -> a.get("/webhooks")),
                new Endpoint("GET /webhooks/{id}", Role.ADMIN, 200, a -> a.get("/webhooks/" + webhook(a))),
                new Endpoint(
                        "PATCH /webhooks/{id}",
                        Role.ADMIN,
                        200,
                        a -> a.patch("/webhooks/" + webhook(a), Map.of("events", List.of("ticket.deleted")))),
                new Endpoint("DELETE /webhooks/{id}", Role.ADMIN, 204, a -> a.delete("/webhooks/" + webhook(a))),
                new Endpoint(
                        "GET /webhooks/{id}/deliveries",
                        Role.ADMIN,
                        200,
                        a -> a.get("/webhooks/" + webhook(a) + "/deliveries")),
                // No delivery to redeliver: an admin passes the rule and learns that (404).
                new Endpoint(
                        "POST /webhooks/{id}/deliveries/{delivery}/redeliver",
                        Role.ADMIN,
                        404,
                        a -> a.post(
                                "/webhooks/" + webhook(a) + "/deliveries/" + UUID.randomUUID() + "/redeliver",
                                Map.of())),
                new Endpoint(
                        "DELETE /api-keys/{id}",
                        Role.ADMIN,
                        204,
                        a -> a.delete("/api-keys/"
                                + SecurityFixtures.newKey(admin(a), "viewer")
                                        .get("id")
                                        .asString())));
    }

    /** A webhook that is never sent to: disabled (at example.com's address). */
    private static Map<String, Object> aWebhook() {
        return Map.of("url", "https://93.184.215.14/matrix", "events", List.of("ticket.created"), "enabled", false);
    }

    private static String webhook(Api caller) {
        return admin(caller).post("/webhooks", aWebhook()).json().get("id").asString();
    }

    private static String ticket(Api caller) {
        return SecurityFixtures.ticketId(admin(caller));
    }

    /** A training job's id (the shared test server's models never decide: ApiTest sets min-examples out of reach). */
    private static String trainingJob(Api caller) {
        return admin(caller)
                .post("/classification/model/train", Map.of())
                .json()
                .get("id")
                .asString();
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
