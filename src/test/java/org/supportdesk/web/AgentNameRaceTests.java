package org.supportdesk.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.DriverManager;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.supportdesk.Api;
import org.supportdesk.Concurrently;
import org.supportdesk.HeldTransaction;
import org.supportdesk.TestDatabase;
import org.supportdesk.TwoInstances;

/**
 * Two instances on one PostgreSQL database adding agents whose names differ only in case at the
 * same moment: one is added, the other gets the form's "exists already" beside the name, as it
 * would had it come second (SQLite's one writer never interleaves the check and the insert).
 */
@Tag(TestDatabase.POSTGRESQL_ONLY)
class AgentNameRaceTests {

    @RegisterExtension
    static final TwoInstances two = TwoInstances.forEachClass();

    private static Browser[] admins;

    @BeforeAll
    static void signInOnBoth() {
        admins = new Browser[2];
        for (int i = 0; i < 2; i++) {
            int port = ((WebServerApplicationContext) two.instances().get(i).context())
                    .getWebServer()
                    .getPort();
            admins[i] = new Browser(port).signInAsAdmin(Api.ADMIN_KEY);
        }
    }

    private static Browser.Page invite(int instance, String name) {
        admins[instance].get("/desk/admin");
        return admins[instance].post(
                "/desk/admin/agents",
                Map.of("email", "race-" + UUID.randomUUID() + "@example.com", "name", name, "role", "agent"));
    }

    private static long agentsNamed(String name) throws Exception {
        try (var c = DriverManager.getConnection(two.url(), TestDatabase.USER, TestDatabase.PASSWORD);
                var s = c.prepareStatement("SELECT COUNT(*) FROM agents WHERE LOWER(name) = LOWER(?)")) {
            s.setString(1, name);
            try (var r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    private static boolean refusedForTheName(Browser.Page page) {
        return page.status() == 200
                && page.body().contains("id=\"error-name\"")
                && page.body().contains("An agent with this name exists already")
                && !page.body().contains("/password/");
    }

    @Test
    void anAgentAddedWhileAnotherInstanceAddsTheSameNameInOtherCaseIsRefusedAsIfSecond() throws Exception {
        String name = "Race Ann " + UUID.randomUUID().toString().substring(0, 8);

        CompletableFuture<Browser.Page> page;
        try (var other = new HeldTransaction(two.url())
                .run(
                        "INSERT INTO agents (id, email, name, role, session_epoch, created_at)"
                                + " VALUES (?, ?, ?, 'agent', 0, 1)",
                        UUID.randomUUID().toString(),
                        "held-" + UUID.randomUUID() + "@example.com",
                        name)) {
            page = other.startBehind(() -> invite(1, name.toLowerCase()));
            other.commit();
        }

        assertThat(refusedForTheName(page.get())).as(page.get().body()).isTrue();
        assertThat(agentsNamed(name)).isEqualTo(1);
    }

    @Test
    void twoInstancesAddingOneNameInTwoCasesAtOnceAddOneAgent() throws Exception {
        for (int round = 0; round < 5; round++) {
            String name = "Race Bob " + UUID.randomUUID().toString().substring(0, 8);

            List<Browser.Page> pages = Concurrently.run(2, 2, i -> invite(i, i == 0 ? name : name.toUpperCase()));

            assertThat(pages).filteredOn(p -> p.body().contains("/password/")).hasSize(1);
            assertThat(pages).filteredOn(AgentNameRaceTests::refusedForTheName).hasSize(1);
            assertThat(agentsNamed(name)).isEqualTo(1);
        }
    }
}
