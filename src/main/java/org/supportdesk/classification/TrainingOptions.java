package org.supportdesk.classification;

/**
 * How the model reads tickets and how it is trained. The defaults were chosen by 5-fold cross-validation on the
 * training part of the labelled set (never on its held-out fifth); see {@code docs/CLASSIFICATION.md}. A trained model
 * keeps the options it was trained with, so it reads new tickets the same way.
 *
 * @param hashBits features are hashed into {@code 2^hashBits} buckets per field
 * @param wordPairs also use pairs of adjacent words ({@code charged twice}) as features
 * @param stems also use each word without a common ending ({@code charged}, {@code charges}: {@code charg})
 * @param shape also use the form of the text: question and exclamation marks, words in capitals, length
 * @param charGramMin shortest character n-gram inside a word (with its boundaries), 0 for none; they let a typo
 *     ({@code pasword}) share most features with the word it misspells
 * @param charGramMax longest character n-gram inside a word
 * @param rulesWeight the value of the rules' features (their category, priority and keywords) beside the text's
 *     features, whose vector has length 1; 0 leaves the rules out of the model
 * @param epochs passes over the examples
 * @param learningRate AdaGrad's base step
 * @param l2 L2 regularisation per step on the weights an example touches
 * @param seed the order of the examples in each pass comes from this seed, so training is deterministic
 */
public record TrainingOptions(
        int hashBits,
        boolean wordPairs,
        boolean stems,
        boolean shape,
        int charGramMin,
        int charGramMax,
        double rulesWeight,
        int epochs,
        double learningRate,
        double l2,
        long seed) {

    public TrainingOptions {
        if (hashBits < 8 || hashBits > 24) {
            throw new IllegalArgumentException("hashBits must be within 8..24");
        }
        if (charGramMin < 0 || charGramMax < charGramMin || (charGramMin == 0) != (charGramMax == 0)) {
            throw new IllegalArgumentException("character n-grams need 0 < charGramMin <= charGramMax, or both 0");
        }
        if (epochs < 1 || learningRate <= 0 || l2 < 0 || rulesWeight < 0) {
            throw new IllegalArgumentException("epochs, learning rate, l2 and rulesWeight out of range");
        }
    }

    /** The options {@link ModelTrainer#train} uses unless told otherwise. */
    public static TrainingOptions defaults() {
        return new TrainingOptions(18, true, true, true, 0, 0, 0.0, 15, 0.5, 1e-4, 20261101L);
    }

    TrainingOptions withRulesWeight(double weight) {
        return new TrainingOptions(
                hashBits, wordPairs, stems, shape, charGramMin, charGramMax, weight, epochs, learningRate, l2, seed);
    }
}
