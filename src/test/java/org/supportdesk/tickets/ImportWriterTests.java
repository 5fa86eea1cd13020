package org.supportdesk.tickets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.supportdesk.ApiTest;
import org.supportdesk.system.Actor;
import org.supportdesk.system.Database;
import tools.jackson.databind.json.JsonMapper;

/**
 * The import's writer when the store's key refuses a ticket (another import stored its id between
 * the check and the write): the file is refused in plain words on both databases, as a conflict (409), not a 500.
 */
class ImportWriterTests extends ApiTest {

    @Autowired
    TicketImports imports;

    @Autowired
    Database db;

    @Test
    void anIdTheStoreHasMeanwhileRefusesTheFileInPlainWords() {
        String customer = "writer-" + UUID.randomUUID();
        var record = JsonMapper.builder()
                .build()
                .readTree("{\"id\":\"" + UUID.randomUUID() + "\",\"customer_id\":\"" + customer
                        + "\",\"customer_email\":\"a@example.com\",\"customer_name\":\"Ann\","
                        + "\"subject\":\"Charged twice\",\"description\":\"My card was charged twice this month.\"}");
        // Both pass the check: neither is stored yet, as when two imports give the same id.
        TicketImports.Batch batch = imports.batch(Actor.ANONYMOUS, false);
        batch.add(imports.check(record));
        batch.add(imports.check(record));

        assertThatThrownBy(() -> db.write(() -> {
                    imports.writer().store(batch);
                    return null;
                }))
                .isInstanceOf(IdTakenMeanwhile.class)
                .hasMessageContaining("nothing was imported");
        assertThat(api.get("/tickets?customer_id=" + customer)
                        .json()
                        .get("total")
                        .asInt())
                .isZero();
    }
}
