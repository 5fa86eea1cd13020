package org.supportdesk.classification;

import java.io.StringReader;

/** A small rules file for tests that pin one behaviour, independent of the shipped keyword lists. */
final class TestRules {

    static final String JSON = """
            {
              "categories": {
                "account_access": ["log+ in", "password", "can't access", "locked out"],
                "technical_issue": ["error+", "crash+", "fail+", "timeout", "broken", "slow", "payment failed"],
                "billing_question": ["charge+", "refund", "invoice", "payment"],
                "feature_request": ["add", "would love to see", "dark mode"],
                "bug_report": ["bug", "steps to reproduce", "regression"],
                "other": []
              },
              "tie_order": ["bug_report", "account_access", "billing_question", "technical_issue", "feature_request", "other"],
              "overrides": [
                {"prefer": "bug_report", "over": ["technical_issue"], "when_any": ["steps to reproduce"]}
              ],
              "priorities": {
                "urgent": ["critical", "security"],
                "high": ["asap"],
                "low": ["minor", "not urgent"]
              },
              "ignore": ["security question"],
              "equivalents": {"can't": ["cannot", "can not", "unable to"]},
              "filler_words": ["really", "very"]
            }
            """;

    private TestRules() {}

    static Classifier classifier() {
        return Classifier.fromRules(new StringReader(JSON));
    }

    /** The test rules with one piece of text replaced, for malformed-file tests. */
    static Classifier classifierWith(String find, String replacement) {
        if (!JSON.contains(find)) {
            throw new IllegalArgumentException("test rules do not contain " + find);
        }
        return Classifier.fromRules(new StringReader(JSON.replace(find, replacement)));
    }
}
