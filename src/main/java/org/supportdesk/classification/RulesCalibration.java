package org.supportdesk.classification;

/**
 * How often the rules were right on the team's own examples, by how sure they were: per field, the share of examples
 * the rules got right among those where they said the same thing (category: the same confidence, in tenths; priority:
 * the same priority, since the rules give no confidence for it). This makes the rules' confidence a probability
 * measured like the model's, so the two can be compared fairly when deciding which of them speaks.
 */
final class RulesCalibration {

    static final int CATEGORY_BUCKETS = 11;

    final int[][] right;
    final int[][] total;

    RulesCalibration() {
        this(
                new int[][] {
                    new int[CATEGORY_BUCKETS], new int[Field.PRIORITY.labels().size()]
                },
                null);
    }

    RulesCalibration(int[][] right, int[][] total) {
        this.right = right;
        this.total = total != null ? total : new int[][] {new int[right[0].length], new int[right[1].length]};
    }

    void count(Example example, Classification rules) {
        for (Field field : Field.values()) {
            String label = example.label(field);
            if (label != null) {
                int bucket = bucket(field, rules);
                total[field.ordinal()][bucket]++;
                right[field.ordinal()][bucket] += label.equals(field.of(rules)) ? 1 : 0;
            }
        }
    }

    /** The rules' measured chance of being right in this case, smoothed towards 1/2 when there are few examples. */
    double confidence(Field field, Classification rules) {
        int bucket = bucket(field, rules);
        return (right[field.ordinal()][bucket] + 1.0) / (total[field.ordinal()][bucket] + 2.0);
    }

    private static int bucket(Field field, Classification rules) {
        return field == Field.CATEGORY
                ? (int) Math.round(rules.confidence() * 10)
                : Field.PRIORITY.labels().indexOf(rules.priority());
    }
}
