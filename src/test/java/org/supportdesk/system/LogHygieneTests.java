package org.supportdesk.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.supportdesk.Api;
import org.supportdesk.ApiTest;
import org.supportdesk.LogLevels;
import org.supportdesk.RawHttp;

/**
 * Secrets in malformed requests (a cookie, a header, a request line) stay out of the log, at the
 * production default level (INFO) where Tomcat would write the first of each.
 */
@ExtendWith(OutputCaptureExtension.class)
class LogHygieneTests extends ApiTest {

    private static final String KEY = "Authorization: Bearer " + Api.ADMIN_KEY;

    @Test
    void aMalformedCookieHeaderDoesNotReachTheLog(CapturedOutput output) {
        String secret = "sd_cookie-secret-" + System.nanoTime();
        try (var info = LogLevels.raise("ROOT", LogLevel.INFO)) {
            Api.Response unbalanced =
                    api.send("GET", "/tickets?limit=1", null, null, Map.of("Cookie", "a=b; session=\"" + secret));
            Api.Response spaces =
                    api.send("GET", "/tickets?limit=1", null, null, Map.of("Cookie", "bad cookie=" + secret));
            RawHttp.Response control =
                    RawHttp.get(port, "GET /tickets HTTP/1.1", KEY, "Cookie: k=" + secret + "\u007f");

            assertThat(unbalanced.status()).isEqualTo(200);
            assertThat(spaces.status()).isEqualTo(200);
            assertThat(control.status()).isEqualTo(400);
        }
        assertThat(output.getAll()).doesNotContain(secret);
    }

    @Test
    void aMalformedRequestLineDoesNotReachTheLog(CapturedOutput output) {
        String secret = "sd_query-secret-" + System.nanoTime();
        try (var info = LogLevels.raise("ROOT", LogLevel.INFO)) {
            RawHttp.Response response = RawHttp.get(port, "GET /tickets?key=" + secret + "&status[]=new HTTP/1.1", KEY);

            assertThat(response.status()).isEqualTo(400);
        }
        assertThat(output.getAll()).doesNotContain(secret);
    }
}
