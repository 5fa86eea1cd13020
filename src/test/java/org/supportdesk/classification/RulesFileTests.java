package org.supportdesk.classification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import org.junit.jupiter.api.Test;

class RulesFileTests {

    @Test
    void shippedRulesAreValidAndKnowAllSixCategories() {
        Classifier classifier = Classifier.withDefaultRules();
        assertThat(classifier.categories()).hasSize(6).contains("other");
        assertThat(Classifier.withDefaultRules()).isSameAs(classifier);
    }

    @Test
    void rejectsTextThatIsNotJson() {
        assertThatThrownBy(() -> Classifier.fromRules(new StringReader("{\n  \"categories\": [\n  oops")))
                .isInstanceOf(RulesFormatException.class)
                .hasMessageStartingWith("Invalid classification rules: line 3, column")
                .hasMessageContaining("not valid JSON");
    }

    @Test
    void rejectsAnEmptyFile() {
        assertThatThrownBy(() -> Classifier.fromRules(new StringReader("  ")))
                .isInstanceOf(RulesFormatException.class)
                .hasMessageContaining("the rules file is empty");
    }

    @Test
    void rejectsAnUnknownKey() {
        assertThatThrownBy(() -> TestRules.classifierWith("\"ignore\":", "\"ignored\":"))
                .isInstanceOf(RulesFormatException.class)
                .hasMessageContaining("ignored (line 19): unknown key \"ignored\"; expected one of categories,");
    }

    @Test
    void rejectsAMissingSection() {
        assertThatThrownBy(() -> TestRules.classifierWith("\"tie_order\":", "\"description\":"))
                .isInstanceOf(RulesFormatException.class)
                .hasMessageContaining("the rules object (line 1): missing \"tie_order\"");
    }

    @Test
    void rejectsAnUnknownCategory() {
        assertThatThrownBy(() -> TestRules.classifierWith("\"billing_question\": [", "\"billing\": ["))
                .isInstanceOf(RulesFormatException.class)
                .hasMessageContaining("categories.billing (line 5): unknown category \"billing\"; expected one of");
    }

    @Test
    void rejectsAMissingCategory() {
        assertThatThrownBy(() -> TestRules.classifierWith("\"other\": []", "\"other2\": []"))
                .isInstanceOf(RulesFormatException.class)
                .hasMessageContaining("unknown category \"other2\"");
        assertThatThrownBy(() -> TestRules.classifierWith(",\n    \"other\": []", ""))
                .isInstanceOf(RulesFormatException.class)
                .hasMessageContaining("categories (line 2): missing \"other\"");
    }

    @Test
    void rejectsAnEmptyKeyword() {
        assertThatThrownBy(() -> TestRules.classifierWith("\"refund\", \"invoice\"", "\"refund\", \" \""))
                .isInstanceOf(RulesFormatException.class)
                .hasMessageContaining("categories.billing_question[2] (line 5): empty keyword");
        assertThatThrownBy(() -> TestRules.classifierWith("\"refund\", \"invoice\"", "\"refund\", \"--\""))
                .hasMessageContaining("empty keyword");
    }

    @Test
    void rejectsAKeywordThatIsNotAString() {
        assertThatThrownBy(() -> TestRules.classifierWith("\"refund\", \"invoice\"", "\"refund\", 42"))
                .isInstanceOf(RulesFormatException.class)
                .hasMessageContaining("categories.billing_question[2] (line 5): expected a string but found a number");
    }

    @Test
    void rejectsACategoryWithoutKeywords() {
        assertThatThrownBy(() -> TestRules.classifierWith("[\"bug\", \"steps to reproduce\", \"regression\"]", "[]"))
                .isInstanceOf(RulesFormatException.class)
                .hasMessageContaining("categories.bug_report (line 7): a category needs at least one keyword");
    }

    @Test
    void rejectsAnUnknownPriority() {
        assertThatThrownBy(() -> TestRules.classifierWith("\"high\": [", "\"important\": ["))
                .isInstanceOf(RulesFormatException.class)
                .hasMessageContaining(
                        "priorities.important (line 16): unknown priority \"important\"; expected one of high, low,"
                                + " medium, urgent");
    }

    @Test
    void rejectsAMissingPriority() {
        assertThatThrownBy(() -> TestRules.classifierWith("\"low\": [\"minor\", \"not urgent\"]", "\"medium\": []"))
                .isInstanceOf(RulesFormatException.class)
                .hasMessageContaining("priorities (line 14): missing \"low\"");
    }

    @Test
    void rejectsATieOrderThatMissesOrRepeatsACategory() {
        assertThatThrownBy(() -> TestRules.classifierWith("\"feature_request\", \"other\"]", "\"other\"]"))
                .isInstanceOf(RulesFormatException.class)
                .hasMessageContaining("tie_order (line 10): must list every category once; missing feature_request");
        assertThatThrownBy(() -> TestRules.classifierWith("\"feature_request\", \"other\"]", "\"other\", \"other\"]"))
                .hasMessageContaining("tie_order[5] (line 10): \"other\" is listed twice");
    }

    @Test
    void rejectsTheSameKeywordInTwoCategories() {
        assertThatThrownBy(() -> TestRules.classifierWith("\"dark mode\"", "\"refund\""))
                .isInstanceOf(RulesFormatException.class)
                .hasMessageContaining(
                        "categories.feature_request[2] (line 6): \"refund\" is the same keyword as \"refund\" at"
                                + " categories.billing_question[1] (line 5)");
    }

    @Test
    void rejectsTwoSpellingsOfOneKeyword() {
        assertThatThrownBy(() -> TestRules.classifierWith("\"dark mode\"", "\"log-in\""))
                .isInstanceOf(RulesFormatException.class)
                .hasMessageContaining("\"log-in\" is the same keyword as \"log+ in\"");
    }

    @Test
    void rejectsADuplicateJsonKey() {
        assertThatThrownBy(() -> TestRules.classifierWith("\"other\": []", "\"other\": [], \"other\": []"))
                .isInstanceOf(RulesFormatException.class)
                .hasMessageContaining("line 8")
                .hasMessageContaining("Duplicate");
    }

    @Test
    void rejectsAMisplacedInflectionMark() {
        assertThatThrownBy(() -> TestRules.classifierWith("\"crash+\"", "\"+crash\""))
                .isInstanceOf(RulesFormatException.class)
                .hasMessageContaining("categories.technical_issue[1] (line 4): in \"+crash\" the '+' inflection mark");
    }

    @Test
    void rejectsAnOverrideTriggerThatIsNotAKeywordOfTheCategory() {
        assertThatThrownBy(() ->
                        TestRules.classifierWith("\"when_any\": [\"steps to reproduce\"]", "\"when_any\": [\"crash\"]"))
                .isInstanceOf(RulesFormatException.class)
                .hasMessageContaining(
                        "overrides[0].when_any[0] (line 12): \"crash\" is not one of the keywords of category bug_report");
    }

    @Test
    void rejectsAnEquivalentKeyOfSeveralWords() {
        assertThatThrownBy(() -> TestRules.classifierWith("{\"can't\":", "{\"can not\":"))
                .isInstanceOf(RulesFormatException.class)
                .hasMessageContaining("equivalents.can not (line 20): the key must be a single word");
    }

    @Test
    void rejectsAKeywordContainingAFillerWord() {
        assertThatThrownBy(() -> TestRules.classifierWith("\"dark mode\"", "\"really dark mode\""))
                .isInstanceOf(RulesFormatException.class)
                .hasMessageContaining("categories.feature_request[2] (line 6): \"really dark mode\" contains the filler"
                        + " word \"really\"");
    }

    @Test
    void rejectsASectionOfTheWrongType() {
        assertThatThrownBy(() -> TestRules.classifierWith("\"ignore\": [\"security question\"]", "\"ignore\": \"x\""))
                .isInstanceOf(RulesFormatException.class)
                .hasMessageContaining("ignore (line 19): expected an array but found a string");
    }
}
