package org.supportdesk.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.supportdesk.system.Problem;

/** An agent's name, email and password from the workspace's forms: refused when a database would change them. */
class AgentInputTests {

    private static final String EMOJI = "\uD83D\uDE00";

    private static List<String> types(List<Problem> problems) {
        return problems.stream().map(p -> p.loc() + " " + p.type()).toList();
    }

    @Test
    void aNameWithNulOrALoneSurrogateIsRefusedNotStoredAsSomethingElse() {
        var problems = new ArrayList<Problem>();
        AgentInput.name("Ma\u0000ria", problems);
        AgentInput.name("Maria\u0000", problems);
        AgentInput.name("Ma\uD800ria", problems);
        assertThat(types(problems))
                .containsExactly("[body, name] string_nul", "[body, name] string_nul", "[body, name] string_unicode");
    }

    @Test
    void aNameCountsCharactersNotUtf16Units() {
        var problems = new ArrayList<Problem>();
        assertThat(AgentInput.name(" " + EMOJI.repeat(100) + " ", problems)).isEqualTo(EMOJI.repeat(100));
        assertThat(problems).isEmpty();
        AgentInput.name(EMOJI.repeat(101), problems);
        AgentInput.name("  ", problems);
        assertThat(types(problems)).containsExactly("[body, name] string_too_long", "[body, name] missing");
    }

    @Test
    void anEmailOrPasswordWithNulOrALoneSurrogateIsRefused() {
        var problems = new ArrayList<Problem>();
        AgentInput.email("maria@example.com\u0000", problems);
        AgentInput.checkPassword("twelve chars \uDC00k", problems);
        AgentInput.checkPassword("twelve chars\u0000ok", problems);
        assertThat(types(problems))
                .containsExactly(
                        "[body, email] string_nul", "[body, password] string_unicode", "[body, password] string_nul");
    }
}
