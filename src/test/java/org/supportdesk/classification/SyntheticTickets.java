package org.supportdesk.classification;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Many examples for the speed benchmarks only, made by resampling the labelled tickets and perturbing them (words
 * dropped, typos, a sentence from another ticket of the same category, an order number), so that the vocabulary grows
 * as it would with real tickets. Never used for accuracy: these are not tickets a person wrote.
 */
final class SyntheticTickets {

    private SyntheticTickets() {}

    static List<Example> make(int count, long seed) {
        List<LabelledSet.Ticket> source = LabelledSet.EIGHT_TEAMS.all();
        Random random = new Random(seed);
        List<Example> examples = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            LabelledSet.Ticket t = source.get(random.nextInt(source.size()));
            LabelledSet.Ticket other = source.get(random.nextInt(source.size()));
            String extra = other.category().equals(t.category()) ? " " + other.description() : "";
            String description = perturb(t.description() + extra, random) + " Ref " + (100000 + random.nextInt(900000));
            examples.add(new Example(perturb(t.subject(), random), description, t.category(), t.priority()));
        }
        return examples;
    }

    private static String perturb(String text, Random random) {
        String[] words = text.split(" ");
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (String word : words) {
            int dice = random.nextInt(20);
            if (dice == 0) {
                continue;
            }
            if (dice == 1 && word.length() > 3) {
                int at = 1 + random.nextInt(word.length() - 2);
                word = word.substring(0, at) + word.substring(at + 1);
            } else if (dice == 2 && word.length() > 3) {
                int at = 1 + random.nextInt(word.length() - 2);
                word = word.substring(0, at) + word.charAt(at + 1) + word.charAt(at) + word.substring(at + 2);
            }
            if (!out.isEmpty()) {
                out.append(' ');
            }
            out.append(word);
        }
        return out.toString();
    }
}
