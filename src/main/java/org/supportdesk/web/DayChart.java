package org.supportdesk.web;

import java.util.ArrayList;
import java.util.List;
import org.supportdesk.tickets.TicketTrends;

/**
 * Created and resolved per day as SVG bars, computed here so the page needs no charting script:
 * a pair of bars a day, heights scaled to the busiest day, and a label every week.
 */
public record DayChart(int width, int height, long max, List<Bar> bars, List<Label> labels) {

    static final int DAY_WIDTH = 20;
    static final int PLOT = 160;
    static final int TOP = 10;

    public record Bar(int x, int y, int width, int height, String kind, String title) {}

    public record Label(int x, String text) {}

    static DayChart of(List<TicketTrends.Day> days) {
        long max = 1;
        for (TicketTrends.Day d : days) {
            max = Math.max(max, Math.max(d.created(), d.resolved()));
        }
        var bars = new ArrayList<Bar>();
        var labels = new ArrayList<Label>();
        for (int i = 0; i < days.size(); i++) {
            TicketTrends.Day d = days.get(i);
            int x = i * DAY_WIDTH + 2;
            int created = (int) Math.round(PLOT * (double) d.created() / max);
            int resolved = (int) Math.round(PLOT * (double) d.resolved() / max);
            bars.add(new Bar(
                    x, TOP + PLOT - created, 8, created, "created", d.date() + ": " + d.created() + " created"));
            bars.add(new Bar(
                    x + 8,
                    TOP + PLOT - resolved,
                    8,
                    resolved,
                    "resolved",
                    d.date() + ": " + d.resolved() + " resolved"));
            if (i % 7 == 0 || i == days.size() - 1) {
                labels.add(new Label(x, d.date().toString().substring(5)));
            }
        }
        return new DayChart(days.size() * DAY_WIDTH + 4, TOP + PLOT + 24, max, bars, labels);
    }
}
