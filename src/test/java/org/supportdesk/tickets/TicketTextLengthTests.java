package org.supportdesk.tickets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.supportdesk.TicketBody.aTicket;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.supportdesk.Api;
import org.supportdesk.ApiTest;
import tools.jackson.databind.JsonNode;

/**
 * The lengths of a ticket's texts count characters (code points), as the original service's
 * Pydantic does and as the messages say: an emoji is one character, though Java holds it in two
 * chars. Until 2026-11-28 a subject of 101 emoji was refused as longer than 200 characters, and a
 * description of 5 emoji passed the 10-character minimum. On both databases, since PostgreSQL's
 * VARCHAR(200) must hold 200 of them.
 */
class TicketTextLengthTests extends ApiTest {

    private static final String EMOJI = "\ud83d\ude00";

    private static String emoji(int count) {
        return EMOJI.repeat(count);
    }

    private static String firstLoc(Api.Response r) {
        return r.json().get("detail").get(0).get("loc").toString();
    }

    @Test
    void theLongestTextsOfCharactersOutsideTheBmpAreStoredAndReadBackExactly() {
        Map<String, Object> body = aTicket()
                .withSubject(emoji(200))
                .with("customer_name", emoji(200))
                .withDescription(emoji(2000))
                .withTags(emoji(50))
                .withAssignee(emoji(100))
                .with("metadata", Map.of("source", "email", "browser", emoji(100)))
                .build();

        Api.Response created = api.post("/tickets", body);

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode read =
                api.get("/tickets/" + created.json().get("id").asString()).json();
        assertThat(read.get("subject").asString()).isEqualTo(emoji(200));
        assertThat(read.get("description").asString()).isEqualTo(emoji(2000));
        assertThat(read.get("tags").get(0).asString()).isEqualTo(emoji(50));
        assertThat(read.get("metadata").get("browser").asString()).isEqualTo(emoji(100));
    }

    @Test
    void oneCharacterMoreIsRefusedAndTheMinimumCountsCharactersToo() {
        Api.Response longer =
                api.post("/tickets", aTicket().withSubject(emoji(201)).build());
        assertThat(longer.status()).isEqualTo(422);
        assertThat(firstLoc(longer)).isEqualTo("[\"body\",\"subject\"]");
        assertThat(longer.json().get("detail").get(0).get("msg").asString())
                .isEqualTo("String should have at most 200 characters");

        // Nine characters, eighteen chars: still too short for a description of at least 10.
        Api.Response shorter =
                api.post("/tickets", aTicket().withDescription(emoji(9)).build());
        assertThat(shorter.status()).isEqualTo(422);
        assertThat(firstLoc(shorter)).isEqualTo("[\"body\",\"description\"]");
        assertThat(shorter.json().get("detail").get(0).get("type").asString()).isEqualTo("string_too_short");

        Api.Response tag = api.post("/tickets", aTicket().withTags(emoji(51)).build());
        assertThat(tag.status()).isEqualTo(422);
        assertThat(firstLoc(tag)).isEqualTo("[\"body\",\"tags\",0]");
    }

    @Test
    void patchPutAndImportCountTheSameWay() {
        Api.Response created = api.post("/tickets", aTicket().build());
        String path = "/tickets/" + created.json().get("id").asString();

        Api.Response patched = api.patch(path, Map.of("subject", emoji(150)));
        assertThat(patched.status()).as(patched.body()).isEqualTo(200);
        Api.Response put = api.put(path, aTicket().withSubject(emoji(199)).build());
        assertThat(put.status()).as(put.body()).isEqualTo(200);

        String file = Api.toJson(List.of(
                aTicket().withSubject(emoji(200)).build(),
                aTicket().withSubject(emoji(201)).build()));
        Api.Response imported = api.send("POST", "/import/json", "application/json", file, Map.of());
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        assertThat(imported.json().get("success_count").asInt()).isEqualTo(1);
        assertThat(imported.json().get("errors").toString())
                .contains("\"row\":2")
                .contains("subject: String should have at most 200 characters");
    }

    @Test
    void theOpenApiDescriptionStillGivesTheLimits() {
        // JSON Schema's minLength and maxLength count characters (code points), as the API does.
        JsonNode input =
                api.get("/openapi.json").json().get("components").get("schemas").get("TicketInput");

        JsonNode subject = input.get("properties").get("subject");
        assertThat(subject.get("minLength").asInt()).isEqualTo(1);
        assertThat(subject.get("maxLength").asInt()).isEqualTo(200);
        assertThat(input.get("properties").get("description").get("minLength").asInt())
                .isEqualTo(10);
        assertThat(api.get("/openapi.json")
                        .json()
                        .at("/components/schemas/Metadata/properties/browser/maxLength")
                        .asInt())
                .isEqualTo(100);
    }
}
