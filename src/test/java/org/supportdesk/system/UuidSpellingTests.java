package org.supportdesk.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.supportdesk.TicketBody.aTicket;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.supportdesk.Api;
import org.supportdesk.ApiTest;
import tools.jackson.databind.JsonNode;

/**
 * An id is a UUID written as 8-4-4-4-12 hexadecimal digits. `UUID.fromString` reads each group as
 * a number, so `…-89ae-+462073ec424` (a sign) or a fullwidth `０` used to be the id
 * `…-89ae-0462073ec424`: a path named an existing ticket by another text, and an import stored a
 * ticket under an id other than the one its file gave.
 */
class UuidSpellingTests extends ApiTest {

    /** A random id whose last group starts with 0, so that `+` or `０` in its place reads as the same number. */
    private static String idWithALeadingZeroGroup() {
        String id = UUID.randomUUID().toString();
        return id.substring(0, 24) + "0" + id.substring(25);
    }

    private static String signed(String id) {
        return id.substring(0, 24) + "+" + id.substring(25);
    }

    private String imported(String id, String customer) {
        var record =
                new java.util.LinkedHashMap<>(aTicket().withCustomer(customer).build());
        record.put("id", id);
        Api.Response r = api.send("POST", "/import/json", "application/json", Api.toJson(List.of(record)), Map.of());
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.body();
    }

    private static List<String> locsAndTypes(Api.Response r) {
        assertThat(r.status()).as(r.body()).isEqualTo(422);
        var found = new java.util.ArrayList<String>();
        for (JsonNode p : r.json().get("detail")) {
            found.add(p.get("loc").toString() + " " + p.get("type").asString());
        }
        return found;
    }

    @Test
    void aPathIdWithASignOrAnotherScriptsDigitIs422NotAnotherTicket() {
        String id = idWithALeadingZeroGroup();
        imported(id, "uuid-" + UUID.randomUUID());
        assertThat(api.get("/tickets/" + id).status()).isEqualTo(200);

        for (String path : List.of(
                "/tickets/" + signed(id),
                "/tickets/" + signed(id) + "/history",
                "/tickets/" + id.substring(0, 24) + "%EF%BC%90" + id.substring(25))) {
            assertThat(locsAndTypes(api.get(path))).as(path).containsExactly("[\"path\",\"id\"] uuid_parsing");
        }
        assertThat(api.get("/tickets/" + id.toUpperCase(java.util.Locale.ROOT)).status())
                .isEqualTo(200);
    }

    @Test
    void anImportedIdWithASignIsReportedAndNothingIsStoredUnderAnotherId() {
        String id = idWithALeadingZeroGroup();
        String customer = "uuid-" + UUID.randomUUID();

        String result = imported(signed(id), customer);

        assertThat(result).contains("\"success_count\":0", "id: Input should be a valid UUID");
        assertThat(api.get("/tickets/" + id).status()).isEqualTo(404);
        assertThat(api.get("/tickets?customer_id=" + customer)
                        .json()
                        .get("total")
                        .asInt())
                .isZero();
    }

    @Test
    void aMergeSourceWithASignIsRefused() {
        String source = idWithALeadingZeroGroup();
        imported(source, "uuid-" + UUID.randomUUID());
        Api.Response target = api.post("/tickets", aTicket().build());

        Api.Response r = api.post(
                "/tickets/" + target.json().get("id").asString() + "/merge",
                Map.of("source_ids", List.of(signed(source))));

        assertThat(locsAndTypes(r)).containsExactly("[\"body\",\"source_ids\",0] uuid_parsing");
        assertThat(api.get("/tickets/" + source).json().get("merged_into").isNull())
                .isTrue();
    }
}
