package org.supportdesk.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.supportdesk.Api;
import org.supportdesk.ApiTest;

/** Saving a list's filters as a view, on both databases: what the columns cannot hold is a 422 page that says why. */
class SavedViewsTests extends ApiTest {

    Browser admin;

    @BeforeEach
    void signedIn() {
        admin = new Browser(port).signInAsAdmin(Api.ADMIN_KEY);
        admin.get("/desk");
    }

    @Test
    void aViewIsSavedAndListed() {
        Browser.Page saved = admin.post("/desk/views", Map.of("name", "Urgent billing", "query", "priority=urgent"));

        assertThat(saved.status()).isEqualTo(302);
        assertThat(admin.get("/desk").body()).contains("Urgent billing");
    }

    @Test
    void filtersLongerThanAViewHoldsAreRefusedNotAFailure() {
        Browser.Page saved = admin.post("/desk/views", Map.of("name", "Long", "query", "q=" + "😀".repeat(1_200)));

        assertThat(saved.status()).as(saved.body()).isEqualTo(422);
        assertThat(saved.body()).contains("query: A view&#39;s filters should have at most 2000 characters");
        assertThat(admin.get("/desk").body()).doesNotContain(">Long<");
    }

    @Test
    void aNameWithNulIsRefusedNotAFailure() {
        Browser.Page nul = admin.post("/desk/views", Map.of("name", "v\u0000iew", "query", "priority=urgent"));
        Browser.Page trailing = admin.post("/desk/views", Map.of("name", "view\u0000", "query", "priority=urgent"));

        assertThat(nul.status()).as(nul.body()).isEqualTo(422);
        assertThat(nul.body()).contains("name: String should not contain the NUL character");
        assertThat(trailing.status()).as(trailing.body()).isEqualTo(422);
    }
}
