package org.supportdesk.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.supportdesk.Api;
import org.supportdesk.ApiTest;
import org.supportdesk.Multipart;
import tools.jackson.databind.JsonNode;

/** Background imports: 202 with a job, its progress and result, cancelling with nothing stored. */
class ImportJobApiTests extends ApiTest {

    private JsonNode waitUntilDone(String id) {
        return ImportJobFixtures.waitUntilDone(api, id);
    }

    private static String csv(String customer, int rows) {
        return new String(ImportJobFixtures.csv(customer, rows), StandardCharsets.UTF_8);
    }

    private long stored(String customer) {
        return ImportJobFixtures.stored(api, customer);
    }

    @Test
    void aJobIsAcceptedAtOnceAndReportsItsResultWhenFinished() {
        String customer = "job-" + UUID.randomUUID();
        Api.Response accepted =
                api.sendBytes("POST", "/imports", "text/csv", csv(customer, 30).getBytes(StandardCharsets.UTF_8));

        assertThat(accepted.status()).isEqualTo(202);
        String id = accepted.json().get("id").asString();
        assertThat(accepted.header("Location")).isEqualTo("/imports/" + id);
        JsonNode done = waitUntilDone(id);
        assertThat(done.get("state").asString()).as(done.toString()).isEqualTo("finished");
        assertThat(done.get("rows_read").asLong()).isEqualTo(30);
        assertThat(done.get("rows_stored").asLong()).isEqualTo(30);
        assertThat(done.get("result").get("success_count").asLong()).isEqualTo(30);
        assertThat(stored(customer)).isEqualTo(30);
        assertThat(api.delete("/imports/" + id).status()).isEqualTo(409);
    }

    @Test
    void aBrokenFileFailsTheJobWithItsReasonAndStoresNothing() {
        String customer = "job-broken-" + UUID.randomUUID();
        // Past two batches of the store before the break: written in the transaction, then undone.
        String file = csv(customer, 2_500) + "\"unclosed,quote\n";
        String id = api.sendBytes("POST", "/imports", "text/csv", file.getBytes(StandardCharsets.UTF_8))
                .json()
                .get("id")
                .asString();

        JsonNode done = waitUntilDone(id);
        assertThat(done.get("state").asString()).isEqualTo("failed");
        assertThat(done.get("detail").asString())
                .contains("Cannot import the file")
                .contains("nothing was stored");
        assertThat(done.get("rows_read").asLong()).isEqualTo(2_500);
        assertThat(done.get("rows_stored").asLong()).isZero();
        assertThat(stored(customer)).isZero();
    }

    @Test
    void aCancelledJobStoresNothing() {
        String customer = "job-cancel-" + UUID.randomUUID();
        String id = api.sendBytes(
                        "POST", "/imports", "text/csv", csv(customer, 100_000).getBytes(StandardCharsets.UTF_8))
                .json()
                .get("id")
                .asString();

        Api.Response cancelled = api.delete("/imports/" + id);

        assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
        assertThat(cancelled.json().get("state").asString())
                .as(cancelled.body())
                .isEqualTo("cancelled");
        assertThat(cancelled.json().get("rows_stored").asLong()).isZero();
        assertThat(api.get("/imports/" + id).json().get("state").asString()).isEqualTo("cancelled");
        assertThat(stored(customer)).isZero();
    }

    @Test
    void aFileNameWithALineBreakIsRefusedRatherThanShownCut() {
        String customer = "job-crlf-" + UUID.randomUUID();
        var form = Multipart.form()
                .fileNamedBytes(
                        "file",
                        "tickets\r\nmarch.csv".getBytes(StandardCharsets.UTF_8),
                        "text/csv",
                        ImportJobFixtures.csv(customer, 3));

        // Tomcat ended the header at the line break: the job was named "tickets, and the CSV import
        // went ahead under the cut name.
        for (String path : new String[] {"/imports", "/import/csv"}) {
            Api.Response r = form.sendTo(api, path);
            assertThat(r.status()).as(r.body()).isEqualTo(400);
            assertThat(r.json().get("detail").asString())
                    .contains("part 'file'")
                    .contains("line break");
        }
        assertThat(stored(customer)).isZero();
    }

    @Test
    void unknownAndMalformedJobIdsAreClearErrors() {
        assertThat(api.get("/imports/" + UUID.randomUUID()).status()).isEqualTo(404);
        assertThat(api.get("/imports/not-a-uuid").status()).isEqualTo(422);
        assertThat(api.withKey(null).get("/imports/" + UUID.randomUUID()).status())
                .isEqualTo(401);
    }
}
