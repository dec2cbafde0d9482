package be.buurtstem.bot.it;

import be.buurtstem.bot.service.ServiceConfiguration;
import be.buurtstem.bot.service.store.Faults;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The store refuses one resident's session writes, every time (while it takes everyone else's). In long polling,
 * the other residents' updates are still confirmed and answered; the refused update is not confirmed, comes again
 * with the next getUpdates, and after TELEGRAM_UPDATE_ATTEMPTS refusals it is parked, so the channel moves on.
 */
class RefusedWritesTest {

    @Test
    void anUpdateWhoseWritesAreAlwaysRefusedIsParkedAndOthersGoOn(@TempDir Path dataDir) {
        try (FakeTelegram telegram = new FakeTelegram();
             Harness service = Harness.start(Harness.properties(dataDir, telegram))) {
            long refused = 7_100_001;
            long other = 7_100_002;
            telegram.text(refused, "/start buurt", "nl");
            telegram.text(other, "/start buurt", "nl");
            Harness.awaitTexts(telegram, refused, 1, Duration.ofSeconds(30));
            Harness.awaitTexts(telegram, other, 1, Duration.ofSeconds(30));

            String rid = service.rid(refused);
            var embedded = service.context.getBean(ServiceConfiguration.Database.class).embedded();
            Faults.inject(embedded, command -> ("sessions".equals(command.get("update"))
                    || "sessions".equals(command.get("insert"))) && command.toString().contains(rid));

            ObjectNode yes = telegram.text(refused, "yes", "nl");
            telegram.text(other, "yes", "nl");
            Harness.awaitText(telegram, other, "In welke wijk woon je?", Duration.ofSeconds(60));

            String input = "tg:" + yes.path("update_id").asInt();
            var db = service.db();
            Harness.await("the refused update parked", Duration.ofSeconds(90),
                    () -> db.getCollection("parked_updates").countDocuments(Filters.eq("_id", input)) == 1);
            Document parked = db.getCollection("parked_updates").find(Filters.eq("_id", input)).first();
            assertTrue(parked.getString("error").contains("refused by the store"), parked.getString("error"));
            assertEquals(1, db.getCollection("processed_updates").countDocuments(Filters.eq("_id", input)),
                    "done with: the offset moves past it");
            assertEquals(1, telegram.textsTo(refused).size(), "the refused resident got no reply to it");

            // the store takes their writes again: the channel is not stuck, their next message is handled
            Faults.inject(embedded, null);
            telegram.text(other, "Noord", "nl");
            telegram.text(refused, "yes", "nl");
            Harness.awaitTexts(telegram, refused, 2, Duration.ofSeconds(60));
        }
    }
}
