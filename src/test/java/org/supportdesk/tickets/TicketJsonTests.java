package org.supportdesk.tickets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

class TicketJsonTests {

    private final JsonMapper mapper = JsonMapper.builder().build();
    private final TicketJson json = new TicketJson(mapper);

    @Test
    void tagsAreReadBackAsTheyWereWritten() {
        for (List<String> tags : List.of(
                List.<String>of(),
                List.of("vip"),
                List.of("vip", "export", "n1"),
                List.of("café", "日本語", "emoji 🎫"),
                List.of("", "a,b", "c]", "[d", "\",\"", "e\""),
                List.of("quote \" inside", "back\\slash", "tab\there", "new\nline", "nul\u0000byte"))) {
            assertThat(json.tags(json.write(tags))).as("%s", tags).isEqualTo(tags);
        }
    }

    @Test
    void tagsWrittenWithSpacesOrAsOtherJsonAreReadAsJson() {
        assertThat(json.tags("[ \"a\" , \"b\" ]")).containsExactly("a", "b");
        assertThat(json.tags("[\"a\",\n\"b\"]")).containsExactly("a", "b");
        assertThat(json.tags("[]")).isEmpty();
        assertThat(json.tags(" [] ")).isEmpty();
        assertThatThrownBy(() -> json.tags("[\"a\",]")).isInstanceOf(JacksonException.class);
        assertThatThrownBy(() -> json.tags("[\"a\"")).isInstanceOf(JacksonException.class);
    }

    @Test
    void tagsReadAsAMutableList() {
        List<String> tags = json.tags("[\"a\",\"b\"]");

        tags.add("c");

        assertThat(tags).containsExactly("a", "b", "c");
    }

    @Test
    void aStoredClassificationIsSentAsTheTextItWasStoredAsWhichIsWhatTheDecisionItselfWrites() {
        var decided = new ClassificationInfo(
                Category.BILLING_QUESTION,
                Priority.HIGH,
                0.87,
                "Matched \"refund\" – café, 日本語, tab\there",
                List.of("refund", "charged"),
                "model",
                Instant.parse("2026-11-27T14:39:23.921Z"));
        String stored = json.write(TicketClassification.of(decided));

        TicketClassification read = json.classification(stored);

        record Page(String id, TicketClassification classification) {}
        assertThat(mapper.writeValueAsString(new Page("a", read)))
                .isEqualTo(mapper.writeValueAsString(new Page("a", TicketClassification.of(decided))))
                .isEqualTo("{\"id\":\"a\",\"classification\":" + stored + "}");
        assertThat(json.write(read)).isEqualTo(stored);
        assertThat(read.info()).isEqualTo(decided);
        assertThat(read).isEqualTo(TicketClassification.of(decided));
        assertThat(json.classification(null)).isNull();
    }
}
