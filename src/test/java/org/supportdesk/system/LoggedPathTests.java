package org.supportdesk.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LoggedPathTests {

    @Test
    void theTokenOfASetPasswordLinkIsHidden() {
        assertThat(LoggedPath.of("/password/AbC-123_xyz")).isEqualTo("/password/***");
    }

    @Test
    void everyWayOfWritingThePathThatReachesTheSamePageIsHiddenToo() {
        assertThat(LoggedPath.of("/passwor%64/AbC")).isEqualTo("/passwor%64/***");
        assertThat(LoggedPath.of("/PASSWORD/AbC")).isEqualTo("/PASSWORD/***");
        assertThat(LoggedPath.of("/password;x=1/AbC")).isEqualTo("/password;x=1/***");
        assertThat(LoggedPath.of("//password//AbC/more")).isEqualTo("//password/***");
        assertThat(LoggedPath.of("/desk/../password/AbC")).isEqualTo("/desk/../password/***");
        assertThat(LoggedPath.of("/password/AbC;jsessionid=1")).isEqualTo("/password/***");
    }

    @Test
    void otherPathsAreLoggedAsTheyCame() {
        assertThat(LoggedPath.of("/tickets/3fa8")).isEqualTo("/tickets/3fa8");
        assertThat(LoggedPath.of("/password")).isEqualTo("/password");
        assertThat(LoggedPath.of("/password/")).isEqualTo("/password/");
        assertThat(LoggedPath.of("/passwords/x")).isEqualTo("/passwords/x");
        assertThat(LoggedPath.of("/tickets/%E0%A4%A")).isEqualTo("/tickets/%E0%A4%A");
    }

    @Test
    void aLongPathIsCut() {
        assertThat(LoggedPath.of("/tickets/" + "a".repeat(300))).hasSize(203).endsWith("...");
    }
}
