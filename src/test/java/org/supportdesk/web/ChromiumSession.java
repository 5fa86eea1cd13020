package org.supportdesk.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One Chromium for a class of browser tests (a static {@code @RegisterExtension}): one browser
 * context (its cookies kept from test to test, as one person's browser), a new page for each test,
 * and after each test no console error, no uncaught script error and no dialog the page opened.
 */
final class ChromiumSession implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {

    private Playwright playwright;
    private BrowserContext context;
    private Page page;
    private final List<String> consoleErrors = new ArrayList<>();
    private final List<String> dialogs = new ArrayList<>();
    private final List<Integer> expectedStatuses = new ArrayList<>();

    @Override
    public void beforeAll(ExtensionContext extension) {
        playwright = Chromium.playwright();
        Browser browser = Chromium.launch(playwright);
        context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900));
    }

    @Override
    public void afterAll(ExtensionContext extension) {
        if (playwright != null) {
            playwright.close();
        }
    }

    @Override
    public void beforeEach(ExtensionContext extension) {
        consoleErrors.clear();
        dialogs.clear();
        expectedStatuses.clear();
        page = context.newPage();
        page.onConsoleMessage(m -> {
            // Chromium logs every 4xx it loads as a console error: those a test asks for are not.
            if (m.type().equals("error")
                    && expectedStatuses.stream().noneMatch(c -> m.text().contains("status of " + c))) {
                consoleErrors.add(m.text());
            }
        });
        page.onPageError(consoleErrors::add);
        page.onDialog(d -> {
            dialogs.add(d.message());
            d.dismiss();
        });
    }

    @Override
    public void afterEach(ExtensionContext extension) {
        page.close();
        assertThat(consoleErrors).as("console errors").isEmpty();
        assertThat(dialogs).as("dialogs opened by the page").isEmpty();
    }

    Page page() {
        return page;
    }

    BrowserContext context() {
        return context;
    }

    /** This test loads an answer with this status on purpose: Chromium's console error for it is no failure. */
    void expectStatus(int status) {
        expectedStatuses.add(status);
    }
}
