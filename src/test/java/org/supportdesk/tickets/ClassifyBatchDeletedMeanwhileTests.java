package org.supportdesk.tickets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.supportdesk.TicketBody.aTicket;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.supportdesk.ApiTest;
import org.supportdesk.system.Actor;
import org.supportdesk.system.Database;

/**
 * Classify-all reads and decides a batch before it writes it, so a ticket of the batch can be
 * deleted in between: the batch then logs no decision for it, whether the decision would have
 * updated the ticket (the classifier's values) or only been logged (a person's), and still logs
 * those of the tickets that are there.
 */
class ClassifyBatchDeletedMeanwhileTests extends ApiTest {

    @Autowired
    TicketStore store;

    @Autowired
    Triage triage;

    @Autowired
    ClassifyBatch batch;

    @Autowired
    Database db;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aTicketDeletedBetweenTheBatchsReadAndItsWriteGetsNoHistory() {
        String customer = "deleted-meanwhile-" + UUID.randomUUID();
        UUID peoples = created(aTicket()
                .withCustomer(customer)
                .with("category", "billing_question")
                .with("priority", "low")
                .build());
        UUID classifiers = created(aTicket().withCustomer(customer).build());
        UUID stays = created(aTicket()
                .withCustomer(customer)
                .with("category", "billing_question")
                .with("priority", "low")
                .build());
        long staysBefore = historyRows(stays);
        ClassifyBatch.Decided decided = decide(List.of(peoples, classifiers, stays));

        for (UUID id : List.of(peoples, classifiers)) {
            assertThat(api.delete("/tickets/" + id).status()).isEqualTo(204);
        }
        var results = new ArrayList<ClassificationResult>();
        db.write(() -> batch.apply(decided, false, new Actor("admin", null), results));

        assertThat(historyRows(peoples)).isZero();
        assertThat(historyRows(classifiers)).isZero();
        assertThat(historyRows(stays)).isEqualTo(staysBefore + 1);
        assertThat(api.get("/tickets/" + peoples).status()).isEqualTo(404);
        assertThat(api.get("/tickets/" + classifiers).status()).isEqualTo(404);
    }

    private UUID created(Object body) {
        var response = api.post("/tickets", body);
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return UUID.fromString(response.json().get("id").asString());
    }

    /** The batch as classify-all has it before its write: the tickets read, each with its decision. */
    private ClassifyBatch.Decided decide(List<UUID> ids) {
        Instant at = Instant.now();
        List<Ticket> tickets =
                ids.stream().map(id -> store.find(id).orElseThrow()).toList();
        var infos = tickets.stream()
                .map(t -> triage.classify(t.subject(), t.description(), at))
                .toList();
        return new ClassifyBatch.Decided(tickets, infos, at, null);
    }

    private long historyRows(UUID ticketId) {
        return jdbc.sql("SELECT COUNT(*) FROM ticket_history WHERE ticket_id = ?")
                .param(ticketId.toString())
                .query(Long.class)
                .single();
    }
}
