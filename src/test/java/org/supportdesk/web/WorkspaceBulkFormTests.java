package org.supportdesk.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.supportdesk.Api;
import org.supportdesk.ApiTest;

/**
 * The bulk form of the inbox's largest page (`limit=1000`, every ticket selected) holds more
 * fields than Tomcat's default of 1,000 parameters: it is read whole; a form with more fields than
 * Tomcat reads answers a page that says so, not one about text that is not valid.
 */
class WorkspaceBulkFormTests extends ApiTest {

    private static final Pattern IDS = Pattern.compile("name=\"ids\" value=\"([^\"]+)\"");
    private static final Pattern QUERY = Pattern.compile("name=\"query\" value=\"([^\"]*)\"");

    Browser admin;

    @BeforeEach
    void signIn() {
        admin = new Browser(port).signInAsAdmin(Api.ADMIN_KEY);
    }

    private void importTickets(String customer, int count) {
        var csv = new StringBuilder("customer_id,customer_email,customer_name,subject,description\n");
        for (int i = 0; i < count; i++) {
            csv.append(customer)
                    .append(",ann@example.com,Ann Lee,Question ")
                    .append(i)
                    .append(",A question about the plan and its price.\n");
        }
        Api.Response imported =
                api.sendBytes("POST", "/import/csv", "text/csv", csv.toString().getBytes(StandardCharsets.UTF_8));
        assertThat(imported.json().get("success_count").asInt()).isEqualTo(count);
    }

    private long closed(String customer) {
        return api.get("/tickets?limit=1&status=closed&customer_id=" + customer)
                .json()
                .get("total")
                .asLong();
    }

    /** The bulk form as the page's Apply button sends it: query, action, value, every id ticked. */
    private static String bulkForm(String query, List<String> ids) {
        return "query=" + enc(query) + "&action=status&value=closed"
                + ids.stream().map(id -> "&ids=" + enc(id)).collect(Collectors.joining());
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Test
    void closingEveryTicketOfTheLargestInboxPageClosesThemAll() {
        String customer = "web-bulk-page-" + UUID.randomUUID();
        importTickets(customer, 1000);
        Browser.Page inbox = admin.get("/desk?customer_id=" + customer + "&limit=1000");
        var ids = new ArrayList<String>();
        Matcher m = IDS.matcher(inbox.body());
        while (m.find()) {
            ids.add(m.group(1));
        }
        Matcher query = QUERY.matcher(inbox.body());
        assertThat(query.find()).isTrue();
        assertThat(ids).hasSize(1000);

        // 1,004 fields with the CSRF token: one more than the 1,000 Tomcat read by default.
        Browser.Page done = admin.postRaw("/desk/bulk", bulkForm(query.group(1).replace("&amp;", "&"), ids));

        assertThat(done.status()).as(done.body()).isEqualTo(302);
        assertThat(closed(customer)).isEqualTo(1000);
    }
}
