package org.supportdesk.classification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TicketFeaturesTests {

    private static final TrainingOptions DEFAULTS = TrainingOptions.defaults();
    private static final TrainingOptions NO_PAIRS = options(false, true, true);
    private static final TrainingOptions NO_SHAPE = options(true, true, false);

    @Test
    void wordsAreCaseInsensitiveAndPunctuationSeparatesThem() {
        assertThat(features("", "Refund, PLEASE.", NO_SHAPE)).isEqualTo(features("", "refund please", NO_SHAPE));
    }

    @Test
    void anApostropheInsideAWordIsDroppedLikeTheRulesDo() {
        assertThat(features("", "can't login", NO_SHAPE)).isEqualTo(features("", "cant login", NO_SHAPE));
        assertThat(features("", "can’t login", NO_SHAPE)).isEqualTo(features("", "cant login", NO_SHAPE));
    }

    @Test
    void wordPairsFollowTheWordOrder() {
        Set<Integer> chargedTwice = features("", "charged twice", DEFAULTS);
        Set<Integer> twiceCharged = features("", "twice charged", DEFAULTS);

        assertThat(chargedTwice).isNotEqualTo(twiceCharged);
        assertThat(features("", "charged twice", NO_PAIRS)).isEqualTo(features("", "twice charged", NO_PAIRS));
        assertThat(chargedTwice).hasSize(features("", "charged twice", NO_PAIRS).size() + 1);
    }

    @Test
    void inflectionsOfAWordShareTheirStem() {
        Set<Integer> charged = features("", "charged", NO_SHAPE);
        Set<Integer> charges = features("", "charges", NO_SHAPE);
        Set<Integer> shared = new HashSet<>(charged);
        shared.retainAll(charges);

        assertThat(shared).hasSize(1);
        assertThat(features("", "charged", options(true, false, false))).doesNotContainAnyElementsOf(charges);
    }

    @Test
    void theStemmerCutsOneCommonEnding() {
        assertThat(stem("charged")).isEqualTo("charg");
        assertThat(stem("charging")).isEqualTo("charg");
        assertThat(stem("crashes")).isEqualTo("crash");
        assertThat(stem("refunds")).isEqualTo("refund");
        assertThat(stem("quickly")).isEqualTo("quick");
        assertThat(stem("class")).isEqualTo("class");
        assertThat(stem("bugs")).isEqualTo("bugs");
    }

    @Test
    void subjectWordsCountAlsoOnTheirOwn() {
        assertThat(features("refund", "", NO_PAIRS))
                .hasSize(features("", "refund", NO_PAIRS).size() + 1);
    }

    @Test
    void questionAndExclamationMarksAndCapitalsAreFeatures() {
        Set<Integer> plain = features("", "site down", DEFAULTS);

        assertThat(features("", "site down?", DEFAULTS)).hasSize(plain.size() + 1);
        assertThat(features("", "site down!", DEFAULTS)).hasSize(plain.size() + 1);
        assertThat(features("", "site down!!", DEFAULTS))
                .isNotEqualTo(features("", "site down!", DEFAULTS))
                .hasSize(plain.size() + 2);
        assertThat(features("", "site DOWN", DEFAULTS)).hasSize(plain.size() + 1);
    }

    @Test
    void aRepeatedWordIsOneFeatureWithSublinearWeight() {
        Features f = extract("", "refund refund", NO_PAIRS);

        int refund = indexOf(f, extract("", "refund", NO_PAIRS).bucket[0]);
        assertThat(f.occurrences(refund)).isEqualTo(2);
        assertThat((double) f.value[refund]).isCloseTo(1 + Math.log(2), org.assertj.core.data.Offset.offset(1e-6));
    }

    @Test
    void featuresRememberTheWordTheyCameFromAsWritten() {
        Features f = extract("Charged TWICE", "", DEFAULTS);

        assertThat(f.tokens).isEqualTo(2);
        assertThat(TicketFeatures.tokenText(f, 0)).isEqualTo("charged");
        assertThat(TicketFeatures.tokenText(f, 1)).isEqualTo("twice");
        assertThat(f.source(0)).isEqualTo(0);
    }

    @Test
    void descriptionWordsAreFoundAfterTheSubject() {
        Features f = extract("Help", "Can't pay", NO_PAIRS);

        assertThat(TicketFeatures.tokenText(f, 1)).isEqualTo("can't");
        assertThat(TicketFeatures.tokenText(f, 2)).isEqualTo("pay");
    }

    @Test
    void aLongTicketGrowsTheBuffersAndTheSameTextGivesTheSameFeatures() {
        String longText = "word ".repeat(3000) + String.join(" ", java.util.Collections.nCopies(400, "other"));
        Features reused = extract("", longText, DEFAULTS);
        new TicketFeatures(DEFAULTS).extract("short", "text", reused);

        assertThat(featureSet(reused)).isEqualTo(features("short", "text", DEFAULTS));
    }

    private static TrainingOptions options(boolean pairs, boolean stems, boolean shape) {
        TrainingOptions d = TrainingOptions.defaults();
        return new TrainingOptions(d.hashBits(), pairs, stems, shape, d.epochs(), d.learningRate(), d.l2(), d.seed());
    }

    private static String stem(String word) {
        char[] chars = word.toCharArray();
        return new String(chars, 0, TicketFeatures.stemLength(chars, chars.length));
    }

    private static Features extract(String subject, String description, TrainingOptions o) {
        Features f = new Features();
        new TicketFeatures(o).extract(subject, description, f);
        return f;
    }

    private static Set<Integer> features(String subject, String description, TrainingOptions o) {
        return featureSet(extract(subject, description, o));
    }

    private static Set<Integer> featureSet(Features f) {
        Set<Integer> set = new HashSet<>();
        for (int j = 0; j < f.size; j++) {
            set.add(f.bucket[j]);
        }
        return set;
    }

    private static int indexOf(Features f, int bucket) {
        for (int j = 0; j < f.size; j++) {
            if (f.bucket[j] == bucket) {
                return j;
            }
        }
        throw new AssertionError("bucket not found");
    }
}
