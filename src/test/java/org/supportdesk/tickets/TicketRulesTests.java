package org.supportdesk.tickets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.supportdesk.system.InvalidRequest;
import org.supportdesk.system.SignedTokens;

class TicketRulesTests {

    private static final Instant EARLIER = Instant.parse("2026-11-01T10:00:00Z");
    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

    @Test
    void enteringResolvedOrClosedFromAnOpenStatusSetsResolvedAt() {
        assertThat(TicketService.resolvedAt(Status.NEW, Status.RESOLVED, null, NOW))
                .isEqualTo(NOW);
        assertThat(TicketService.resolvedAt(Status.WAITING_CUSTOMER, Status.CLOSED, null, NOW))
                .isEqualTo(NOW);
    }

    @Test
    void movingBetweenResolvedAndClosedKeepsResolvedAt() {
        assertThat(TicketService.resolvedAt(Status.RESOLVED, Status.CLOSED, EARLIER, NOW))
                .isEqualTo(EARLIER);
        assertThat(TicketService.resolvedAt(Status.CLOSED, Status.RESOLVED, EARLIER, NOW))
                .isEqualTo(EARLIER);
    }

    @Test
    void reopeningClearsResolvedAt() {
        assertThat(TicketService.resolvedAt(Status.RESOLVED, Status.IN_PROGRESS, EARLIER, NOW))
                .isNull();
        assertThat(TicketService.resolvedAt(Status.CLOSED, Status.NEW, EARLIER, NOW))
                .isNull();
    }

    @Test
    void ifMatchAcceptsEntityTagsWeakTagsBareNumbersAndStar() {
        assertThat(IfMatch.parse("\"3\"").matches(3)).isTrue();
        assertThat(IfMatch.parse("W/\"3\"").matches(3)).isTrue();
        assertThat(IfMatch.parse("3").matches(3)).isTrue();
        assertThat(IfMatch.parse("\"2\", \"3\"").matches(3)).isTrue();
        assertThat(IfMatch.parse("*").matches(7)).isTrue();
        assertThat(IfMatch.parse(null).matches(7)).isTrue();
        assertThat(IfMatch.parse("\"2\"").matches(3)).isFalse();
        assertThat(IfMatch.parse("\"abc\"").matches(3)).isFalse();
    }

    private final CursorCodec cursors = new CursorCodec(() -> "a secret of 32 bytes, for tests.".getBytes());

    private TicketQuery query(Map<String, String> params) {
        var values = new QueryValues(params::get);
        TicketQuery query = TicketQuery.bind(
                TicketFilter.bind(values, java.time.Instant.now(), java.time.Duration.ofHours(1)), values, cursors);
        if (!values.problems().isEmpty()) {
            throw new InvalidRequest(values.problems());
        }
        return query;
    }

    @Test
    void cursorRoundTripsAndRefusesForgeries() {
        var cursor = new TicketQuery.Cursor(
                TicketQuery.Sort.PRIORITY, true, 3, 1_764_000_000_000L, "3fa85f64-5717-4562-b3fc-2c963f66afa6");
        String issued = cursors.encode(cursor);

        assertThat(cursors.decode(issued)).isEqualTo(cursor);
        assertThat(cursors.decode("!!!")).isNull();
        assertThat(cursors.decode("djJ8cHJpb3JpdHl8ZGVzY3wzfDB8bm90LWEtdXVpZA")).isNull();
        assertThatThrownBy(() -> query(Map.of("sort", "created_at", "order", "asc", "cursor", issued)))
                .isInstanceOf(InvalidRequest.class);
    }

    @Test
    void aCursorSignedWithAnotherKeyOrWithItsDigitsEditedIsRefused() {
        var cursor = new TicketQuery.Cursor(
                TicketQuery.Sort.CREATED_AT, false, 1_764_000_000_000L, 0, "3fa85f64-5717-4562-b3fc-2c963f66afa6");
        String issued = cursors.encode(cursor);
        var other = new CursorCodec(() -> "another secret of 32 bytes, too.".getBytes());
        String payload = new String(Base64.getUrlDecoder().decode(issued.substring(0, issued.indexOf('.'))));
        String edited = Base64.getUrlEncoder()
                        .withoutPadding()
                        .encodeToString(payload.replace("1764000000000", "1764000000001")
                                .getBytes())
                + issued.substring(issued.indexOf('.'));

        assertThat(other.decode(issued)).isNull();
        assertThat(cursors.decode(edited)).isNull();
        assertThat(cursors.decode(issued.substring(0, issued.indexOf('.')))).isNull();
    }

    @Test
    void aRelevanceCursorOfThePreviousVersionWhichHeldNoSearchIsRefusedAndOtherOrdersAreStillRead() {
        var signer = new SignedTokens(() -> "a secret of 32 bytes, for tests.".getBytes());
        String id = "3fa85f64-5717-4562-b3fc-2c963f66afa6";

        assertThat(cursors.decode(signer.sign("v4|relevance|asc|3|10|" + id + "|20")))
                .isNull();
        assertThat(cursors.decode(signer.sign("v4|created_at|asc|1764000000000|0|" + id + "|0")))
                .isEqualTo(new TicketQuery.Cursor(TicketQuery.Sort.CREATED_AT, false, 1_764_000_000_000L, 0, id));
    }

    @Test
    void aRelevanceCursorHoldsTheScopeOfItsSearchWhichIgnoresTheOrderOfTheFieldsInQ() {
        TicketFilter issued =
                query(Map.of("q", "printer status:new priority:high")).filter();
        TicketFilter reordered =
                query(Map.of("q", "priority:high  printer AND status:new")).filter();
        TicketFilter other =
                query(Map.of("q", "printer status:new priority:low")).filter();
        TicketFilter narrower = query(Map.of("q", "printer status:new priority:high", "tag", "vip"))
                .filter();

        assertThat(cursors.scopeOf(reordered)).isEqualTo(cursors.scopeOf(issued));
        assertThat(cursors.scopeOf(other)).isNotEqualTo(cursors.scopeOf(issued));
        assertThat(cursors.scopeOf(narrower)).isNotEqualTo(cursors.scopeOf(issued));
        var cursor = new TicketQuery.Cursor(
                TicketQuery.Sort.RELEVANCE,
                false,
                3,
                10,
                "3fa85f64-5717-4562-b3fc-2c963f66afa6",
                20,
                cursors.scopeOf(issued));
        assertThat(cursors.decode(cursors.encode(cursor))).isEqualTo(cursor);
    }

    @Test
    void queryDefaultsToOldestFirstHundredPerPage() {
        TicketQuery query = query(Map.of());

        assertThat(query.sort()).isEqualTo(TicketQuery.Sort.CREATED_AT);
        assertThat(query.descending()).isFalse();
        assertThat(query.limit()).isEqualTo(100);
    }

    @Test
    void theCountedPartOfAFilterJoinsItsParametersWithTheFieldsOfQ() {
        TicketFilter both = query(Map.of("q", "dark mode status:in_progress", "priority", "high"))
                .filter();
        assertThat(both.counted())
                .isEqualTo(new TicketFilter(
                        null, Priority.HIGH, Status.IN_PROGRESS, null, null, null, null, null, null, null));
        // The same value twice is one condition.
        assertThat(query(Map.of("q", "printer category:billing_question", "category", "billing_question"))
                        .filter()
                        .counted()
                        .category())
                .isEqualTo(Category.BILLING_QUESTION);
        // Words alone: nothing counted.
        assertThat(query(Map.of("q", "printer")).filter().counted()).isEqualTo(TicketFilter.NONE);
    }

    @Test
    void aFilterBeyondTheCountsOrTwoValuesOfOneColumnHaveNoCountedPart() {
        for (Map<String, String> params : java.util.List.of(
                Map.of("q", "printer status:new status:closed"),
                Map.of("q", "printer", "status", "new", "customer_id", "c-1"),
                Map.of("q", "printer tag:vip status:new"),
                Map.of("q", "printer created>2026-01-01"),
                Map.of("q", "printer assignee:none"),
                Map.of("q", "printer priority:low", "priority", "high"))) {
            assertThat(query(params).filter().counted()).as(params.toString()).isNull();
        }
    }

    @Test
    void exactTotalIsABooleanAndOffByDefault() {
        assertThat(query(Map.of("q", "printer")).exactTotal()).isFalse();
        assertThat(query(Map.of("q", "printer", "exact_total", "true")).exactTotal())
                .isTrue();
        assertThatThrownBy(() -> query(Map.of("q", "printer", "exact_total", "maybe")))
                .isInstanceOf(InvalidRequest.class);
    }
}
