package org.supportdesk.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.supportdesk.Api;
import org.supportdesk.ApiTest;

/** Agents' names and emails are each one agent's, whatever their case, on both databases. */
class AgentNamesTests extends ApiTest {

    Browser admin;

    @BeforeEach
    void signIn() {
        admin = new Browser(port).signInAsAdmin(Api.ADMIN_KEY);
        admin.get("/desk/admin");
    }

    private Browser.Page invite(String email, String name) {
        return admin.post("/desk/admin/agents", Map.of("email", email, "name", name, "role", "agent"));
    }

    private static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void aNameThatDiffersOnlyInCaseIsTakenAlready() {
        String name = "Case Carl " + unique();
        assertThat(invite("carl-" + unique() + "@example.com", name).body()).contains("/password/");

        Browser.Page again = invite("carl-" + unique() + "@example.com", name.toUpperCase());

        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body())
                .contains("id=\"error-name\"")
                .contains("An agent with this name exists already")
                .doesNotContain("/password/");
        assertThat(again.body()).doesNotContain(">" + name.toUpperCase() + "<");
    }

    @Test
    void anEmailThatDiffersOnlyInCaseIsTakenAlreadyForEmailsAreStoredInLowerCase() {
        String email = "dana-" + unique() + "@example.com";
        Browser.Page first = invite(email.toUpperCase(), "Dana " + unique());
        assertThat(first.body()).contains(">" + email + "<");

        Browser.Page again = invite(email.replace("dana", "DaNa"), "Dana " + unique());

        assertThat(again.body())
                .contains("id=\"error-email\"")
                .contains("An agent with this email exists already")
                .doesNotContain("/password/");
    }
}
