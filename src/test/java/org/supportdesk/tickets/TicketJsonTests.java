package org.supportdesk.tickets;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class TicketJsonTests {

    private final TicketJson json = new TicketJson(JsonMapper.builder().build());

    @Test
    void tagsAreReadBackAsTheyWereWritten() {
        for (List<String> tags : List.of(
                List.<String>of(),
                List.of("vip"),
                List.of("vip", "export", "n1"),
                List.of("café", "日本語", "emoji 🎫"),
                List.of("quote \" inside", "back\\slash", "tab\there", "new\nline", "nul\u0000byte"))) {
            assertThat(json.tags(json.write(tags))).as("%s", tags).isEqualTo(tags);
        }
    }

    @Test
    void tagsReadAsAMutableList() {
        List<String> tags = json.tags("[\"a\",\"b\"]");

        tags.add("c");

        assertThat(tags).containsExactly("a", "b", "c");
    }
}
