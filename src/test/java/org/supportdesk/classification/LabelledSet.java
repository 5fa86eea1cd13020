package org.supportdesk.classification;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.CRC32;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * A set of labelled tickets, written as customers write, and its fixed split: within each business the tickets are
 * ranked by a CRC-32 of their subject and description, and every fifth (ranks 0, 5, 10, ...) is held out. The split
 * depends only on the rows' text, not on their order in the file. The held-out fifth is for the final accuracy report
 * only, never for choosing options.
 */
final class LabelledSet {

    /** Phase A's set: eight kinds of business, about 125 tickets each ({@code team-tickets.csv}). */
    static final LabelledSet EIGHT_TEAMS = new LabelledSet("/classification/team-tickets.csv");

    /** One team's tickets, labelled by the guide in docs/CLASSIFICATION.md ({@code bookwell-tickets.csv}). */
    static final LabelledSet ONE_TEAM = new LabelledSet("/classification/bookwell-tickets.csv");

    final String file;

    record Ticket(String team, String subject, String description, String category, String priority) {
        Example example() {
            return new Example(subject, description, category, priority);
        }
    }

    private final List<Ticket> all;

    private LabelledSet(String file) {
        this.file = file;
        this.all = load(file);
    }

    List<Ticket> all() {
        return all;
    }

    /** The four fifths a team's model would learn from; options are tuned by cross-validation on these alone. */
    List<Ticket> training() {
        return split(false);
    }

    /** The fifth held out, for the report of issue 14. */
    List<Ticket> heldOut() {
        return split(true);
    }

    static List<Example> examples(List<Ticket> tickets) {
        return tickets.stream().map(Ticket::example).toList();
    }

    private List<Ticket> split(boolean held) {
        Map<String, List<Ticket>> byTeam = new TreeMap<>();
        for (Ticket ticket : all) {
            byTeam.computeIfAbsent(ticket.team(), t -> new ArrayList<>()).add(ticket);
        }
        List<Ticket> chosen = new ArrayList<>();
        for (List<Ticket> team : byTeam.values()) {
            List<Ticket> ranked = new ArrayList<>(team);
            ranked.sort(Comparator.comparingLong(LabelledSet::crc).thenComparing(Ticket::subject));
            for (int rank = 0; rank < ranked.size(); rank++) {
                if ((rank % 5 == 0) == held) {
                    chosen.add(ranked.get(rank));
                }
            }
        }
        return chosen;
    }

    private static long crc(Ticket ticket) {
        CRC32 crc = new CRC32();
        crc.update((ticket.subject() + "\n" + ticket.description()).getBytes(StandardCharsets.UTF_8));
        return crc.getValue();
    }

    private static List<Ticket> load(String file) {
        CSVFormat format = CSVFormat.DEFAULT
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get();
        List<Ticket> tickets = new ArrayList<>();
        try (Reader reader =
                new InputStreamReader(LabelledSet.class.getResourceAsStream(file), StandardCharsets.UTF_8)) {
            for (CSVRecord row : format.parse(reader)) {
                tickets.add(new Ticket(
                        row.get("team"),
                        row.get("subject"),
                        row.get("description"),
                        row.get("category"),
                        row.get("priority")));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return List.copyOf(tickets);
    }
}
