package org.supportdesk.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.supportdesk.Api;

/**
 * The workspace's sign-in over real HTTP: sessions, passwords, invitations, CSRF and the forms of
 * other sites, and the API's keys beside it.
 */
class WorkspaceSignInTests extends WorkspaceApiTest {

    @Test
    void rootAnswersProgramsWithNameAndVersionAndSendsBrowsersToTheWorkspace() {
        Api.Response json = api.withKey(null).get("/");
        assertThat(json.status()).isEqualTo(200);
        assertThat(json.json().get("name").asString()).isEqualTo("Supportdesk");
        assertThat(json.json().get("version").asString()).isNotBlank();

        Browser.Page html = new Browser(port).get("/");
        assertThat(html.status()).isEqualTo(302);
        assertThat(html.location()).endsWith("/desk");
    }

    @Test
    void pagesNeedASignInAndTheSetupIsOverOnceAnAdminExists() {
        var stranger = new Browser(port);
        assertThat(stranger.get("/desk").location()).endsWith("/login");
        assertThat(stranger.get("/setup").location()).endsWith("/login");
        assertThat(stranger.htmxGet("/desk/list").headers().firstValue("HX-Redirect"))
                .hasValue("/login");
    }

    @Test
    void thePageToReturnToAfterSignInIsKeptInACookieOtherSitesDoNotSend() {
        Browser.Page page = new Browser(port).get("/desk/dashboard");

        assertThat(page.location()).endsWith("/login");
        assertThat(page.headers().allValues("Set-Cookie"))
                .filteredOn(c -> c.startsWith("REDIRECT_URI="))
                .singleElement()
                .satisfies(c -> assertThat(c).contains("HttpOnly", "SameSite=Lax"));
    }

    @Test
    void aWrongPasswordIsRefusedAndRepeatedFailuresAreThrottled() {
        var guesser = new Browser(port);
        String email = "nobody-" + UUID.randomUUID() + "@example.com";
        guesser.get("/login");
        // Five tries per email (SignInThrottle.PER_EMAIL), each counted once, then a wait.
        for (int i = 0; i < 5; i++) {
            assertThat(guesser.post("/login", Map.of("email", email, "password", "wrong password " + i))
                            .location())
                    .as("try %d", i + 1)
                    .endsWith("/login?error");
        }
        assertThat(guesser.post("/login", Map.of("email", email, "password", "x"))
                        .location())
                .contains("/login?wait=");
    }

    /**
     * A sibling site (evil.example.com beside desk.example.com) is "same-site": the session cookie
     * (SameSite=Lax) goes with its forms, and it can plant its own CSRF cookie, whose token it then
     * knows. The browser says where a form comes from (Sec-Fetch-Site): only the workspace's own
     * pages may send one.
     */
    @Test
    void aFormFromAnotherSiteIsRefusedEvenWithAValidTokenAndSavesNothing() {
        admin.get("/desk");
        String name = "planted-" + UUID.randomUUID();

        for (String site : List.of("same-site", "cross-site")) {
            Browser.Page refused = admin.postWithHeaders(
                    "/desk/views", Map.of("name", name, "query", "status=new"), Map.of("Sec-Fetch-Site", site));
            assertThat(refused.status()).as(site).isEqualTo(403);
            assertThat(refused.body()).contains("came from another site");
        }
        assertThat(admin.get("/desk").body()).doesNotContain(name);

        Browser.Page own = admin.postWithHeaders(
                "/desk/views", Map.of("name", name, "query", "status=new"), Map.of("Sec-Fetch-Site", "same-origin"));
        assertThat(own.status()).isEqualTo(302);
        assertThat(admin.get("/desk").body()).contains(name);
    }

    @Test
    void aSignInWithAnEmailNoAccountCouldHaveIsAWrongPasswordNotAFailure() {
        var stranger = new Browser(port);
        stranger.get("/login");

        Browser.Page nul =
                stranger.post("/login", Map.of("email", "a\u0000b@example.com", "password", "whatever it is"));

        assertThat(nul.status()).isEqualTo(302);
        assertThat(nul.location()).endsWith("/login?error");
    }

    @Test
    void aFormWithoutTheCsrfTokenIsRefused() {
        Browser.Page page = admin.post("/desk/new", Map.of("_csrf", "forged", "subject", "x"));
        assertThat(page.status()).isEqualTo(403);
        assertThat(page.body()).contains("expired");
    }

    @Test
    void anAdminInvitesAnAgentWhoSetsAPasswordAndSignsIn() {
        admin.get("/desk/admin");
        String email = "agent-" + UUID.randomUUID() + "@example.com";
        String name = "Agent " + UUID.randomUUID().toString().substring(0, 8);
        Browser.Page invited = admin.post("/desk/admin/agents", Map.of("email", email, "name", name, "role", "viewer"));
        String link = invited.body().replaceAll("(?s).*(/password/[A-Za-z0-9_-]+).*", "$1");
        var agent = new Browser(port);
        agent.get(link);
        assertThat(agent.post(link, Map.of("password", "too short", "confirm", "too short"))
                        .body())
                .contains("at least 12 characters");
        assertThat(agent.post(link, Map.of("password", "twelve chars ok", "confirm", "twelve chars ok"))
                        .location())
                .endsWith("/login?password-set");
        agent.signIn(email, "twelve chars ok");
        assertThat(agent.get("/desk").status()).isEqualTo(200);
        // A viewer reads but does not change, and has no admin screens.
        assertThat(agent.get("/desk/admin").status()).isEqualTo(403);
        agent.get("/desk");
        assertThat(agent.htmxPost("/desk/bulk", Map.of("action", "classify")).status())
                .isEqualTo(403);
        // The link works once.
        assertThat(new Browser(port).get(link).body()).contains("This link does not work");
    }

    @Test
    void anEmailIsReadAtSignInAsItWasReadAtTheInvitation() {
        admin.get("/desk/admin");
        String email = "agent-" + UUID.randomUUID() + "@example.com";
        // Typed with a Japanese input method, the space after the address is U+3000; the invitation
        // dropped it, so the sign-in must too.
        Browser.Page invited = admin.post(
                "/desk/admin/agents", Map.of("email", email + "\u3000", "name", "Ideographic", "role", "viewer"));
        String link = invited.body().replaceAll("(?s).*(/password/[A-Za-z0-9_-]+).*", "$1");
        var agent = new Browser(port);
        agent.get(link);
        agent.post(link, Map.of("password", "twelve chars ok", "confirm", "twelve chars ok"));

        agent.signIn(email.toUpperCase(java.util.Locale.ROOT) + "\u3000", "twelve chars ok");

        assertThat(agent.get("/desk").status()).isEqualTo(200);
    }

    @Test
    void theApiIgnoresWorkspaceCookiesAndStillWantsAKey() {
        admin.get("/desk");
        assertThat(api.withKey(null).get("/tickets").status()).isEqualTo(401);
    }
}
