package org.supportdesk.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.supportdesk.tickets.TicketTrends;

/**
 * The dashboard: open tickets by status, category and priority; created and resolved per day for
 * 30 days (an SVG chart drawn here, no script); the median first-response and resolution times; how much the
 * classifier decided and how often agents overrode it.
 */
@Controller
class DashboardController {

    static final int DAYS = 30;

    private final TicketTrends trends;
    private final Clock clock;

    DashboardController(TicketTrends trends, Clock clock) {
        this.trends = trends;
        this.clock = clock;
    }

    @GetMapping("/desk/dashboard")
    String dashboard(Model model) {
        Instant now = clock.instant();
        Instant from = now.minus(Duration.ofDays(DAYS));
        List<TicketTrends.Day> days = trends.perDay(now, DAYS);
        model.addAttribute("open", trends.open());
        model.addAttribute("chart", DayChart.of(days));
        model.addAttribute("days", days);
        model.addAttribute("median", Durations.words(trends.medianResolution(from)));
        model.addAttribute("medianFirstResponse", Durations.words(trends.medianFirstResponse(from)));
        model.addAttribute("triage", trends.triage(from));
        return "dashboard/dashboard";
    }
}
