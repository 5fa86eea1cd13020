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
        int epochs,
        double learningRate,
        double l2,
        long seed) {

    public TrainingOptions {
        if (hashBits < 8 || hashBits > 24) {
            throw new IllegalArgumentException("hashBits must be within 8..24");
        }
        if (epochs < 1 || learningRate <= 0 || l2 < 0) {
            throw new IllegalArgumentException("epochs, learning rate or l2 out of range");
        }
    }

    /** The options {@link ModelTrainer#train} uses unless told otherwise. */
    public static TrainingOptions defaults() {
        return new TrainingOptions(18, true, true, true, 10, 0.5, 3e-5, 20261101L);
    }
}
