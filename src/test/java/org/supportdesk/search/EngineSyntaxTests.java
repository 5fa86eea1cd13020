package org.supportdesk.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The query as each engine reads it: operators only from the parsed query, every word and phrase
 * quoted, so that nothing a person types is read as engine syntax. (The full-application tests run
 * the same hostile queries against both real engines.)
 */
class EngineSyntaxTests {

    private static Fts5Match fts5(String q) {
        return Fts5Match.of(SearchQuery.parse(q).text());
    }

    private static String tsquery(String q) {
        return TsQueryText.of(SearchQuery.parse(q).text());
    }

    @Test
    void wordsPhrasesAndPrefixesInFts5() {
        assertThat(fts5("charged twice").expression()).isEqualTo("(\"charged\" AND \"twice\")");
        assertThat(fts5("\"charged twice\"").expression()).isEqualTo("\"charged twice\"");
        assertThat(fts5("pass*").expression()).isEqualTo("\"pass\"*");
        assertThat(fts5("card refund OR chargeback").expression())
                .isEqualTo("(\"card\" AND (\"refund\" OR \"chargeback\"))");
    }

    @Test
    void exclusionsComeAfterWhatMustMatchInFts5() {
        assertThat(fts5("invoice -refund -\"credit note\"").expression())
                .isEqualTo("(\"invoice\" NOT (\"refund\" OR \"credit note\"))");
        assertThat(fts5("a b -c").expression()).isEqualTo("((\"a\" AND \"b\") NOT \"c\")");
    }

    @Test
    void aQueryThatOnlyExcludesIsNegatedForTheCaller() {
        assertThat(fts5("-spam -test")).isEqualTo(new Fts5Match("(\"spam\" OR \"test\")", true));
        assertThat(fts5("-spam")).isEqualTo(new Fts5Match("\"spam\"", true));
    }

    @Test
    void fts5SyntaxInsideWordsStaysInsideQuotes() {
        assertThat(fts5("NEAR(a b) x^ a+b").expression())
                .isEqualTo("(\"NEAR\" AND \"a\" AND \"b\" AND \"x^\" AND \"a+b\")");
        // A quote cannot open inside a bare word (it starts a phrase), and every quote is doubled anyway.
        assertThat(Fts5Match.quote("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
    }

    @Test
    void wordsPhrasesAndPrefixesInTsquery() {
        assertThat(tsquery("charged twice")).isEqualTo("('charged' & 'twice')");
        assertThat(tsquery("\"charged twice\"")).isEqualTo("'charged twice'");
        assertThat(tsquery("pass*")).isEqualTo("'pass':*");
        assertThat(tsquery("card (refund OR chargeback) -spam"))
                .isEqualTo("('card' & ('refund' | 'chargeback') & !'spam')");
        assertThat(tsquery("-spam -test")).isEqualTo("(!'spam' & !'test')");
    }

    @Test
    void tsqueryQuotesAndBackslashesAreEscaped() {
        assertThat(tsquery("it's a\\b")).isEqualTo("('it''s' & 'a\\\\b')");
        assertThat(tsquery("x'|'y")).isEqualTo("'x''|''y'");
        assertThat(TsQueryText.quote("') | ('")).isEqualTo("''') | ('''");
    }
}
