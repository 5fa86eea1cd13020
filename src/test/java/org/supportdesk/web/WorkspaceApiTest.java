package org.supportdesk.web;

import static org.supportdesk.TicketBody.aTicket;

import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.supportdesk.Api;
import org.supportdesk.ApiTest;

/**
 * Base of the workspace's full-app tests over real HTTP: the first admin signed in, and tickets
 * made through the API. No configuration of its own, so its tests share {@link ApiTest}'s server.
 */
abstract class WorkspaceApiTest extends ApiTest {

    Browser admin;

    @BeforeEach
    void signIn() {
        admin = new Browser(port).signInAsAdmin(Api.ADMIN_KEY);
    }

    /** A new agent with this role, invited by {@code admin}, who set a password and signed in. */
    static Browser invitedAgent(Browser admin, int port, String role) {
        admin.get("/desk/admin");
        String email = "agent-" + UUID.randomUUID() + "@example.com";
        String name = "Agent " + UUID.randomUUID().toString().substring(0, 8);
        Browser.Page invited = admin.post("/desk/admin/agents", Map.of("email", email, "name", name, "role", role));
        String link = invited.body().replaceAll("(?s).*(/password/[A-Za-z0-9_-]+).*", "$1");
        var agent = new Browser(port);
        agent.get(link);
        agent.post(link, Map.of("password", "twelve chars ok", "confirm", "twelve chars ok"));
        return agent.signIn(email, "twelve chars ok");
    }

    String newTicket(String customer) {
        return api.post("/tickets", aTicket().withCustomer(customer).build())
                .json()
                .get("id")
                .asString();
    }
}
