package org.supportdesk.classification;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The shipped rules on the phrases the issue names, written as customers write them. */
class DefaultRulesTests {

    private final Classifier classifier = Classifier.withDefaultRules();

    @Test
    void classifiesRefundRequestAsBilling() {
        Classification result =
                classifier.classify("Refund please", "I was charged twice for March, please refund me.");
        assertThat(result.category()).isEqualTo("billing_question");
        assertThat(result.priority()).isEqualTo("high");
        assertThat(result.keywordsFound()).contains("refund", "charged twice");
        assertThat(result.reasoning()).startsWith("Classified as billing_question because the text mentions");
    }

    @Test
    void cantSignInIsAccountAccessWhateverTheApostrophe() {
        for (String text :
                new String[] {"I can't sign in", "I cant sign-in", "I cannot signin", "I can\u2019t sign in"}) {
            Classification result = classifier.classify("Help", text);
            assertThat(result.category()).as(text).isEqualTo("account_access");
            assertThat(result.keywordsFound()).as(text).contains("can't sign in");
        }
    }

    @Test
    void cantAccessIsUrgent() {
        assertThat(classifier.classify("", "We cannot access our account").priority())
                .isEqualTo("urgent");
    }

    @Test
    void wouldLoveToSeeIsALowPriorityFeatureRequest() {
        Classification result = classifier.classify("Idea", "Would really love to see a calendar view");
        assertThat(result.category()).isEqualTo("feature_request");
        assertThat(result.priority()).isEqualTo("low");
    }

    @Test
    void doesntWorkIsATechnicalIssue() {
        assertThat(classifier.classify("Export", "The export doesn't work").category())
                .isEqualTo("technical_issue");
        assertThat(classifier.classify("Export", "The export does not work").category())
                .isEqualTo("technical_issue");
    }

    @Test
    void reproductionStepsMakeACrashABugReport() {
        Classification result = classifier.classify(
                "Crash in report builder",
                "Steps to reproduce: open the builder, add a filter; it crashes with an error.");
        assertThat(result.category()).isEqualTo("bug_report");
        assertThat(result.reasoning()).contains("makes it bug_report rather than technical_issue");
    }

    @Test
    void productionDownIsUrgent() {
        assertThat(classifier
                        .classify("Production down", "Nothing works since 10:00")
                        .priority())
                .isEqualTo("urgent");
    }

    @Test
    void securityQuestionIsNotASecurityIncident() {
        assertThat(classifier
                        .classify("", "How do I change my security question?")
                        .priority())
                .isNotEqualTo("urgent");
    }

    @Test
    void notUrgentIsLow() {
        assertThat(classifier
                        .classify("", "Not urgent, but the invoice total looks odd")
                        .priority())
                .isEqualTo("low");
    }
}
