package org.supportdesk.classification;

import java.util.ArrayList;
import java.util.List;

/** Small hand-written training sets for the model's unit tests, and a builder for single examples. */
final class TrainingExamples {

    private TrainingExamples() {}

    /** Builds one example: {@code anExample("Refund please").saying("...").labelled("billing_question", "high")}. */
    static Builder anExample(String subject) {
        return new Builder(subject);
    }

    static final class Builder {
        private final String subject;
        private String description = "";
        private String category;
        private String priority;

        private Builder(String subject) {
            this.subject = subject;
        }

        Builder saying(String description) {
            this.description = description;
            return this;
        }

        Builder labelled(String category, String priority) {
            this.category = category;
            this.priority = priority;
            return this;
        }

        Example build() {
            return new Example(subject, description, category, priority);
        }
    }

    /**
     * Eight tickets per category, each category with its own words, priorities following the words (urgent when
     * everyone is down, low for wishes and questions). Repeated {@code times} times with a number appended, so that a
     * test can have as many examples as it needs.
     */
    static List<Example> distinctWords(int times) {
        String[][] rows = {
            {"account_access", "high", "cannot login", "my password is rejected and I cannot login"},
            {"account_access", "high", "locked account", "the account is locked after the password reset"},
            {"account_access", "medium", "two factor code", "the two factor code for login never arrives"},
            {"account_access", "high", "password reset", "password reset link expired, cannot login"},
            {"account_access", "medium", "login loop", "login page loops back, account access lost"},
            {"account_access", "high", "account locked", "my account got locked, password does not work"},
            {"account_access", "medium", "sso login", "single sign on login fails for my account"},
            {"account_access", "high", "cannot sign in", "sign in rejects my password, account locked"},
            {"billing_question", "high", "charged twice", "I was charged twice, please refund the invoice"},
            {"billing_question", "medium", "invoice copy", "please send the invoice with our VAT number"},
            {"billing_question", "high", "refund missing", "the refund for my payment never arrived"},
            {"billing_question", "medium", "card charged", "my card was charged the wrong amount on the invoice"},
            {"billing_question", "high", "double charge", "double charge on my card, refund please"},
            {"billing_question", "medium", "payment question", "which payment methods and invoice options exist"},
            {"billing_question", "high", "overcharged", "overcharged on the last invoice, need a refund"},
            {"billing_question", "medium", "price of plan", "the price on my invoice went up, why was I charged more"},
            {"feature_request", "low", "dark mode", "would love a dark mode option in the app"},
            {"feature_request", "low", "export idea", "please add an export to spreadsheet feature"},
            {"feature_request", "low", "suggestion", "suggestion: add keyboard shortcuts, would be nice"},
            {"feature_request", "low", "new feature", "it would be nice to add a calendar view feature"},
            {"feature_request", "low", "wishlist", "would love to see tags on boards, nice to have"},
            {"feature_request", "low", "idea", "idea: add a mobile widget feature"},
            {"feature_request", "low", "please add", "please add templates, would love that feature"},
            {"feature_request", "low", "request", "feature request: add dark theme and export"},
            {"technical_issue", "urgent", "site down", "the whole site is down for everyone, outage"},
            {"technical_issue", "medium", "very slow", "pages load very slow and time out"},
            {"technical_issue", "urgent", "outage", "outage, nobody in the office can connect, server down"},
            {"technical_issue", "medium", "timeout errors", "requests time out with a server error"},
            {"technical_issue", "urgent", "server down", "server down for the whole team, outage since morning"},
            {"technical_issue", "medium", "sync failing", "the sync keeps failing with a connection timeout"},
            {"technical_issue", "urgent", "nobody can connect", "nobody can connect, the server is down"},
            {"technical_issue", "medium", "slow server", "the server is slow and connections time out"},
            {"bug_report", "medium", "wrong total", "the report shows the wrong total, steps to reproduce attached"},
            {"bug_report", "low", "button misaligned", "the save button is misaligned, a cosmetic glitch"},
            {"bug_report", "medium", "wrong date", "dates display wrong after saving, reproducible every time"},
            {"bug_report", "low", "typo in label", "typo in the settings label, minor glitch"},
            {"bug_report", "medium", "duplicate rows", "saving creates duplicate rows, steps to reproduce below"},
            {"bug_report", "low", "icon glitch", "icon glitch on the sidebar, minor display issue"},
            {"bug_report", "medium", "wrong count", "counter shows the wrong count, reproducible"},
            {"bug_report", "low", "overlap glitch", "text overlaps the button, cosmetic display glitch"},
            {"other", "low", "thank you", "thank you for the great service, just feedback"},
            {"other", "low", "partnership", "we would like to discuss a partnership with your company"},
            {"other", "low", "office hours", "what are your office hours and where are you located"},
            {"other", "low", "press", "journalist here, could we interview your team"},
            {"other", "low", "compliment", "great team, thank you for the help, feedback only"},
            {"other", "low", "company question", "where is your company located, general question"},
            {"other", "low", "interview", "interview request for our magazine about your company"},
            {"other", "low", "feedback", "general feedback, thank you for your service"},
        };
        List<Example> examples = new ArrayList<>();
        for (int t = 0; t < times; t++) {
            for (String[] row : rows) {
                examples.add(anExample(row[2])
                        .saying(row[3] + (t == 0 ? "" : " (" + t + ")"))
                        .labelled(row[0], row[1])
                        .build());
            }
        }
        return examples;
    }
}
