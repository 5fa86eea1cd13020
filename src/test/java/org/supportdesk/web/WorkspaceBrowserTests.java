package org.supportdesk.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Paths;
import java.util.Map;
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

/**
 * The workspace in a real Chromium, as a new team would use it: set up, sign in, import with a
 * progress bar, work tickets from the inbox (by keyboard too), bulk actions, a 412 conflict, a new
 * ticket, the dashboard and admin; a reply and an internal note through the conversation feature; on every screen no console error and no serious or critical
 * accessibility violation (axe-core). SQLite only: the pages are the same on both databases and
 * the database behaviour behind them is tested by the full-app tests on both.
 *
 * <p>`-Dsupportdesk.screenshots=docs/screenshots` also saves a screenshot of each screen there.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WorkspaceBrowserTests {

    /**
     * Labels on the inbox matched exactly: each row's checkbox is labelled with its ticket's
     * subject ("Select: Sorting by priority is wrong"), which a substring match also finds.
     */
    private static final Page.GetByLabelOptions EXACT = new Page.GetByLabelOptions().setExact(true);

    private static final String ADMIN_EMAIL = "lead@example.com";
    private static final String ADMIN_PASSWORD = "correct horse battery";

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        Chromium.aServerOfItsOwn(registry, "supportdesk-browser");
    }

    @LocalServerPort
    int port;

    @RegisterExtension
    static final ChromiumSession chromium = new ChromiumSession();

    Page page;

    @BeforeEach
    void openPage() {
        page = chromium.page();
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private void accessible(String screen) {
        Chromium.assertAccessible(page, screen);
    }

    private void screenshot(String name) {
        Chromium.screenshot(page, name);
    }

    @Test
    @Order(1)
    void aNewTeamSetsUpTheFirstAdminAndSignsIn() {
        page.navigate(url("/"));
        assertThat(page).hasURL(url("/setup"));
        accessible("setup");
        screenshot("setup");
        page.getByLabel("Admin key").fill("not the key");
        page.getByLabel("Your email").fill(ADMIN_EMAIL);
        page.getByLabel("Your name (shown in history)").fill("Lee Lead");
        page.getByLabel("Password").fill(ADMIN_PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create the admin"))
                .click();
        assertThat(page.locator("#error-admin_key")).containsText("not an admin key");
        page.getByLabel("Admin key").fill(Api.ADMIN_KEY);
        page.getByLabel("Password").fill(ADMIN_PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create the admin"))
                .click();
        assertThat(page).hasURL(url("/login?password-set"));
        accessible("sign-in");
        screenshot("sign-in");
        page.getByLabel("Email").fill(ADMIN_EMAIL);
        page.getByLabel("Password").fill(ADMIN_PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in"))
                .click();
        assertThat(page).hasURL(url("/desk"));
        assertThat(page.locator(".who")).containsText("Lee Lead");
    }

    @Test
    @Order(2)
    void anImportIsCheckedThenRunsInTheBackgroundWithAProgressBar() {
        page.navigate(url("/desk/import"));
        accessible("import");
        page.getByLabel("Choose a file, or drop it here").setInputFiles(Paths.get("samples/broken-rows.csv"));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Check the file"))
                .click();
        assertThat(page.getByRole(AriaRole.STATUS).first()).containsText("have errors");
        accessible("import preview");
        screenshot("import-preview");
        page.navigate(url("/desk/import"));
        page.getByLabel("Choose a file, or drop it here").setInputFiles(Paths.get("samples/tickets-50.csv"));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Check the file"))
                .click();
        assertThat(page.locator("main")).containsText("50 records read");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Import 50 tickets"))
                .click();
        assertThat(page.locator("progress#job-bar")).isVisible();
        assertThat(page.locator("#job-state")).hasText("finished");
        assertThat(page.locator(".result")).containsText("50 tickets imported");
        accessible("import job");
        screenshot("import-job");
    }

    @Test
    @Order(3)
    void theInboxFiltersWithoutAReloadAndPagesThroughTheList() {
        page.navigate(url("/desk?limit=25"));
        accessible("inbox");
        screenshot("inbox");
        page.evaluate("window.notReloaded = true");
        assertThat(page.locator("tr[data-row]")).hasCount(25);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Next →"))
                .click();
        assertThat(page.locator("a[rel=prev]")).isVisible();
        page.getByLabel("Priority", EXACT).selectOption("urgent");
        assertThat(page).hasURL(java.util.regex.Pattern.compile(".*priority=urgent.*"));
        assertThat(page.locator("td[data-label=Priority]").first()).hasText("urgent");
        assertThat(page.evaluate("window.notReloaded === true")).isEqualTo(true);
    }

    @Test
    @Order(4)
    void ticketsCheckedForABulkActionStayCheckedWhileTheActionIsChosen() {
        // The page's timers run on a clock the test moves: the filters' 300 ms debounce included.
        page.clock().install();
        var listLoads = new java.util.concurrent.atomic.AtomicInteger();
        page.onRequest(request -> {
            if (request.url().contains("/desk/list")) {
                listLoads.incrementAndGet();
            }
        });
        page.navigate(url("/desk?status=new&limit=25"));
        var boxes = page.locator("tr[data-row] input[name=ids]");

        boxes.nth(0).check();
        page.getByLabel("Value", EXACT).fill("low");
        page.clock().runFor(2_000);

        assertThat(boxes.nth(0)).isChecked();
        assertThat(page.getByLabel("Value", EXACT)).hasValue("low");
        assertThat(listLoads.get()).as("list reloads").isZero();
    }

    @Test
    @Order(4)
    void bulkActionsChangeTheSelectedTickets() {
        page.navigate(url("/desk?status=new&limit=25"));
        var boxes = page.locator("tr[data-row] input[name=ids]");
        boxes.nth(0).check();
        boxes.nth(1).check();
        page.getByLabel("Selected:", EXACT).selectOption("priority");
        page.getByLabel("Value", EXACT).fill("low");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Apply"))
                .click();
        assertThat(page.locator("#results .notice")).hasText("2 tickets updated");
        accessible("inbox after a bulk action");
    }

    @Test
    @Order(5)
    void aTicketIsWorkedByKeyboardFromTheInboxToResolved() {
        page.navigate(url("/desk?status=new&limit=25"));
        page.keyboard().press("?");
        assertThat(page.locator("#shortcuts")).isVisible();
        accessible("shortcuts");
        page.keyboard().press("Escape");
        page.keyboard().press("j");
        page.keyboard().press("j");
        assertThat(page.locator("tr.current")).hasCount(1);
        page.keyboard().press("x");
        assertThat(page.locator("tr.current input[name=ids]")).isChecked();
        page.keyboard().press("a");
        assertThat(page.locator("#results .notice")).hasText("1 ticket updated");
        page.keyboard().press("j");
        page.keyboard().press("Enter");
        assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/desk/tickets/.*"));
        accessible("ticket");
        page.keyboard().press("a");
        assertThat(page.locator(".notice")).hasText("Saved.");
        assertThat(page.getByLabel("Assigned to")).hasValue("Lee Lead");
        page.keyboard().press("r");
        assertThat(page.locator("#reply-body")).isFocused();
        page.keyboard().type("We refunded the second charge.");
        page.keyboard().press("Control+Enter");
        assertThat(page.locator(".notice")).hasText("Reply sent.");
        page.keyboard().press("n");
        assertThat(page.locator("#reply-body")).isFocused();
        assertThat(page.locator("input[name=kind][value=note]")).isChecked();
        page.keyboard().type("Refund reference R-17.");
        page.keyboard().press("Control+Enter");
        assertThat(page.locator(".notice")).hasText("Note added.");
        assertThat(page.locator(".message.reply")).containsText("We refunded the second charge.");
        assertThat(page.locator(".message.note")).containsText("Refund reference R-17.");
        accessible("ticket with its conversation");
        screenshot("ticket");
        page.getByLabel("Status").selectOption("resolved");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save"))
                .click();
        assertThat(page.locator(".notice")).hasText("Saved.");
        assertThat(page.locator(".history")).containsText("resolved");
        assertThat(page.locator(".history")).containsText("Lee Lead");
    }

    @Test
    @Order(6)
    void aTicketSomeoneElseChangedIsNotOverwritten() {
        var api = new Api(port);
        String id = api.post("/tickets", org.supportdesk.TicketBody.aTicket().build())
                .json()
                .get("id")
                .asString();
        page.navigate(url("/desk/tickets/" + id));
        api.patch("/tickets/" + id, Map.of("assigned_to", "someone else"));
        page.getByLabel("Status").selectOption("in_progress");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save"))
                .click();
        assertThat(page.locator(".conflict")).containsText("Someone else changed this ticket");
        assertThat(page.locator(".conflict")).containsText("someone else");
        accessible("conflict");
        screenshot("conflict");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save mine on top"))
                .click();
        assertThat(page.locator(".notice")).hasText("Saved.");
        assertThat(api.get("/tickets/" + id).json().get("status").asString()).isEqualTo("in_progress");
        assertThat(api.get("/tickets/" + id).json().get("assigned_to").asString())
                .isEqualTo("someone else");
    }

    @Test
    @Order(7)
    void aNewTicketShowsTheApisMessagesBesideItsFields() {
        page.navigate(url("/desk/new"));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create the ticket"))
                .click();
        assertThat(page.locator("#error-customer_email")).isVisible();
        accessible("new ticket with errors");
        screenshot("new-ticket");
        page.getByLabel("Customer id").fill("C-77");
        page.getByLabel("Customer name").fill("Ann Lee");
        page.getByLabel("Customer email").fill("ann.lee@example.com");
        page.getByLabel("Subject").fill("Charged twice this month");
        page.getByLabel("Description (10 to 2000 characters)").fill("My card was charged twice for the Pro plan.");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create the ticket"))
                .click();
        assertThat(page.locator("h1")).hasText("Charged twice this month");
        assertThat(page.locator(".suggestion")).containsText("billing_question");
    }

    @Test
    @Order(8)
    void theDashboardAndAdminScreens() {
        page.navigate(url("/desk/dashboard"));
        assertThat(page.locator("svg rect.created").first()).isAttached();
        accessible("dashboard");
        screenshot("dashboard");
        page.navigate(url("/desk/admin"));
        page.getByLabel("Email").fill("maria@example.com");
        page.getByLabel("Name (shown in history and as assignee)").fill("Maria");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create the agent"))
                .click();
        assertThat(page.locator("#link")).hasValue(java.util.regex.Pattern.compile(".*/password/.+"));
        page.getByLabel("Name").last().fill("ci");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create the key"))
                .click();
        assertThat(page.locator("#new-key")).hasValue(java.util.regex.Pattern.compile("sd_.+"));
        accessible("admin");
        screenshot("admin");
    }

    @Test
    @Order(9)
    void onAPhoneTheInboxFitsTheScreen() {
        page.setViewportSize(390, 844);
        page.navigate(url("/desk"));
        assertThat(page.locator("tr[data-row]").first()).isVisible();
        assertThat(Chromium.tooWide(page)).as("no sideways scrolling").isEmpty();
        accessible("inbox on a phone");
        screenshot("inbox-phone");
    }
}
