package org.supportdesk.tickets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.supportdesk.TicketBody.aTicket;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.supportdesk.Api;
import org.supportdesk.ApiTest;

/**
 * Words written with combining marks, on both databases: the vowel signs and viramas of Indic
 * scripts, accents typed as a letter and a combining accent (NFD, as macOS file names and some
 * keyboards send them). A mark is part of its word: the prefix search `नमस्*` and similar tickets
 * in Hindi work (until 2026-11-28 the prefix was a 422 "needs a word of at least 2 letters", and
 * similar tickets cut such words at each mark).
 */
class SearchCombiningMarksTests extends ApiTest {

    /** A word of this test alone: six Devanagari consonants, each with a vowel sign or a virama. */
    private static String devanagariWord() {
        var random = ThreadLocalRandom.current();
        var word = new StringBuilder();
        int[] signs = {0x093E, 0x093F, 0x0940, 0x0941, 0x0947, 0x094B, 0x094D};
        for (int i = 0; i < 6; i++) {
            word.appendCodePoint(0x0915 + random.nextInt(0x0939 - 0x0915 + 1));
            word.appendCodePoint(signs[random.nextInt(signs.length)]);
        }
        return word.toString();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private String create(String subject, String description) {
        Api.Response r = api.post(
                "/tickets",
                aTicket().withSubject(subject).withDescription(description).build());
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asString();
    }

    private List<String> found(String q) {
        Api.Response r = api.get("/search?q=" + enc(q));
        assertThat(r.status()).as(q + " -> " + r.body()).isEqualTo(200);
        var ids = new ArrayList<String>();
        r.json().get("items").forEach(t -> ids.add(t.get("id").asString()));
        return ids;
    }

    @Test
    void aPrefixMayEndInOrHoldCombiningMarks() {
        String word = devanagariWord();
        String id = create("नमस्ते " + word, "Namaste, the invoice " + word + " is wrong.");

        // Four syllables of six: letters with their vowel signs, the last one a mark.
        String prefix = word.substring(0, 8);
        assertThat(found(prefix + "*")).containsExactly(id);
        assertThat(found(word)).containsExactly(id);
    }

    @Test
    void aPrefixOfAWordWithACombiningAccentFindsIt() {
        // "école" as e + U+0301, and a tail of this test alone.
        String word = "e\u0301cole" + "x"
                + Integer.toString(ThreadLocalRandom.current().nextInt(1 << 30), 36);
        String id = create("Inscription " + word, "Un compte de l'e\u0301cole " + word);

        assertThat(found(word.substring(0, 9) + "*")).containsExactly(id);
    }

    @Test
    void aPrefixOfOneLetterAndItsMarksIsStillTooShort() {
        Api.Response r = api.get("/search?q=" + enc("e\u0301*"));

        assertThat(r.status()).isEqualTo(422);
        assertThat(r.json().get("detail").get(0).get("msg").asString())
                .startsWith("A prefix search needs a word of at least 2 letters or digits");
    }

    @Test
    void similarTicketsShareWordsWrittenWithMarks() {
        String first = devanagariWord();
        String second = devanagariWord();
        String one = create("Bhugtan " + first + " " + second, "Mera bhugtan " + first + " " + second + " atka hai.");
        String other = create("Phir se " + first + " " + second, "Wahi samasya " + first + " " + second + " phir se.");

        Api.Response r = api.get("/tickets/" + one + "/similar");

        assertThat(r.status()).as(r.body()).isEqualTo(200);
        var similar = new ArrayList<String>();
        r.json().forEach(t -> similar.add(t.get("id").asString()));
        assertThat(similar).first().isEqualTo(other);
    }
}
