package be.buurtstem.bot.it;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * On a store that takes each write on its own (MONGODB_URI, the {@code db} command) an instance killed between
 * storing a session and storing its replies leaves a session that says the update was applied, no replies and no
 * processed mark. The update comes again (Telegram, or the load balancer to another instance): its replies must be
 * queued again, not taken as already in the outbox. That state is made here by removing the replies and the mark.
 */
class ReplayAfterPartialWriteTest {

    @Test
    void anUpdateAppliedWithoutItsRepliesGetsThemWhenItComesAgain(@TempDir Path dataDir) {
        try (FakeTelegram telegram = new FakeTelegram();
             Harness service = Harness.start(Harness.properties(dataDir, telegram))) {
            long chat = 7_654_321;
            telegram.text(chat, "/start buurt", "nl");
            Harness.awaitTexts(telegram, chat, 1, Duration.ofSeconds(30));
            StubMapping failing = telegram.wiremock().stubFor(post(urlPathMatching("(?i)/bot.*/sendmessage"))
                    .withRequestBody(equalToJson("{\"chat_id\":\"" + chat + "\"}", true, true)).atPriority(1)
                    .willReturn(aResponse().withStatus(500).withBody("{\"ok\":false,\"error_code\":500}")));
            ObjectNode yes = telegram.text(chat, "yes", "nl");
            String input = "tg:" + yes.path("update_id").asInt();
            var db = service.db();
            Harness.await("the update applied and its reply queued", Duration.ofSeconds(30),
                    () -> db.getCollection("processed_updates").countDocuments(Filters.eq("_id", input)) == 1
                            && db.getCollection("outbox").countDocuments(Filters.eq("chat", String.valueOf(chat))) == 1);
            Document session = db.getCollection("sessions").find(Filters.eq("_id", service.rid(chat))).first();
            assertEquals(true, session.getList("appliedInputs", String.class).contains(input));

            // the state a kill between the session and its replies leaves on a store without grouped writes
            db.getCollection("outbox").deleteMany(Filters.eq("chat", String.valueOf(chat)));
            db.getCollection("processed_updates").deleteOne(Filters.eq("_id", input));
            telegram.wiremock().removeStub(failing);
            telegram.redeliver(yes);

            Harness.awaitText(telegram, chat, "In welke wijk woon je?", Duration.ofSeconds(60));
            Harness.await("marked processed", Duration.ofSeconds(10),
                    () -> db.getCollection("processed_updates").countDocuments(Filters.eq("_id", input)) == 1);
            assertEquals(List.of("Mogen we je antwoorden anoniem bewaren?", "In welke wijk woon je?"),
                    telegram.textsTo(chat), "the reply once, after the first question");
        }
    }
}
