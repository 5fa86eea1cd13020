package org.supportdesk.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.supportdesk.Api;
import org.supportdesk.ApiTest;
import org.supportdesk.RawHttp;

/**
 * Requests Tomcat refuses before any filter runs are answered like every other error: a JSON
 * `detail`, the right status, the security headers. Sent over a raw socket, since an HTTP client
 * will not send them.
 */
class ContainerErrorsTests extends ApiTest {

    private static final String KEY = "Authorization: Bearer " + Api.ADMIN_KEY;

    private RawHttp.Response get(String target, String... headers) {
        var all = new java.util.ArrayList<>(List.of(headers));
        all.add(KEY);
        return RawHttp.get(port, "GET " + target + " HTTP/1.1", all.toArray(String[]::new));
    }

    private static void assertJsonError(RawHttp.Response response, int status, String detail) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("application/json");
        assertThat(response.json().get("detail").asString()).contains(detail);
        assertThat(response.body()).doesNotContain("<html", "Tomcat", "Exception");
        assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(response.header("X-Frame-Options")).isEqualTo("DENY");
        assertThat(response.header("Referrer-Policy")).isEqualTo("no-referrer");
        assertThat(response.header("Cache-Control")).isEqualTo("no-store");
        assertThat(response.header("X-Request-Id")).isNotBlank();
    }

    @Test
    void anEncodedSlashOrNulInThePathIsAJson400() {
        for (String path :
                List.of("/tickets/a%2fb", "/tickets/a%2Fb/history", "/tickets/%00", "/tickets/%00/history")) {
            assertJsonError(get(path), 400, "Invalid path");
        }
    }

    @Test
    void aPathThatIsNotUtf8OrHasABrokenEscapeSaysSo() {
        for (String path : List.of("/tickets/%FF", "/tickets/%ED%A0%80", "/tickets/%C3/history")) {
            assertJsonError(get(path), 400, "Invalid path: its percent-escapes must encode UTF-8 text");
        }
        for (String path : List.of("/tickets/%", "/tickets/%zz", "/tickets/a%4")) {
            assertJsonError(get(path), 400, "Invalid path: a '%' must be followed by two hexadecimal digits");
        }
    }

    @Test
    void characterThatMustBeEncodedInTheUrlAreAJson400() {
        for (String target : List.of("/tickets?status[]=new", "/tickets?q={x}", "/tickets?a|b")) {
            assertJsonError(get(target), 400, "must be percent-encoded");
        }
    }

    @Test
    void traceIsAJson405WithTheHeadersOfEveryError() {
        // Tomcat refuses TRACE (allowTrace=false) before any filter and forwards to /error.
        for (String path : List.of("/tickets", "/health", "/no-such-path")) {
            RawHttp.Response r = RawHttp.get(port, "TRACE " + path + " HTTP/1.1", KEY);
            assertJsonError(r, 405, "Method Not Allowed");
            assertThat(r.header("Allow")).doesNotContain("TRACE");
        }
    }

    @Test
    void aUrlOver8KbIs414AndHeadersOver8KbAre431() {
        String long9Kb = "a".repeat(9 * 1024);

        assertJsonError(get("/tickets?customer_id=" + long9Kb), 414, "URL is longer than the limit of 8192 bytes");
        assertJsonError(get("/tickets", "X-Big: " + long9Kb), 431, "larger than the limit of 8192 bytes");
    }

    @Test
    void headersThatAreNotHttpAreAJson400() {
        assertJsonError(get("/tickets", "X-Broken: a\u0001b"), 400, "Malformed request headers");
        assertJsonError(get("/tickets", "Host: twice.example"), 400, "Malformed request headers");
    }

    @Test
    void moreHeadersThanTheLimitAreCountedInTheAnswer() {
        String[] headers = java.util.stream.IntStream.range(0, 101)
                .mapToObj(i -> "X-Many-" + i + ": " + i)
                .toArray(String[]::new);

        assertJsonError(get("/tickets", headers), 400, "Too many request headers: at most 100 are accepted");
    }

    @Test
    void aVersionOtherThanHttp1Is505SayingWhichToSend() {
        var response = RawHttp.get(port, "GET /tickets HTTP/2.0", KEY);

        assertJsonError(response, 505, "HTTP/2.0 is not served here: send HTTP/1.1");
    }

    @Test
    void aTransferCodingOtherThanChunkedIs501SayingHowToSendTheBody() {
        var response = RawHttp.get(port, "POST /tickets HTTP/1.1", KEY, "Transfer-Encoding: gzip");

        assertJsonError(response, 501, "Transfer-Encoding 'gzip' is not supported");
        assertThat(response.json().get("detail").asString()).contains("Content-Length", "chunked");
    }
}
