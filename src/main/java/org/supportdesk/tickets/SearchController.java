package org.supportdesk.tickets;

import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.supportdesk.system.Params;

/** Search (docs/SEARCH.md): `GET /search`, the list with `q`, and similar tickets. */
@RestController
class SearchController {

    private final TicketService service;
    private final TicketSearches searches;

    SearchController(TicketService service, TicketSearches searches) {
        this.service = service;
        this.searches = searches;
    }

    @Operation(
            summary = "Search tickets: GET /tickets with q (words, \"phrases\", -exclusions, OR, prefix*, fields);"
                    + " best matches first, each with a highlight")
    @GetMapping("/search")
    TicketService.Page search(TicketQuery query) {
        return service.list(query);
    }

    @Operation(summary = "Up to 10 open tickets most like this one (duplicates), best first, each with a score")
    @GetMapping("/tickets/{id}/similar")
    List<Hit> similar(@PathVariable String id) {
        return searches.similar(Params.id(id));
    }
}
