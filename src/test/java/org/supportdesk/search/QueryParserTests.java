package org.supportdesk.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.supportdesk.search.FieldTerm.Comparison;
import org.supportdesk.search.FieldTerm.Field;
import org.supportdesk.search.Text.All;
import org.supportdesk.search.Text.Any;
import org.supportdesk.search.Text.Not;
import org.supportdesk.search.Text.Phrase;
import org.supportdesk.search.Text.Word;

class QueryParserTests {

    private static SearchQuery parse(String q) {
        return SearchQuery.parse(q);
    }

    private static Word word(String w) {
        return new Word(w, false);
    }

    @Test
    void wordsSideBySideMustAllMatch() {
        assertThat(parse("charged twice").text()).isEqualTo(new All(List.of(word("charged"), word("twice"))));
    }

    @Test
    void oneWordIsJustThatWord() {
        assertThat(parse("  refund ").text()).isEqualTo(word("refund"));
    }

    @Test
    void anExplicitAndMeansTheSameAsSpace() {
        assertThat(parse("charged AND twice").text())
                .isEqualTo(parse("charged twice").text());
    }

    @Test
    void quotesMakeAPhrase() {
        assertThat(parse("\"charged twice\" card").text())
                .isEqualTo(new All(List.of(new Phrase("charged twice"), word("card"))));
    }

    @Test
    void aMinusOrNotExcludes() {
        assertThat(parse("invoice -refund").text())
                .isEqualTo(new All(List.of(word("invoice"), new Not(word("refund")))));
        assertThat(parse("invoice NOT refund").text())
                .isEqualTo(parse("invoice -refund").text());
        assertThat(parse("invoice -\"credit note\"").text())
                .isEqualTo(new All(List.of(word("invoice"), new Not(new Phrase("credit note")))));
    }

    @Test
    void aHyphenInsideAWordIsPartOfIt() {
        assertThat(parse("e-mail log-in").text()).isEqualTo(new All(List.of(word("e-mail"), word("log-in"))));
    }

    @Test
    void orBindsTighterThanTheSpaceBetweenWords() {
        assertThat(parse("card refund OR chargeback").text())
                .isEqualTo(new All(List.of(word("card"), new Any(List.of(word("refund"), word("chargeback"))))));
    }

    @Test
    void lowercaseOrIsAWord() {
        assertThat(parse("this or that").text()).isEqualTo(new All(List.of(word("this"), word("or"), word("that"))));
    }

    @Test
    void parenthesesGroup() {
        assertThat(parse("(charged twice) OR chargeback").text())
                .isEqualTo(new Any(List.of(new All(List.of(word("charged"), word("twice"))), word("chargeback"))));
        assertThat(parse("invoice (refund -partial)").text())
                .isEqualTo(new All(List.of(word("invoice"), word("refund"), new Not(word("partial")))));
    }

    @Test
    void aTrailingStarSearchesByPrefix() {
        assertThat(parse("pass*").text()).isEqualTo(new Word("pass", true));
        // Combining marks are part of the word: Devanagari's vowel signs and virama, an NFD accent.
        assertThat(parse("नमस्*").text()).isEqualTo(new Word("नमस्", true));
        assertThat(parse("e\u0301col*").text()).isEqualTo(new Word("e\u0301col", true));
    }

    @Test
    void onlyExclusionsAtTheTopLevelAreAllowed() {
        SearchQuery q = parse("-spam -test");
        assertThat(q.text()).isEqualTo(new All(List.of(new Not(word("spam")), new Not(word("test")))));
        assertThat(q.ranked()).isFalse();
        assertThat(parse("spam").ranked()).isTrue();
    }

    @Test
    void fieldsStandBesideTheWords() {
        SearchQuery q = parse("charged status:new priority:URGENT created>2026-01-01 updated<=2026-02-01T10:00:00Z");
        assertThat(q.text()).isEqualTo(word("charged"));
        assertThat(q.fields())
                .containsExactly(
                        new FieldTerm(Field.STATUS, Comparison.IS, "new", 9),
                        new FieldTerm(Field.PRIORITY, Comparison.IS, "URGENT", 20),
                        new FieldTerm(Field.CREATED, Comparison.AFTER, "2026-01-01", 36),
                        new FieldTerm(Field.UPDATED, Comparison.UNTIL, "2026-02-01T10:00:00Z", 55));
    }

    @Test
    void fieldNamesIgnoreCaseAndValuesMayBeQuoted() {
        assertThat(parse("Customer:\"Ann Lee\" TAG:vip assignee:me sla:breached")
                        .fields())
                .extracting(FieldTerm::field, FieldTerm::value)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(Field.CUSTOMER, "Ann Lee"),
                        org.assertj.core.groups.Tuple.tuple(Field.TAG, "vip"),
                        org.assertj.core.groups.Tuple.tuple(Field.ASSIGNEE, "me"),
                        org.assertj.core.groups.Tuple.tuple(Field.SLA, "breached"));
    }

    @Test
    void aQueryOfOnlyFieldsHasNoWords() {
        SearchQuery q = parse("status:new tag:vip");
        assertThat(q.text()).isNull();
        assertThat(q.ranked()).isFalse();
    }

    @Test
    void anEmailOrAnIdWithAColonAfterDigitsIsAWord() {
        assertThat(parse("ann.lee@example.com 10:30").text())
                .isEqualTo(new All(List.of(word("ann.lee@example.com"), word("10:30"))));
    }

    @Test
    void wordsWithoutLettersOrDigitsAreLeftOut() {
        assertThat(parse("refund & ... !").text()).isEqualTo(word("refund"));
        assertThat(parse("\"...\" -- ").text()).isNull();
    }

    @Test
    void lettersOfEveryScriptAreWords() {
        assertThat(parse("Müller 東京 café").text())
                .isEqualTo(new All(List.of(word("Müller"), word("東京"), word("café"))));
    }

    @ParameterizedTest(name = "{0} -> {2} at {1}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '`',
            value = {
                "charged \"twice                 | 9  | The quote at position 9 is not closed",
                "(refund                          | 1  | The '(' at position 1 is never closed",
                "refund)                          | 7  | ')' at position 7 has no '(' to close",
                "a ()                             | 3  | The parentheses at position 3 hold nothing to search for",
                "a (-b)                           | 3  | The parentheses at position 3 only exclude",
                "refund -                         | 8  | '-' at position 8 has nothing after it to exclude",
                "refund NOT                       | 8  | 'NOT' at position 8 has nothing after it to exclude",
                "OR refund                        | 1  | OR at position 1 needs something on both sides",
                "refund OR                        | 8  | OR at position 8 needs something on both sides",
                "a OR OR b                        | 3  | OR at position 3 needs something on both sides",
                "AND refund                       | 1  | AND at position 1 needs something on both sides",
                "refund AND                       | 8  | AND at position 8 needs something on both sides",
                "a OR -b                          | 6  | The excluded part at position 6 cannot be one side of OR",
                "stauts:new                       | 1  | Unknown field 'stauts' at position 1; the fields are status, priority,",
                "http://example.com               | 1  | Unknown field 'http' at position 1",
                "card status:                     | 6  | status: at position 6 has no value",
                "status>new                       | 1  | status at position 1 takes ':' only",
                "-status:closed                   | 2  | The field status:closed at position 2 cannot be excluded",
                "a OR status:new                  | 6  | The field status:new at position 6 cannot be excluded, put in parentheses or used with OR",
                "(a status:new)                   | 4  | The field status:new at position 4",
                "p*                               | 1  | A prefix search needs a word of at least 2 letters or digits before the '*' (at position 1)",
                "log-i*                           | 1  | A prefix search needs one word of letters and digits before the '*' (at position 1), and '-' is neither",
                "a pass**                         | 3  | A prefix search needs one word of letters and digits before the '*' (at position 3), and '*' is neither",
                "e\u0301*                          | 1  | A prefix search needs a word of at least 2 letters or digits",
                "- -a                             | 1  | '-' at position 1 has nothing after it to exclude",
                "a NOT -b                         | 7  | '-' at position 7 cannot follow another '-' or NOT",
            })
    void badQueriesSayWhatIsWrongAndWhere(String query, int position, String message) {
        assertThatThrownBy(() -> parse(query))
                .isInstanceOfSatisfying(
                        QuerySyntaxException.class,
                        e -> assertThat(e.position()).isEqualTo(position))
                .hasMessageStartingWith(message);
    }

    @Test
    void positionsCountCharactersNotUtf16Units() {
        // The emoji is two UTF-16 units but one character to the person who typed it.
        assertThatThrownBy(() -> parse("😀 \"open"))
                .isInstanceOfSatisfying(
                        QuerySyntaxException.class,
                        e -> assertThat(e.position()).isEqualTo(3));
    }

    @Test
    void aQueryHasAtMost32WordsAndALengthLimit() {
        assertThat(parse("w ".repeat(32)).text()).isInstanceOf(All.class);
        assertThatThrownBy(() -> parse("w ".repeat(33)))
                .isInstanceOfSatisfying(
                        QuerySyntaxException.class,
                        e -> assertThat(e.position()).isEqualTo(65))
                .hasMessageContaining("more than 32 words");
        assertThatThrownBy(() -> parse("x".repeat(1001)))
                .isInstanceOf(QuerySyntaxException.class)
                .hasMessageContaining("longer than 1000 characters");
    }

    @Test
    void engineSyntaxTypedByAPersonIsJustText() {
        // FTS5 and tsquery operators, SQL and column filters: all of it words or left out.
        assertThat(parse("NEAR(a b) ^start a+b a*b 'x' & y | !z").text())
                .isEqualTo(new All(List.of(
                        word("NEAR"),
                        word("a"),
                        word("b"),
                        word("^start"),
                        word("a+b"),
                        word("a*b"),
                        word("'x'"),
                        word("y"),
                        word("!z"))));
        assertThat(parse("'; DROP TABLE tickets;").text())
                .isEqualTo(new All(List.of(word("DROP"), word("TABLE"), word("tickets;"))));
    }

    @Test
    void parenthesesNestAtMost20Deep() {
        assertThat(parse("(".repeat(20) + "a" + ")".repeat(20)).text()).isEqualTo(word("a"));
        assertThatThrownBy(() -> parse("x " + "(".repeat(21) + "a" + ")".repeat(21)))
                .isInstanceOfSatisfying(
                        QuerySyntaxException.class,
                        e -> assertThat(e.position()).isEqualTo(23))
                .hasMessage("The '(' at position 23 nests parentheses more than 20 deep");
    }

    @Test
    void noQueryWithinTheLengthLimitOverflowsTheStack() {
        // Each shape nests as deep as 1,000 characters allow; every one is refused, none overflows.
        for (String q : List.of(
                "(".repeat(1000),
                "(".repeat(499) + ")".repeat(499),
                "-(".repeat(333) + "a",
                "a (".repeat(333),
                "(a OR ".repeat(166) + "b",
                "NOT (".repeat(200))) {
            assertThatThrownBy(() -> parse(q)).as(q).isInstanceOf(QuerySyntaxException.class);
        }
        // What may nest is rendered for both engines as deep as it goes.
        Text deep = parse("(a OR (b -(c ".repeat(6) + "d" + ")))".repeat(6)).text();
        assertThat(Fts5Match.of(deep).expression()).contains("\"d\"");
        assertThat(TsQueryText.of(deep)).contains("'d'");
    }

    @Test
    void aQueryWhoseWordsHoldNoLetterOrDigitMatchesNothing() {
        for (String q : List.of("😀", "&", "...", "\"*\"", "—", "& ... —", "(😀)", "😀 OR &", "😀 -refund")) {
            assertThat(parse(q).matchesNothing()).as(q).isTrue();
            assertThat(parse(q).text()).as(q).isNull();
        }
        SearchQuery filtered = parse("😀 priority:high");
        assertThat(filtered.matchesNothing()).isTrue();
        assertThat(filtered.fields()).hasSize(1);
    }

    @Test
    void besideSearchableWordsAWordWithoutLettersIsLeftOutAndItsExclusionExcludesNothing() {
        assertThat(parse("rock & roll").text()).isEqualTo(new All(List.of(word("rock"), word("roll"))));
        assertThat(parse("refund OR 😀").text()).isEqualTo(word("refund"));
        assertThat(parse("refund -😀").text()).isEqualTo(word("refund"));
        assertThat(parse("refund (😀 OR card)").text()).isEqualTo(new All(List.of(word("refund"), word("card"))));
        // AND is associative: the group's words stand beside refund.
        assertThat(parse("refund (😀 -card)").text())
                .isEqualTo(new All(List.of(word("refund"), new Not(word("card")))));
        assertThat(parse("refund OR (😀 -card)").text()).isEqualTo(word("refund"));
        assertThat(parse("-😀").text()).isNull();
        assertThat(parse("-😀").matchesNothing()).isFalse();
        assertThat(parse("-😀 -spam").text()).isEqualTo(new Not(word("spam")));
        assertThat(parse("-(refund 😀)").text()).isEqualTo(new Not(word("refund")));
        assertThat(parse("-😀 priority:high").matchesNothing()).isFalse();
    }

    @Test
    void aSideOfOrWithoutLettersAddsNothingAndBothSidesWithoutLettersMatchNothing() {
        for (String side : List.of("😀", "&", "...", "\"*\"", "\u0000", "\"\u0000\"", "\u0000\u0000")) {
            assertThat(parse("login OR " + side).text()).as(side).isEqualTo(word("login"));
            assertThat(parse(side + " OR login").text()).as(side).isEqualTo(word("login"));
            assertThat(parse("login OR " + side).matchesNothing()).as(side).isFalse();
            assertThat(parse(side + " OR " + side).matchesNothing()).as(side).isTrue();
            assertThat(parse(side + " OR 😀").text()).as(side).isNull();
        }
    }

    @Test
    void aNulInAWordIsACharacterWithoutLettersAsTheEnginesReadIt() {
        assertThat(parse("\u0000").matchesNothing()).isTrue();
        assertThat(parse("login \u0000").text()).isEqualTo(word("login"));
        assertThat(parse("login -\u0000").text()).isEqualTo(word("login"));
        assertThat(parse("-\u0000").matchesNothing()).isFalse();
        // Punctuation between letters: the words next to each other, as `log-in`.
        assertThat(parse("log\u0000in").text()).isEqualTo(word("log in"));
        assertThat(parse("\"charged\u0000twice\"").text()).isEqualTo(new Phrase("charged twice"));
    }

    @Test
    void aNulInAFieldValueIsKeptForTheFilterToMatchNothing() {
        assertThat(parse("customer:ann\u0000").fields().get(0).value()).isEqualTo("ann\u0000");
        assertThat(parse("tag:\"v\u0000ip\"").fields().get(0).value()).isEqualTo("v\u0000ip");
    }
}
