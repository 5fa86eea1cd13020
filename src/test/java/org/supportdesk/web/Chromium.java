package org.supportdesk.web;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;

/**
 * The system's Chromium (Debian's package at /usr/bin/chromium) driven by Playwright, which
 * downloads no browser. Without it the browser tests are skipped, unless the environment says they
 * are required ({@code SUPPORTDESK_REQUIRE_BROWSER=1}, set by .ci/run): then they fail, so a CI run
 * can never pass by skipping them.
 */
final class Chromium {

    static final Path EXECUTABLE = Path.of("/usr/bin/chromium");

    private Chromium() {}

    static final String REQUIRED = "SUPPORTDESK_REQUIRE_BROWSER";

    static Playwright playwright() {
        requireOrSkip(Files.isExecutable(EXECUTABLE), System.getenv(REQUIRED));
        return Playwright.create(
                new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
    }

    /**
     * The settings of a browser test class's own server: a new data directory (so its first test
     * sets the workspace up), the test admin key, and no limit a browser's many requests reach.
     */
    static void aServerOfItsOwn(org.springframework.test.context.DynamicPropertyRegistry registry, String name) {
        try {
            Path dataDir = Files.createTempDirectory(name);
            registry.add("supportdesk.data-dir", dataDir::toString);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        registry.add("supportdesk.admin-key", () -> org.supportdesk.Api.ADMIN_KEY);
        registry.add("supportdesk.rate-limit.per-address", () -> "100000");
    }

    /** Fails when the browser is missing and required, skips (aborts) when missing otherwise. */
    static void requireOrSkip(boolean present, String required) {
        if (!present && required != null && !required.isBlank() && !required.equals("0")) {
            throw new AssertionError(EXECUTABLE + " is missing and the browser tests are required (" + REQUIRED + "="
                    + required + "): apt-get install chromium");
        }
        Assumptions.assumeTrue(present, EXECUTABLE + " is not installed: browser tests skipped");
    }

    static Browser launch(Playwright playwright) {
        return playwright
                .chromium()
                .launch(new BrowserType.LaunchOptions()
                        .setExecutablePath(EXECUTABLE)
                        .setHeadless(true)
                        // As root, without a GPU, and without Chromium's own calls home, which this
                        // machine's closed network refuses.
                        .setArgs(List.of(
                                "--no-sandbox",
                                "--disable-gpu",
                                "--disable-background-networking",
                                "--disable-component-update",
                                "--no-first-run",
                                "--disable-sync",
                                "--disable-quic")));
    }

    /** Scans the page with axe-core: no serious or critical violation. */
    @SuppressWarnings("unchecked")
    static void assertAccessible(com.microsoft.playwright.Page page, String screen) {
        page.evaluate(axe());
        Object found = page.evaluate("async () => (await axe.run(document, {resultTypes: ['violations']}))"
                + ".violations.filter(v => v.impact === 'serious' || v.impact === 'critical')"
                + ".map(v => v.id + ' (' + v.impact + '): ' + v.nodes.map(n => n.target.join(' ')).join(', '))");
        org.assertj.core.api.Assertions.assertThat((List<String>) found)
                .as("accessibility of " + screen)
                .isEmpty();
    }

    /**
     * What makes the page wider than its window (so that it scrolls sideways): empty when it fits,
     * else the page's width and the innermost elements that reach past the window's right edge.
     */
    @SuppressWarnings("unchecked")
    static List<String> tooWide(com.microsoft.playwright.Page page) {
        return (List<String>) page.evaluate("() => {"
                + " const w = window.innerWidth;"
                + " if (document.documentElement.scrollWidth <= w + 1) return [];"
                + " const out = [...document.querySelectorAll('body *')]"
                + "   .filter(e => e.getBoundingClientRect().right > w + 1"
                + "     && ![...e.children].some(c => c.getBoundingClientRect().right > w + 1))"
                + "   .slice(0, 5).map(e => e.tagName.toLowerCase() + (e.className ? '.' + e.className : '')"
                + "     + ' to ' + Math.round(e.getBoundingClientRect().right) + ' px');"
                + " return ['page ' + document.documentElement.scrollWidth + ' px wide in ' + w, ...out]; }");
    }

    /**
     * The WCAG contrast ratio of the first element matching {@code selector}: its text colour against
     * its own background colour (opaque colours only), 1 to 21.
     */
    static double contrast(com.microsoft.playwright.Page page, String selector) {
        Object ratio = page.evaluate(
                "selector => { const s = getComputedStyle(document.querySelector(selector));"
                        + " const lum = c => { const [r, g, b] = c.match(/\\d+/g).slice(0, 3).map(v => {"
                        + "   v = v / 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); });"
                        + "   return 0.2126 * r + 0.7152 * g + 0.0722 * b; };"
                        + " const [a, b] = [lum(s.color), lum(s.backgroundColor)].sort((x, y) => y - x);"
                        + " return (a + 0.05) / (b + 0.05); }",
                selector);
        return ((Number) ratio).doubleValue();
    }

    /**
     * With `-Dsupportdesk.screenshots=<dir>`, saves a screenshot of the whole page there. The caret
     * is left as it is: hiding it injects a <style>, which the Content-Security-Policy refuses (a
     * console error).
     */
    static void screenshot(com.microsoft.playwright.Page page, String name) {
        String dir = System.getProperty("supportdesk.screenshots");
        if (dir != null) {
            page.screenshot(new com.microsoft.playwright.Page.ScreenshotOptions()
                    .setPath(Path.of(dir, name + ".png"))
                    .setCaret(com.microsoft.playwright.options.ScreenshotCaret.INITIAL)
                    .setFullPage(true));
        }
    }

    /** axe-core from its webjar, evaluated in a page to scan it. */
    static String axe() {
        try (InputStream in = Chromium.class.getResourceAsStream(
                "/META-INF/resources/webjars/axe-core/" + axeVersion() + "/axe.min.js")) {
            if (in == null) {
                throw new IllegalStateException("axe-core webjar missing from the test class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String axeVersion() {
        try (InputStream in =
                Chromium.class.getResourceAsStream("/META-INF/maven/org.webjars.npm/axe-core/pom.properties")) {
            var props = new java.util.Properties();
            props.load(in);
            return props.getProperty("version");
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("axe-core webjar missing from the test class path", e);
        }
    }
}
