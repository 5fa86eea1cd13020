package org.supportdesk.stats;

import io.swagger.v3.oas.annotations.Operation;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.supportdesk.tickets.TicketCounts;
import org.supportdesk.tickets.TicketFilter;

@RestController
class StatsController {

    private final TicketCounts counts;

    StatsController(TicketCounts counts) {
        this.counts = counts;
    }

    @Operation(summary = "Counts by category, priority and status; every value present, zero included")
    @GetMapping("/tickets/stats")
    TicketCounts.Stats stats(TicketFilter filter) {
        return counts.count(filter);
    }
}
