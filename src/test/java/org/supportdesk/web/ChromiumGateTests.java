package org.supportdesk.web;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

/** Browser tests skip without Chromium, except where CI says they are required: there they fail. */
class ChromiumGateTests {

    @Test
    void withoutChromiumTheBrowserTestsAreSkipped() {
        assertThatThrownBy(() -> Chromium.requireOrSkip(false, null)).isInstanceOf(TestAbortedException.class);
        assertThatThrownBy(() -> Chromium.requireOrSkip(false, "0")).isInstanceOf(TestAbortedException.class);
    }

    @Test
    void withoutChromiumWhereTheyAreRequiredTheyFail() {
        assertThatThrownBy(() -> Chromium.requireOrSkip(false, "1"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("SUPPORTDESK_REQUIRE_BROWSER")
                .hasMessageContaining("apt-get install chromium");
    }

    @Test
    void withChromiumTheyRun() {
        assertThatCode(() -> Chromium.requireOrSkip(true, "1")).doesNotThrowAnyException();
        assertThatCode(() -> Chromium.requireOrSkip(true, null)).doesNotThrowAnyException();
    }
}
