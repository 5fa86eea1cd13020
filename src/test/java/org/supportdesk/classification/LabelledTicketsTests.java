package org.supportdesk.classification;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/**
 * Measures the shipped rules against {@code labelled-tickets.csv}: tickets written in customer language, labelled by
 * hand before the rules were grown. Prints the accuracy and every miss, and asserts the floors of the issue.
 */
class LabelledTicketsTests {

    record LabelledTicket(String subject, String description, String category, String priority) {}

    record Accuracy(int tickets, double category, double priority) {}

    @Test
    void shippedRulesReachTheAccuracyFloorsOnTheLabelledTickets() throws IOException {
        List<LabelledTicket> tickets = labelledTickets("labelled-tickets.csv");
        Classifier classifier = Classifier.withDefaultRules();
        assertThat(tickets).hasSizeGreaterThanOrEqualTo(150);
        assertThat(tickets).extracting(LabelledTicket::category).containsAll(classifier.categories());
        assertThat(tickets).extracting(LabelledTicket::priority).containsAll(classifier.priorities());

        Accuracy accuracy = measure("Labelled tickets (rules grown against these)", tickets);

        assertThat(accuracy.category()).isGreaterThanOrEqualTo(0.85);
        assertThat(accuracy.priority()).isGreaterThanOrEqualTo(0.75);
    }

    /** Tickets written after the rules were last changed and never used to change them: the honest estimate. */
    @Test
    void reportsAccuracyOnHeldOutTickets() throws IOException {
        Accuracy accuracy = measure("Held-out tickets (never used to tune)", labelledTickets("holdout-tickets.csv"));

        assertThat(accuracy.category()).isGreaterThanOrEqualTo(0.60);
    }

    private static Accuracy measure(String title, List<LabelledTicket> tickets) {
        Classifier classifier = Classifier.withDefaultRules();
        int categoryHits = 0;
        int priorityHits = 0;
        Map<String, int[]> perCategory = new TreeMap<>();
        List<String> misses = new ArrayList<>();
        for (LabelledTicket ticket : tickets) {
            Classification result = classifier.classify(ticket.subject(), ticket.description());
            boolean categoryRight = result.category().equals(ticket.category());
            boolean priorityRight = result.priority().equals(ticket.priority());
            categoryHits += categoryRight ? 1 : 0;
            priorityHits += priorityRight ? 1 : 0;
            int[] counts = perCategory.computeIfAbsent(ticket.category(), c -> new int[2]);
            counts[0] += categoryRight ? 1 : 0;
            counts[1]++;
            if (!categoryRight || !priorityRight) {
                misses.add(String.format(
                        Locale.ROOT,
                        "  %-45.45s expected %s/%s, got %s/%s %s",
                        ticket.subject(),
                        ticket.category(),
                        ticket.priority(),
                        categoryRight ? "=" : result.category(),
                        priorityRight ? "=" : result.priority(),
                        result.keywordsFound()));
            }
        }
        Accuracy accuracy = new Accuracy(
                tickets.size(), (double) categoryHits / tickets.size(), (double) priorityHits / tickets.size());
        System.out.printf(
                Locale.ROOT,
                "%s: %d; category accuracy %.3f (%d right), priority accuracy %.3f (%d right)%n",
                title,
                tickets.size(),
                accuracy.category(),
                categoryHits,
                accuracy.priority(),
                priorityHits);
        perCategory.forEach((category, counts) ->
                System.out.printf(Locale.ROOT, "  %-17s %d/%d%n", category, counts[0], counts[1]));
        System.out.println("Misses:");
        misses.forEach(System.out::println);
        return accuracy;
    }

    static List<LabelledTicket> labelledTickets(String name) throws IOException {
        CSVFormat format = CSVFormat.DEFAULT
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get();
        List<LabelledTicket> tickets = new ArrayList<>();
        try (Reader reader = new InputStreamReader(
                LabelledTicketsTests.class.getResourceAsStream("/classification/" + name), StandardCharsets.UTF_8)) {
            for (CSVRecord row : format.parse(reader)) {
                tickets.add(new LabelledTicket(
                        row.get("subject"),
                        row.get("description"),
                        row.get("expected_category"),
                        row.get("expected_priority")));
            }
        }
        return tickets;
    }
}
