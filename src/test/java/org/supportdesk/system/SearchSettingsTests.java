package org.supportdesk.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SearchSettingsTests {

    @Test
    void aRankWindowBelowOneStopsTheStartWithTheSettingsName() {
        assertThatThrownBy(() -> new SupportdeskProperties.Search(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("SUPPORTDESK_SEARCH_RANK_WINDOW");
        assertThat(new SupportdeskProperties.Search(1).rankWindow()).isEqualTo(1);
    }
}
