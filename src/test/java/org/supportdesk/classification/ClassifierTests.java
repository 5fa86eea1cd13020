package org.supportdesk.classification;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ClassifierTests {

    private final Classifier classifier = TestRules.classifier();

    private Classification classify(String text) {
        return classifier.classify("", text);
    }

    @Test
    void addDoesNotMatchAddress() {
        assertThat(classify("Please update the address on file").category()).isEqualTo("other");
        assertThat(classify("Please add a calendar view").category()).isEqualTo("feature_request");
    }

    @Test
    void matchesIgnoringCase() {
        assertThat(classify("REFUND please").keywordsFound()).containsExactly("refund");
    }

    @Test
    void logInWithSpaceHyphenUnderscoreOrNothingIsOnePhrase() {
        for (String text : new String[] {"I cannot log in", "log-in fails", "the Login page", "LOG_IN", "Log In"}) {
            Classification result = classify(text);
            assertThat(result.category()).as(text).isEqualTo("account_access");
            assertThat(result.keywordsFound()).as(text).contains("log in");
        }
        assertThat(classify("the catalog included").category()).isEqualTo("other");
    }

    @Test
    void wordsMarkedWithPlusMatchTheirInflections() {
        for (String word : new String[] {"crash", "crashes", "crashed", "crashing"}) {
            assertThat(classify("the app " + word).keywordsFound()).as(word).containsExactly("crash");
        }
        for (String word : new String[] {"fail", "fails", "failed", "failing"}) {
            assertThat(classify("sync " + word + " tonight").keywordsFound())
                    .as(word)
                    .containsExactly("fail");
        }
        for (String word : new String[] {"charge", "charges", "charged", "charging"}) {
            assertThat(classify("you " + word + " my card").keywordsFound())
                    .as(word)
                    .containsExactly("charge");
        }
        assertThat(classify("I logged in yesterday").keywordsFound()).containsExactly("log in");
        assertThat(classify("errors everywhere").keywordsFound()).containsExactly("error");
    }

    @Test
    void unmarkedWordsMatchOnlyAsWritten() {
        assertThat(classify("two refunds and invoices").keywordsFound()).isEmpty();
        assertThat(classify("crashpad").keywordsFound()).isEmpty();
    }

    @Test
    void apostropheSpellingsAndEquivalentsAreOneWord() {
        for (String text : new String[] {
            "I can't access it",
            "I cant access it",
            "I can\u2019t access it",
            "I cannot access it",
            "I can not access it",
            "I'm unable to access it"
        }) {
            assertThat(classify(text).keywordsFound()).as(text).containsExactly("can't access");
        }
    }

    @Test
    void longestPhraseWinsAndHidesTheWordsInside() {
        Classification result = classify("payment failed at checkout");
        assertThat(result.category()).isEqualTo("technical_issue");
        assertThat(result.keywordsFound()).containsExactly("payment failed");
    }

    @Test
    void ignoredPhrasesCountForNothing() {
        Classification result = classify("How do I change my security question?");
        assertThat(result.priority()).isEqualTo("medium");
        assertThat(result.keywordsFound()).isEmpty();
    }

    @Test
    void negatedPriorityPhraseBeatsTheWordInside() {
        assertThat(classify("not urgent, but a refund would be good").priority())
                .isEqualTo("low");
    }

    @Test
    void fillerWordsAreSkippedBeforeMatching() {
        assertThat(classify("I would really love to see a calendar").keywordsFound())
                .containsExactly("would love to see");
        assertThat(classify("it is very, very slow").keywordsFound()).containsExactly("slow");
    }

    @Test
    void categoryWithMostDistinctKeywordsWins() {
        Classification result = classify("refund the charge on invoice 12, there was an error");
        assertThat(result.category()).isEqualTo("billing_question");
        assertThat(result.confidence()).isEqualTo(0.7);
    }

    @Test
    void repeatedKeywordCountsOnce() {
        assertThat(classify("error error error, refund invoice").category()).isEqualTo("billing_question");
    }

    @Test
    void tieGoesToTheEarlierCategoryInTheTieOrder() {
        Classification result = classify("there is a bug, I get an error");
        assertThat(result.category()).isEqualTo("bug_report");
        assertThat(result.reasoning()).contains("the tie goes to bug_report by the tie order");
        assertThat(classify("refund after the crash").category()).isEqualTo("billing_question");
    }

    @Test
    void reproductionStepsMakeItABugReportEvenWithMoreTechnicalMatches() {
        Classification result = classify(
                "Steps to reproduce: open the report, it is slow, then it crashes with an error and a timeout");
        assertThat(result.category()).isEqualTo("bug_report");
        assertThat(result.confidence()).isEqualTo(0.5);
        assertThat(result.reasoning())
                .isEqualTo("Classified as bug_report because the text mentions \"steps to reproduce\"; \"slow\","
                        + " \"crash\", \"error\" and \"timeout\" also point to technical_issue, but \"steps to"
                        + " reproduce\" makes it bug_report rather than technical_issue; priority medium by default.");
    }

    @Test
    void overlapRuleCanHandTheWinToAThirdCategory() {
        Classifier classifier = TestRules.classifierWith(
                "\"overrides\": [",
                "\"overrides\": [\n{\"prefer\": \"billing_question\", \"over\": [\"technical_issue\"], \"when_any\": [\"refund\"]},");
        Classification result =
                classifier.classify("", "refund? log in fails with an error, a timeout and a crash, password");
        assertThat(result.category()).isEqualTo("account_access");
        assertThat(result.reasoning()).contains("but \"refund\" puts billing_question ahead of technical_issue");
    }

    @Test
    void overlapRuleNeedsItsTrigger() {
        assertThat(classify("bug: it crashes with an error").category()).isEqualTo("technical_issue");
    }

    @Test
    void confidenceFollowsTheSeedFormula() {
        assertThat(Classifier.confidence(1, 0)).isEqualTo(0.6);
        assertThat(Classifier.confidence(3, 0)).isEqualTo(0.8);
        assertThat(Classifier.confidence(5, 0)).isEqualTo(1.0);
        assertThat(Classifier.confidence(7, 0)).isEqualTo(1.0);
        assertThat(Classifier.confidence(7, 1)).isEqualTo(0.9);
        assertThat(Classifier.confidence(2, 1)).isEqualTo(0.6);
        assertThat(Classifier.confidence(1, 2)).isEqualTo(0.4);
        assertThat(Classifier.confidence(1, 9)).isEqualTo(0.0);
    }

    @Test
    void confidenceDropsForEachOtherMatchingCategory() {
        assertThat(classify("refund the charge").confidence()).isEqualTo(0.7);
        assertThat(classify("refund the charge, password error").confidence()).isEqualTo(0.5);
        assertThat(classify("error, crash, timeout, broken, slow, failed").confidence())
                .isEqualTo(1.0);
        assertThat(classify("error, crash, timeout, broken, slow, failed, refund")
                        .confidence())
                .isEqualTo(0.9);
    }

    @Test
    void urgentBeatsHighBeatsLow() {
        assertThat(classify("minor issue, asap, critical").priority()).isEqualTo("urgent");
        assertThat(classify("minor issue, asap").priority()).isEqualTo("high");
        assertThat(classify("minor issue").priority()).isEqualTo("low");
        assertThat(classify("an issue").priority()).isEqualTo("medium");
    }

    @Test
    void emptyTicketIsOtherWithMediumPriorityAndLowConfidence() {
        for (Classification result :
                new Classification[] {classifier.classify(null, null), classifier.classify("", "   ")}) {
            assertThat(result.category()).isEqualTo("other");
            assertThat(result.priority()).isEqualTo("medium");
            assertThat(result.confidence()).isEqualTo(0.3);
            assertThat(result.keywordsFound()).isEmpty();
            assertThat(result.reasoning())
                    .isEqualTo(
                            "No category keywords found, so the ticket is filed as other; priority medium by default.");
        }
    }

    @Test
    void keywordFreeTicketIsOtherButKeepsItsPriority() {
        Classification result = classifier.classify("Question", "Where is your office? Asap please.");
        assertThat(result.category()).isEqualTo("other");
        assertThat(result.priority()).isEqualTo("high");
        assertThat(result.confidence()).isLessThan(0.5);
        assertThat(result.reasoning())
                .isEqualTo(
                        "No category keywords found, so the ticket is filed as other; priority high because of \"asap\".");
    }

    @Test
    void subjectAndDescriptionAreOneText() {
        assertThat(classifier.classify("Log", "in fails").keywordsFound()).containsExactly("log in", "fail");
    }

    @Test
    void keywordsAreDistinctInOrderOfFirstAppearance() {
        assertThat(classify("ASAP: refund, it crashed, refund again, crash, critical")
                        .keywordsFound())
                .containsExactly("asap", "refund", "crash", "critical");
    }

    @Test
    void reasoningNamesKeywordsAndPriority() {
        assertThat(classify("please refund, you charged me twice, asap").reasoning())
                .isEqualTo("Classified as billing_question because the text mentions \"refund\" and \"charge\";"
                        + " priority high because of \"asap\".");
    }

    @Test
    void knowsItsCategoriesAndPriorities() {
        assertThat(classifier.categories())
                .containsExactly(
                        "account_access",
                        "technical_issue",
                        "billing_question",
                        "feature_request",
                        "bug_report",
                        "other");
        assertThat(classifier.priorities()).containsExactly("urgent", "high", "medium", "low");
    }
}
