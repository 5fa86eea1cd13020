package org.supportdesk.tickets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.supportdesk.TicketBody.aTicket;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.supportdesk.Api;
import org.supportdesk.ApiTest;

/**
 * A highlight shows at most {@link Highlight#LONGEST_RUN} characters of one word, on both
 * databases: the engines cut the text around a match by words, and a word of 1,900 characters (a
 * pasted token) came back whole, in every list that found the ticket.
 */
class SearchHighlightLengthTests extends ApiTest {

    private final String customer = "highlight-" + UUID.randomUUID();
    private final String word =
            "zq" + UUID.randomUUID().toString().replaceAll("[^a-f]", "").substring(0, 8) + "x";

    private String highlight(String q) {
        Api.Response r =
                api.get("/tickets?customer_id=" + customer + "&q=" + URLEncoder.encode(q, StandardCharsets.UTF_8));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get("items")).hasSize(1);
        return r.json().get("items").get(0).get("highlight").asString();
    }

    private void create(String description) {
        Api.Response r = api.post(
                "/tickets",
                aTicket().withCustomer(customer).withDescription(description).build());
        assertThat(r.status()).as(r.body()).isEqualTo(201);
    }

    @Test
    void aLongWordBesideTheMatchIsCutWithAnEllipsis() {
        String token = "AbCd" + "k".repeat(1896);
        create("The login of " + word + " fails with this token: " + token + " and nothing else works.");

        String highlight = highlight(word);

        // Until 2026-11-28 the whole token, 1,900 characters.
        assertThat(highlight)
                .contains("<mark>" + word + "</mark>")
                .contains(token.substring(0, Highlight.LONGEST_RUN) + "…")
                .doesNotContain(token.substring(0, Highlight.LONGEST_RUN + 1));
        assertThat(highlight.length()).isLessThan(400);
    }

    @Test
    void aLongMatchedWordIsCutInsideItsMark() {
        String token = word + "k".repeat(1900 - word.length());
        create("Pasted by the customer: " + token + " (from the error dialog).");

        String highlight = highlight(word + "*");

        assertThat(highlight).contains("<mark>" + token.substring(0, Highlight.LONGEST_RUN) + "…</mark>");
        assertThat(highlight.length()).isLessThan(400);
    }
}
