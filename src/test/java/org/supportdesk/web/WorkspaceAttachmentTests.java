package org.supportdesk.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.supportdesk.TicketBody.aTicket;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.supportdesk.Api;
import org.supportdesk.ApiTest;
import org.supportdesk.Multipart;

/**
 * A comment's files on the ticket page open for the agent signed in, whose cookie the API's
 * `/attachments/{id}` does not take: the page links to the workspace's address of the same file.
 */
class WorkspaceAttachmentTests extends ApiTest {

    private static final Pattern LINK = Pattern.compile("href=\"(/desk/attachments/[^\"]+)\"");

    @Test
    void aFileOnTheTicketPageOpensForTheAgentWithTheApisSafeguardsAndNotForAStranger() {
        String id = api.post(
                        "/tickets",
                        aTicket().withCustomer("web-file-" + UUID.randomUUID()).build())
                .json()
                .get("id")
                .asString();
        Multipart.form()
                .field("body", "The receipt")
                .file("files", "receipt.html", "text/html", "<script>x</script>".getBytes(StandardCharsets.UTF_8))
                .sendTo(api, "/tickets/" + id + "/comments");
        Browser agent = new Browser(port).signInAsAdmin(Api.ADMIN_KEY);

        Matcher link = LINK.matcher(agent.get("/desk/tickets/" + id).body());
        assertThat(link.find()).as("a workspace link to the file").isTrue();
        Browser.Page file = agent.get(link.group(1));

        assertThat(file.status()).isEqualTo(200);
        assertThat(file.body()).isEqualTo("<script>x</script>");
        assertThat(file.headers().firstValue("Content-Disposition"))
                .hasValueSatisfying(d -> assertThat(d).startsWith("attachment"));
        assertThat(file.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(file.headers().allValues("Content-Security-Policy"))
                .anySatisfy(p -> assertThat(p).contains("sandbox"));
        assertThat(new Browser(port).get(link.group(1)).location()).endsWith("/login");
        assertThat(agent.get("/desk/attachments/" + UUID.randomUUID()).status()).isEqualTo(404);
    }
}
