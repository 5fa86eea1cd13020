package org.supportdesk.tickets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.supportdesk.classification.RulesFormatException;

class TriageTests {

    @TempDir
    Path dir;

    @Test
    void aMalformedRulesFileStopsTheStartWithItsReason() throws Exception {
        Path rules = Files.writeString(dir.resolve("rules.json"), "{\"categories\": {\"billing_question\": []}}");

        assertThatThrownBy(() -> ClassifierRules.load(rules))
                .isInstanceOf(RulesFormatException.class)
                .hasMessageContaining("Invalid classification rules");
    }

    @Test
    void aMissingRulesFileSaysWhichFile() {
        Path missing = dir.resolve("nope.json");

        assertThatThrownBy(() -> ClassifierRules.load(missing)).hasMessageContaining("nope.json");
    }

    @Test
    void anOperatorsRulesFileReplacesTheShippedOne() throws Exception {
        Path rules = Files.writeString(
                dir.resolve("rules.json"),
                new String(
                                TriageTests.class
                                        .getResourceAsStream("/classification/default-rules.json")
                                        .readAllBytes(),
                                java.nio.charset.StandardCharsets.UTF_8)
                        .replace("\"invoice+\"", "\"zebra+\""));

        ClassificationInfo info =
                new TriageFor(ClassifierRules.load(rules)).classify("Zebra question", "About the zebra please");

        assertThat(info.category()).isEqualTo(Category.BILLING_QUESTION);
    }

    /** Triage around a given classifier, for tests. */
    private record TriageFor(org.supportdesk.classification.Classifier classifier) {
        ClassificationInfo classify(String subject, String description) {
            var c = classifier.classify(subject, description);
            return new ClassificationInfo(
                    Category.parse(c.category()),
                    Priority.parse(c.priority()),
                    c.confidence(),
                    c.reasoning(),
                    c.keywordsFound(),
                    "rules",
                    Instant.EPOCH);
        }
    }
}
