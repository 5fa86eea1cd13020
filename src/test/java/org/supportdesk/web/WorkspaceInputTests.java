package org.supportdesk.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.supportdesk.Api;
import org.supportdesk.ApiTest;

/**
 * Addresses and forms of the workspace that are not UTF-8 text: a workspace page saying so, 400,
 * never the API's JSON; the API's own answers to the same input are unchanged.
 */
class WorkspaceInputTests extends ApiTest {

    Browser admin;

    @BeforeEach
    void signIn() {
        admin = new Browser(port).signInAsAdmin(Api.ADMIN_KEY);
    }

    private static void assertAWorkspacePage(Browser.Page page, String says, String back) {
        assertThat(page.status()).as(page.body()).isEqualTo(400);
        assertThat(page.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(page.body())
                .contains("<title>Not valid text · Supportdesk</title>")
                .contains("href=\"/assets/desk.css\"")
                .contains("<h1>Not valid text</h1>")
                .contains(says)
                .contains("href=\"" + back + "\"")
                .doesNotContain("\"detail\"");
    }

    @Test
    void aQueryThatIsNotUtf8OnAWorkspacePageAnswersAPageNamingTheField() {
        assertAWorkspacePage(admin.get("/desk/list?q=%FF"), "the value of &#39;q&#39; is not valid text", "/desk");
        assertAWorkspacePage(
                admin.get("/desk?customer_id=%ED%A0%80&tag=ok&status=%C0%80"),
                "the values of &#39;customer_id&#39;, &#39;status&#39; are not valid text",
                "/desk");
        assertAWorkspacePage(admin.get("/desk?%FF=1"), "a parameter&#39;s name is not valid text", "/desk");
        // A name as long as an address may be is shown by its first 40 characters.
        Browser.Page longName = admin.get("/desk?" + "n".repeat(4000) + "=%FF");
        assertAWorkspacePage(longName, "the value of &#39;" + "n".repeat(40) + "…&#39; is not valid text", "/desk");
        assertThat(longName.body()).doesNotContain("n".repeat(41));
        // The same before signing in: nothing is read, nothing is shown but the message.
        assertAWorkspacePage(new Browser(port).get("/desk?customer_id=%FF"), "not valid text", "/desk");
    }

    @Test
    void aFormOverTheBodyLimitAnswersAPageAndSavesNothing() {
        String customer = "web-huge-" + UUID.randomUUID();
        admin.get("/desk/new");

        // A description pasted with 2 MB of logs: over the 1 MB every API and workspace body may be.
        Browser.Page page = admin.post(
                "/desk/new",
                java.util.Map.of(
                        "customer_id", customer,
                        "customer_email", "huge@example.com",
                        "customer_name", "Huge",
                        "subject", "A pasted log",
                        "description", "x".repeat(2 * 1024 * 1024)));

        assertThat(page.status()).as(page.body()).isEqualTo(413);
        assertThat(page.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(page.body())
                .contains("<h1>Form too large</h1>", "1 MB", "Nothing was saved", "href=\"/desk\"")
                .doesNotContain("\"detail\"");
        assertThat(api.get("/tickets?customer_id=" + customer)
                        .json()
                        .get("total")
                        .asInt())
                .isZero();
    }

    @Test
    void aSignInFormThatIsNotUtf8AnswersAPageLeadingBackToTheForm() {
        var stranger = new Browser(port);
        stranger.get("/login");

        Browser.Page page = stranger.postRaw("/login", "email=a%FF&password=twelve+chars+ok");

        assertAWorkspacePage(page, "This form cannot be read", "/login");
    }

    @Test
    void anAgentFormWithALoneSurrogateAnswersAPageAndAddsNoAgent() {
        String email = "surrogate-" + UUID.randomUUID() + "@example.com";
        admin.get("/desk/admin");

        Browser.Page page = admin.postRaw(
                "/desk/admin/agents", "email=" + email.replace("@", "%40") + "&name=Ag%ED%A0%80ent&role=agent");

        assertAWorkspacePage(page, "Nothing was saved", "/desk");
        assertThat(admin.get("/desk/admin").body()).doesNotContain(email);
    }

    @Test
    void theApiAnswersTheSameInputWithItsJsonAsBefore() {
        Api.Response query = api.get("/tickets?q=%FF");
        assertThat(query.status()).isEqualTo(422);
        assertThat(query.json().get("detail").get(0).get("loc").toString()).isEqualTo("[\"query\",\"q\"]");
    }
}
