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
