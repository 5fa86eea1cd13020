package org.supportdesk.classification;

import java.util.List;
import java.util.Locale;

/** A confusion matrix over one field's labels: rows are the labels a person gave, columns the labels chosen. */
public final class Confusion {

    private final List<String> labels;
    private final int[][] counts;

    public Confusion(List<String> labels) {
        this.labels = List.copyOf(labels);
        this.counts = new int[labels.size()][labels.size()];
    }

    public void add(String actual, String chosen) {
        counts[index(actual)][index(chosen)]++;
    }

    /** Adds another matrix over the same labels (the folds of a cross-validation). */
    public void addAll(Confusion other) {
        for (int a = 0; a < counts.length; a++) {
            for (int c = 0; c < counts.length; c++) {
                counts[a][c] += other.counts[a][c];
            }
        }
    }

    public List<String> labels() {
        return labels;
    }

    public int count(String actual, String chosen) {
        return counts[index(actual)][index(chosen)];
    }

    public int total() {
        int total = 0;
        for (int[] row : counts) {
            for (int n : row) {
                total += n;
            }
        }
        return total;
    }

    public int right() {
        int right = 0;
        for (int k = 0; k < counts.length; k++) {
            right += counts[k][k];
        }
        return right;
    }

    /** Share right; 0 when empty. */
    public double accuracy() {
        int total = total();
        return total == 0 ? 0 : (double) right() / total;
    }

    /** Of the tickets a person gave this label, the share chosen right; 0 when none. */
    public double recall(String label) {
        int k = index(label);
        int row = 0;
        for (int n : counts[k]) {
            row += n;
        }
        return row == 0 ? 0 : (double) counts[k][k] / row;
    }

    /** Of the tickets given this label by the classifier, the share a person agreed with; 0 when none. */
    public double precision(String label) {
        int k = index(label);
        int column = 0;
        for (int[] row : counts) {
            column += row[k];
        }
        return column == 0 ? 0 : (double) counts[k][k] / column;
    }

    public int examples(String label) {
        int row = 0;
        for (int n : counts[index(label)]) {
            row += n;
        }
        return row;
    }

    /** The matrix as a Markdown table with per-label recall and precision, as in {@code docs/CLASSIFICATION.md}. */
    public String toMarkdown() {
        StringBuilder out = new StringBuilder("| given \\ chosen |");
        labels.forEach(label -> out.append(' ').append(label).append(" |"));
        out.append(" recall | precision |\n|---|");
        out.append("---:|".repeat(labels.size() + 2)).append('\n');
        for (int a = 0; a < labels.size(); a++) {
            out.append("| ").append(labels.get(a)).append(" |");
            for (int c = 0; c < labels.size(); c++) {
                out.append(' ').append(counts[a][c]).append(" |");
            }
            out.append(String.format(Locale.ROOT, " %.2f | %.2f |%n", recall(labels.get(a)), precision(labels.get(a))));
        }
        return out.toString();
    }

    private int index(String label) {
        int k = labels.indexOf(label);
        if (k < 0) {
            throw new IllegalArgumentException("unknown label \"" + label + "\"");
        }
        return k;
    }
}
