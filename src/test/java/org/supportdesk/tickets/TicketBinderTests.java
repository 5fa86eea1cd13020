package org.supportdesk.tickets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.supportdesk.TicketBody.aTicket;

import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.supportdesk.TicketBody;
import org.supportdesk.system.InvalidRequest;
import org.supportdesk.system.Problem;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class TicketBinderTests {

    private static final ValidatorFactory VALIDATION = Validation.buildDefaultValidatorFactory();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final TicketBinder binder = new TicketBinder(VALIDATION.getValidator(), java.time.Clock.systemUTC());

    @AfterAll
    static void close() {
        VALIDATION.close();
    }

    private static JsonNode json(TicketBody body) {
        return JSON.valueToTree(body.build());
    }

    /** A valid ticket but for one field. */
    private static JsonNode json(String field, Object value) {
        return json(aTicket().with(field, value));
    }

    private List<String> problems(JsonNode body) {
        InvalidRequest e = catchThrowableOfType(InvalidRequest.class, () -> binder.bindNew(body));
        assertThat(e).as("expected a validation failure").isNotNull();
        return e.problems().stream().map(Problem::asFieldMessage).toList();
    }

    @Test
    void bindsAValidTicketTrimmedWithDefaults() {
        TicketInput input = binder.bindNew(json(
                aTicket().with("customer_name", "  Ann Lee ").without("status").without("metadata")));

        assertThat(input.customerName()).isEqualTo("Ann Lee");
        assertThat(input.status()).isEqualTo(Status.NEW);
        assertThat(input.metadata()).isEqualTo(new Metadata(Source.API, null, null));
        assertThat(input.category()).isEqualTo(Category.TECHNICAL_ISSUE);
    }

    @Test
    void leavesCategoryAndPriorityOpenWhenAbsent() {
        TicketInput input = binder.bindNew(json(aTicket().without("category").with("priority", null)));

        assertThat(input.category()).isNull();
        assertThat(input.priority()).isNull();
    }

    @Test
    void dropsDuplicateTagsAfterTrimmingAndKeepsOrder() {
        TicketInput input = binder.bindNew(json(aTicket().withTags("b", " a", "b ", "a", "c")));

        assertThat(input.tags()).containsExactly("b", "a", "c");
    }

    @Test
    void refusesTooManyAndTooLongTags() {
        var many = new java.util.ArrayList<String>();
        for (int i = 0; i < 21; i++) {
            many.add("t" + i);
        }

        assertThat(problems(json("tags", many))).containsExactly("tags: List should have at most 20 items");
        assertThat(problems(json("tags", List.of("ok", "x".repeat(51)))))
                .containsExactly("tags[1]: String should have at most 50 characters");
        assertThat(problems(json("tags", List.of("ok", "  "))))
                .containsExactly("tags[1]: String should have at least 1 character");
    }

    @Test
    void checksEveryLengthLimit() {
        assertThat(problems(json("customer_id", " ")))
                .containsExactly("customer_id: String should have at least 1 character");
        assertThat(problems(json("customer_id", "x".repeat(101))))
                .containsExactly("customer_id: String should have at most 100 characters");
        assertThat(problems(json("customer_name", "x".repeat(201))))
                .containsExactly("customer_name: String should have at most 200 characters");
        assertThat(problems(json("subject", "x".repeat(201))))
                .containsExactly("subject: String should have at most 200 characters");
        assertThat(problems(json("description", "123456789")))
                .containsExactly("description: String should have at least 10 characters");
        assertThat(problems(json("description", "x".repeat(2001))))
                .containsExactly("description: String should have at most 2000 characters");
        assertThat(problems(json("assigned_to", "x".repeat(101))))
                .containsExactly("assigned_to: String should have at most 100 characters");
        assertThat(problems(json("metadata", Map.of("browser", "x".repeat(101)))))
                .containsExactly("metadata.browser: String should have at most 100 characters");
    }

    @Test
    void acceptsBoundaryLengths() {
        TicketInput input = binder.bindNew(json(aTicket()
                .withSubject("x".repeat(200))
                .withDescription("x".repeat(10))
                .withCustomer("x".repeat(100))));

        assertThat(input.subject()).hasSize(200);
    }

    @Test
    void validatesEmailWithAMaintainedValidator() {
        for (String bad :
                List.of("plainaddress", "a@b", "a@@example.com", "a b@example.com", "@example.com", "a@.com")) {
            assertThat(problems(json("customer_email", bad)))
                    .as(bad)
                    .containsExactly("customer_email: value is not a valid email address");
        }
        for (String good : List.of("ann@example.com", "first.last+tag@sub.example.co.uk", "o'neil@example.org")) {
            assertThat(binder.bindNew(json("customer_email", good)).customerEmail())
                    .isEqualTo(good);
        }
        String longLocal = "x".repeat(250) + "@example.com";
        assertThat(problems(json("customer_email", longLocal)))
                .containsExactly("customer_email: String should have at most 254 characters");
    }

    @Test
    void reportsWrongTypesUnknownFieldsAndBadEnumsTogether() {
        assertThat(problems(json(aTicket()
                        .with("subject", 42)
                        .with("priority", "asap")
                        .with("priorty", "high")
                        .with("tags", "a,b")
                        .with("metadata", Map.of("source", "fax", "os", "linux")))))
                .containsExactlyInAnyOrder(
                        "subject: Input should be a valid string",
                        "priority: Input should be 'low', 'medium', 'high' or 'urgent'",
                        "priorty: Extra inputs are not permitted",
                        "tags: Input should be a valid list",
                        "metadata.source: Input should be 'web_form', 'email', 'api', 'chat' or 'phone'",
                        "metadata.os: Extra inputs are not permitted");
    }

    @Test
    void reportsMissingRequiredFields() {
        assertThat(problems(JSON.readTree("{}")))
                .containsExactlyInAnyOrder(
                        "customer_id: Field required",
                        "customer_email: Field required",
                        "customer_name: Field required",
                        "subject: Field required",
                        "description: Field required");
    }

    @Test
    void patchKeepsAbsentFieldsAndRefusesNullForRequiredOnes() {
        TicketInput current = binder.bindNew(json("assigned_to", "maria"));

        var patched = binder.bindPatch(JSON.readTree("{\"assigned_to\": null, \"status\": \"in_progress\"}"), current);

        assertThat(patched.input().assignedTo()).isNull();
        assertThat(patched.input().status()).isEqualTo(Status.IN_PROGRESS);
        assertThat(patched.input().subject()).isEqualTo(current.subject());
        assertThat(patched.touched()).containsExactly("assigned_to", "status");
        InvalidRequest e = catchThrowableOfType(
                InvalidRequest.class,
                () -> binder.bindPatch(JSON.readTree("{\"category\": null, \"description\": \"short\"}"), current));
        assertThat(e.problems())
                .extracting(Problem::asFieldMessage)
                .containsExactlyInAnyOrder(
                        "category: Input should be 'account_access', 'technical_issue', 'billing_question',"
                                + " 'feature_request', 'bug_report' or 'other'",
                        "description: String should have at least 10 characters");
    }
}
