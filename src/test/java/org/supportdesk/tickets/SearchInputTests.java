package org.supportdesk.tickets;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.supportdesk.Api;
import org.supportdesk.ApiTest;

/** Bad input on the endpoints of issue 13: each a 4xx with a JSON detail, on both databases. */
class SearchInputTests extends ApiTest {

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static Stream<Arguments> badRequests() {
        return Stream.of(
                Arguments.of("/search?q=" + enc("\"unclosed"), 422),
                Arguments.of("/search?q=" + enc("nofield:x"), 422),
                Arguments.of("/search?q=" + enc("created>yesterday"), 422),
                Arguments.of("/search?q=" + enc("created>2026-02-30"), 422),
                Arguments.of("/search?q=" + enc("(a OR b"), 422),
                Arguments.of("/search?q=" + enc("sla:whenever"), 422),
                Arguments.of("/search?q=" + enc("word ".repeat(40)), 422),
                Arguments.of("/search?q=" + enc("word ".repeat(2000)), 414),
                Arguments.of("/search?q=x&limit=0", 422),
                Arguments.of("/search?q=x&limit=abc", 422),
                Arguments.of("/search?q=x&sort=nonsense", 422),
                Arguments.of("/search?q=x&cursor=forged", 422),
                Arguments.of("/tickets?q=x&status=nonsense", 422),
                Arguments.of("/tickets/not-a-uuid/similar", 422),
                Arguments.of("/tickets/" + UUID.randomUUID() + "/similar", 404),
                Arguments.of("/tickets/export?format=pdf", 422),
                Arguments.of("/tickets/export?q=" + enc("\"unclosed"), 422),
                Arguments.of("/tickets/export?format=csv&priority=nonsense", 422),
                Arguments.of("/tickets/changes?since=garbage", 422),
                Arguments.of("/tickets/changes?since=" + enc("a.b"), 422),
                Arguments.of("/tickets/changes?limit=abc", 422),
                Arguments.of("/tickets/changes?limit=-1", 422),
                Arguments.of("/tickets/changes?limit=99999999999999999999", 422));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRequests")
    void badInputIsAClear4xxWithAJsonDetail(String path, int status) {
        Api.Response r = api.get(path);

        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.header("Content-Type")).startsWith("application/json");
        assertThat(r.json().get("detail").isMissingNode()).isFalse();
        assertThat(r.body()).doesNotContain("Exception", "at org.");
    }
}
