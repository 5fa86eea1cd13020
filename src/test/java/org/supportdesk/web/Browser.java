package org.supportdesk.web;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser without a screen for the workspace's full-app tests: keeps cookies (the session and
 * the CSRF token), sends forms with the token of the last page it read, follows no redirect.
 */
final class Browser {

    /** The first admin every workspace test signs in as (set up once per test server). */
    static final String ADMIN_EMAIL = "first.admin@example.com";

    static final String ADMIN_NAME = "First Admin";
    static final String ADMIN_PASSWORD = "a long enough password";

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final HttpClient http;
    private final String base;
    private String csrf;

    Browser(int port) {
        this.base = "http://localhost:" + port;
        this.http = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    record Page(int status, String body, java.net.http.HttpHeaders headers) {
        String location() {
            return headers.firstValue("Location").orElse(null);
        }
    }

    Page get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Accept", "text/html")
                .GET());
    }

    Page htmxGet(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("HX-Request", "true")
                .GET());
    }

    Page post(String path, Map<String, String> form) {
        return post(path, form, false);
    }

    Page htmxPost(String path, Map<String, String> form) {
        return post(path, form, true);
    }

    private Page post(String path, Map<String, String> form, boolean htmx) {
        return postEncoded(path, encoded(form), htmx ? Map.of("HX-Request", "true") : Map.of());
    }

    /** A form with the page's CSRF token and these headers too (`Sec-Fetch-Site`, `Origin`). */
    Page postWithHeaders(String path, Map<String, String> form, Map<String, String> headers) {
        return postEncoded(path, encoded(form), headers);
    }

    private String encoded(Map<String, String> form) {
        var fields = new LinkedHashMap<>(form);
        if (csrf != null && !fields.containsKey("_csrf")) {
            fields.put("_csrf", csrf);
        }
        return fields.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    /** A form with a file picked (`multipart/form-data`), the page's CSRF token first, as a browser sends it. */
    Page postFile(String path, String field, String fileName, String contentType, byte[] content) {
        var form = org.supportdesk.Multipart.form();
        if (csrf != null) {
            form.field("_csrf", csrf);
        }
        form.file(field, fileName, contentType, content);
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", form.contentType())
                .header("Accept", "text/html")
                .POST(HttpRequest.BodyPublishers.ofByteArray(form.bytes())));
    }

    /**
     * A form whose body is sent as written, escapes and all (`name=Ag%ED%A0%80ent`), as a browser
     * or a hand-made request may send what URLEncoder never would; the CSRF token goes first.
     */
    Page postRaw(String path, String encodedBody) {
        return postEncoded(path, csrf == null ? encodedBody : "_csrf=" + enc(csrf) + "&" + encodedBody, Map.of());
    }

    private Page postEncoded(String path, String body, Map<String, String> headers) {
        var request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return send(request);
    }

    /** Signs in, setting the workspace up first if no one has. */
    Browser signInAsAdmin(String adminKey) {
        Page setup = get("/setup");
        if (setup.status() == 200) {
            Page done = post(
                    "/setup",
                    Map.of(
                            "admin_key",
                            adminKey,
                            "email",
                            ADMIN_EMAIL,
                            "name",
                            ADMIN_NAME,
                            "password",
                            ADMIN_PASSWORD));
            if (done.status() != 302) {
                throw new AssertionError("setup failed: " + done.body());
            }
        }
        return signIn(ADMIN_EMAIL, ADMIN_PASSWORD);
    }

    Browser signIn(String email, String password) {
        get("/login");
        Page in = post("/login", Map.of("email", email, "password", password));
        if (in.status() != 302 || !in.location().endsWith("/desk")) {
            throw new AssertionError("sign-in failed: " + in.status() + " " + in.location());
        }
        return this;
    }

    private Page send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response =
                    http.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
            Matcher m = CSRF.matcher(response.body());
            if (m.find()) {
                csrf = m.group(1);
            }
            return new Page(response.statusCode(), response.body(), response.headers());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
