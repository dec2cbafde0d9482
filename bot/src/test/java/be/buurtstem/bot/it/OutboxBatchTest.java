package be.buurtstem.bot.it;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The outbox on the embedded store sends in order per chat and removes what was sent in shared deletes: residents
 * going through a questionnaire at the same time get every message in order, nothing stays in the outbox, and the
 * outbox's threads send few store commands per item (before: a claim and a delete for every item, 2 per item).
 */
class OutboxBatchTest {
    static final Duration WAIT = Duration.ofSeconds(60);
    static final int CHATS = 20;
    /** The outbox's dispatcher and sender threads. */
    static final java.util.function.Predicate<String> OUTBOX_THREADS =
            n -> n.startsWith("telegram-send-") || n.startsWith("telegram-outbox"); // dispatcher, removal writer

    @TempDir
    static Path dataDir;
    static FakeTelegram telegram;
    static Harness service;

    @BeforeAll
    static void start() {
        telegram = new FakeTelegram();
        Map<String, Object> p = Harness.properties(dataDir, telegram);
        p.put("telegram.per-chat-interval", "1ms");
        p.put("telegram.messages-per-second", "10000");
        service = Harness.start(p, TestSurveys.class, StoreCommands.class);
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
    void residentsGetEveryMessageInOrderAndSentItemsAreRemovedInSharedDeletes() {
        long first = 7001;
        long before = StoreCommands.sentBy(OUTBOX_THREADS);
        int calls0 = items();
        step(c -> telegram.text(c, "/start", "nl"), 1);
        step(c -> telegram.press(c, "q:buurt", "nl"), 2);
        step(c -> telegram.press(c, "yes", "nl"), 3);
        step(c -> telegram.press(c, "noord", "nl"), 4);
        step(c -> telegram.text(c, "Het park is vuil.", "nl"), 5);
        Harness.await("outbox empty", WAIT, () -> service.store().outboxSize() == 0);
        int items = items() - calls0;
        long commands = StoreCommands.sentBy(OUTBOX_THREADS) - before;
        System.out.printf("outbox: %d items sent with %d store commands on its threads (%.2f per item)%n", items,
                commands, (double) commands / items);
        List<String> expected = telegram.textsTo(first);
        assertEquals(5, expected.size(), expected.toString());
        assertEquals("Bedankt voor je antwoorden!", expected.get(4));
        for (long c = first; c < first + CHATS; c++) {
            assertEquals(expected, telegram.textsTo(c), "chat " + c + ": every message, in order");
        }
        assertTrue(items >= CHATS * 8, "messages, button answers and edits: " + items);
        // one by one: a claim and a delete for every item (2.06 per item measured before)
        assertTrue(commands > 0, "the counter hears the outbox's threads");
        assertTrue((double) commands / items <= 1.2, "store commands per sent item: " + (double) commands / items);
    }

    private static void step(java.util.function.LongConsumer action, int texts) {
        for (long c = 7001; c < 7001 + CHATS; c++) {
            action.accept(c);
        }
        for (long c = 7001; c < 7001 + CHATS; c++) {
            Harness.awaitTexts(telegram, c, texts, WAIT);
        }
    }

    private static int items() {
        return telegram.calls("sendMessage").size() + telegram.calls("answerCallbackQuery").size()
                + telegram.calls("editMessageText").size();
    }
}
