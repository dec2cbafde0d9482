package be.buurtstem.bot.it;

import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A quiet resident behind a backlog (the hostile reliability run: replies after more than 15 s in long polling): 30
 * busy chats have 100 messages each queued, one chat after the other, at one message per chat per second; draining
 * takes at least 100 s. A new resident's reply must still go out within seconds, and each busy chat still gets its
 * messages one at a time in order. When the dispatcher looked only at the 500 oldest items, those belonged to 5
 * chats: 5 messages a second, and the new reply waited behind all 3,000 (about 10 minutes).
 */
class OutboxFairnessTest {
    static final int BUSY_CHATS = 30;
    static final int PER_CHAT = 100;
    static final long FIRST_BUSY = 91_000;

    @TempDir
    static Path dataDir;
    static FakeTelegram telegram;
    static Harness service;

    @BeforeAll
    static void start() {
        telegram = new FakeTelegram();
        Map<String, Object> p = Harness.properties(dataDir, telegram);
        p.put("telegram.per-chat-interval", "1s");
        service = Harness.start(p);
    }

    @AfterAll
    static void stop() {
        if (service != null) {
            service.close();
        }
        if (telegram != null) {
            telegram.close();
        }
    }

    @Test
    void aNewResidentIsAnsweredWithinSecondsBehindALargeBacklog() {
        List<Document> backlog = new ArrayList<>();
        long seq = 1; // older than anything the service queues itself
        for (int c = 0; c < BUSY_CHATS; c++) {
            for (int i = 0; i < PER_CHAT; i++) {
                backlog.add(new Document("_id", "backlog:" + c + ":" + i).append("seq", seq++)
                        .append("chat", String.valueOf(FIRST_BUSY + c)).append("type", "send").append("attempts", 0)
                        .append("notBefore", new Date(0)).append("createdAt", new Date())
                        .append("text", "bericht " + i));
            }
        }
        service.store().enqueue(backlog);
        Harness.await("the backlog is going out", Duration.ofSeconds(15),
                () -> telegram.calls("sendMessage").size() >= 5);

        long chat = 5101;
        telegram.text(chat, "/start", "nl");
        Harness.await("a reply to the new resident, got " + telegram.textsTo(chat), Duration.ofSeconds(10),
                () -> !telegram.textsTo(chat).isEmpty());
        long queued = service.store().outboxSize();
        System.out.printf("FAIRNESS new resident answered with %d of %d backlog messages still queued%n", queued,
                BUSY_CHATS * PER_CHAT);
        assertTrue(queued > BUSY_CHATS * PER_CHAT / 2, "answered long before the backlog drained: " + queued);

        for (int c = 0; c < BUSY_CHATS; c++) { // order per chat kept
            List<String> texts = telegram.textsTo(FIRST_BUSY + c);
            for (int i = 0; i < texts.size(); i++) {
                assertEquals("bericht " + i, texts.get(i), "order in chat " + (FIRST_BUSY + c));
            }
        }
    }
}
