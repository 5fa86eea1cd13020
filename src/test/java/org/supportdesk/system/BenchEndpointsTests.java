package org.supportdesk.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.supportdesk.Api;
import org.supportdesk.ApiTest;

/** The benchmark's yardstick is not there unless supportdesk.bench.enabled=true. */
class BenchEndpointsTests extends ApiTest {

    @Test
    void withoutTheSettingTheBenchEndpointsAnswerAsUnknownPaths() {
        Api.Response bare = api.get("/bench/bare");
        Api.Response db = api.get("/bench/db");
        Api.Response unknown = api.get("/bench/nothing-here");

        assertThat(bare.status()).isEqualTo(404);
        assertThat(db.status()).isEqualTo(404);
        assertThat(bare.body()).isEqualTo(unknown.body());
        assertThat(api.get("/openapi.json").body()).doesNotContain("/bench/");
    }
}
