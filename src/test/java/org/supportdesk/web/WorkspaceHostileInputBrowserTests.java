package org.supportdesk.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.supportdesk.Api;
import org.supportdesk.CommentBody;
import org.supportdesk.TicketBody;

/**
 * The workspace in Chromium against what people should never see break: input that is not text,
 * markup stored in every field a person can fill, the back button after signing out, and the main
 * screens on a phone. SQLite only, as WorkspaceBrowserTests; one Chromium for the class (ChromiumSession).
 *
 * <p>`-Dsupportdesk.screenshots=<dir>` also saves a screenshot of each screen there.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WorkspaceHostileInputBrowserTests {

    /** Markup that would show (an image) and run (its onerror, a script) if it were not escaped. */
    private static final String MARKUP = "\"><img src=x onerror=\"window.ran=1\"><script>window.ran=2</script>";

    private static final String ADMIN_EMAIL = "lead@example.com";
    private static final String ADMIN_PASSWORD = "correct horse battery";

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        Chromium.aServerOfItsOwn(registry, "supportdesk-browser-hostile");
    }

    @LocalServerPort
    int port;

    @RegisterExtension
    static final ChromiumSession chromium = new ChromiumSession();

    static String ticketId;
    Page page;

    @BeforeEach
    void openPage() {
        page = chromium.page();
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private void assertNothingInjected(String screen) {
        assertThat(page.locator("img").count()).as("images on " + screen).isZero();
        assertThat(page.evaluate("typeof window.ran"))
                .as("scripts run on " + screen)
                .isEqualTo("undefined");
        assertThat(page.locator("script:not([src])").count())
                .as("inline scripts on " + screen)
                .isZero();
    }

    @Test
    @Order(1)
    void anAddressThatIsNotTextAnswersAReadablePageWithAWayBackOnADeskAndOnAPhone() {
        // A long parameter name with no space in it: the message names it.
        chromium.expectStatus(400);
        String address = url("/desk?" + "customer_id_".repeat(12) + "=%FF&tag=%ED%A0%80");
        page.navigate(address);
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Not valid text")))
                .isVisible();
        assertThat(page.getByRole(AriaRole.ALERT)).containsText("not valid text");
        Chromium.assertAccessible(page, "not valid text");
        Chromium.screenshot(page, "not-valid-text");

        page.setViewportSize(390, 844);
        page.reload();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Not valid text")))
                .isVisible();
        assertThat(Chromium.tooWide(page)).as("no sideways scrolling at 390 px").isEmpty();
        Chromium.screenshot(page, "not-valid-text-phone");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Back to the inbox"))
                .click();
        // The inbox, which sends whoever is not signed in (here: no one is set up yet) onwards.
        assertThat(page).hasURL(Pattern.compile(".*/setup$"));

        page.navigate(url("/password/x?token=%C0%80"));
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Back to the form"))
                .click();
        assertThat(page).hasURL(url("/password/x"));
    }

    @Test
    @Order(2)
    void markupStoredInEveryFieldShowsAsTextAndRunsNothing() {
        page.navigate(url("/setup"));
        page.getByLabel("Admin key").fill(Api.ADMIN_KEY);
        page.getByLabel("Your email").fill(ADMIN_EMAIL);
        page.getByLabel("Your name (shown in history)").fill("Lee " + MARKUP);
        page.getByLabel("Password").fill(ADMIN_PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create the admin"))
                .click();
        page.getByLabel("Email").fill(ADMIN_EMAIL);
        page.getByLabel("Password").fill(ADMIN_PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in"))
                .click();
        assertThat(page).hasURL(url("/desk"));

        var api = new Api(port);
        ticketId = api.post(
                        "/tickets",
                        TicketBody.aTicket()
                                .withCustomer("C-" + MARKUP.substring(0, 20))
                                .withEmail("\"<script>window.ran=3</script>\"@example.com")
                                .with("customer_name", MARKUP)
                                .withSubject("Subject " + MARKUP)
                                .withDescription("Description " + MARKUP)
                                .withTags("\"><img src=x>", "javascript:alert(1)")
                                .withAssignee("Lee " + MARKUP)
                                .build())
                .json()
                .get("id")
                .asString();
        api.post(
                "/tickets/" + ticketId + "/comments",
                CommentBody.aCustomerMessage("See javascript:alert(1) and " + MARKUP)
                        .build());

        page.navigate(url("/desk"));
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Subject " + MARKUP)))
                .isVisible();
        assertNothingInjected("the inbox");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Subject " + MARKUP))
                .click();
        assertThat(page.locator("h1")).hasText("Subject " + MARKUP);
        assertThat(page.locator(".conversation")).containsText("See javascript:alert(1) and " + MARKUP);
        assertThat(page.locator(".conversation a[href^='javascript:']")).hasCount(0);
        assertThat(page.getByLabel("Assigned to")).hasValue("Lee " + MARKUP);
        page.getByLabel("Status").selectOption("in_progress");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save"))
                .click();
        assertThat(page.locator(".history")).containsText("Lee " + MARKUP);
        assertNothingInjected("the ticket");

        page.navigate(url("/desk/dashboard"));
        assertNothingInjected("the dashboard");
        page.navigate(url("/desk/admin"));
        assertThat(page.locator("main")).containsText("Lee " + MARKUP);
        assertNothingInjected("admin");
    }

    @Test
    @Order(3)
    void aSearchTheListCannotAnswerSaysWhyInsteadOfLeavingTheOldList() {
        page.navigate(url("/desk"));
        assertThat(page.locator("tr[data-row]")).hasCount(1);

        page.getByLabel("Search").fill("\"refund");

        assertThat(page.locator("#results [role=alert]")).containsText("not closed");
        assertThat(page.locator("tr[data-row]")).hasCount(0);
        page.getByLabel("Search").fill("Subject");
        assertThat(page.locator("tr[data-row]")).hasCount(1);
    }

    @Test
    @Order(4)
    void aFormTheServerRefusesSaysWhyInsteadOfDoingNothing() {
        chromium.expectStatus(403);
        page.navigate(url("/desk"));
        // As after signing in again in another tab: this page's CSRF token is no longer the cookie's.
        chromium.context().clearCookies(new BrowserContext.ClearCookiesOptions().setName("XSRF-TOKEN"));
        page.locator("tr[data-row] input[name=ids]").first().check();
        page.getByLabel("Selected:", new Page.GetByLabelOptions().setExact(true))
                .selectOption("priority");
        page.getByLabel("Value", new Page.GetByLabelOptions().setExact(true)).fill("low");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Apply"))
                .click();

        assertThat(page.locator("#request-error")).containsText("This form has expired");
        assertThat(page.locator("#request-error")).hasAttribute("role", "alert");
        Chromium.assertAccessible(page, "a refused form");
    }

    @Test
    @Order(5)
    void theMainScreensFitAPhone() {
        page.setViewportSize(390, 844);
        for (String screen : List.of(
                "/desk", "/desk/tickets/" + ticketId, "/desk/new", "/desk/dashboard", "/desk/admin", "/desk/import")) {
            page.navigate(url(screen));
            assertThat(page.locator("h1").first()).isVisible();
            assertThat(Chromium.tooWide(page))
                    .as("no sideways scrolling on " + screen)
                    .isEmpty();
        }
        page.navigate(url("/desk/tickets/" + ticketId));
        Chromium.screenshot(page, "ticket-phone");
        // The key on the navigation's Shortcuts button, on every page: white on light grey once.
        assertThat(Chromium.contrast(page, ".top kbd"))
                .as("contrast of the ? key")
                .isGreaterThanOrEqualTo(4.5);
    }

    @Test
    @Order(6)
    void afterSigningOutTheBackButtonShowsNoWorkspacePage() {
        page.navigate(url("/desk/tickets/" + ticketId));
        assertThat(page.locator("h1")).containsText("Subject");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out"))
                .click();
        assertThat(page).hasURL(url("/login?signed-out"));

        page.goBack();

        assertThat(page).hasURL(url("/login"));
        assertThat(page.locator("main")).not().containsText("Subject");
    }
}
