package be.buurtstem.bot.service.ops;

import be.buurtstem.bot.service.privacy.Erasure;
import be.buurtstem.bot.service.store.EmbeddedMongo;
import be.buurtstem.bot.service.store.Store;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The retention job against the embedded store, with the run's "now" as the controllable clock. */
class RetentionTest {
    static final Instant T0 = Instant.parse("2026-01-15T10:00:00Z");

    @Test
    void periodsAreParsedWithMonthsAsM() {
        assertEquals(new RetentionPeriod(24, ChronoUnit.MONTHS), RetentionPeriod.parse("24m"));
        assertEquals(new RetentionPeriod(24, ChronoUnit.MONTHS), RetentionPeriod.parse("24 months"));
        assertEquals(new RetentionPeriod(30, ChronoUnit.DAYS), RetentionPeriod.parse("30d"));
        assertEquals(new RetentionPeriod(24, ChronoUnit.HOURS), RetentionPeriod.parse("24h"));
        assertEquals(new RetentionPeriod(2, ChronoUnit.YEARS), RetentionPeriod.parse("2y"));
        assertEquals(Instant.parse("2024-01-15T10:00:00Z"), RetentionPeriod.parse("24m").before(T0));
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, () -> RetentionPeriod.parse("soon"));
        assertTrue(bad.getMessage().contains("24m"), bad.getMessage());
        assertThrows(IllegalArgumentException.class, () -> RetentionSettings.of("24m", "kort", "24h", "30d", null));
    }

    @Test
    void eachQuestionnaireKeepsAnswersForItsOwnPeriodAfterTheLastAnswer(@TempDir Path dir) {
        try (EmbeddedMongo db = EmbeddedMongo.open(dir); MongoClient c = MongoClients.create(db.connectionString());
             Erasure erasure = new Erasure(dir, db, List::of, Duration.ofHours(1))) {
            Store store = new Store(c, "t", db);
            store.createIndexes();
            // r1 answered 'kort' (kept 6 months) and 'lang' (default, 24 months); r2 answered 'lang' a year later
            answer(store, "r1", "kort", "a", T0);
            answer(store, "r1", "kort", "b", T0.plus(10, ChronoUnit.DAYS));
            answer(store, "r1", "lang", "a", T0);
            answer(store, "r2", "lang", "a", T0.plus(365, ChronoUnit.DAYS));
            store.recordConsent("r1", "telegram", "lang", 1, true, T0);
            store.recordConsent("r2", "telegram", "lang", 1, true, T0);
            List<String> heard = new java.util.ArrayList<>();
            be.buurtstem.bot.service.conversation.AnswerListener photos =
                    new be.buurtstem.bot.service.conversation.AnswerListener() {
                        @Override
                        public void respondentDeleted(String respondent) {
                            heard.add(respondent);
                        }
                    };
            Retention retention = new Retention(store, RetentionSettings.of("24m", "kort=6m", "24h", "30d", null),
                    erasure, () -> List.of(photos));

            java.util.Map<String, Long> first = retention.run(T0.plus(190, ChronoUnit.DAYS)); // 6 months after kort:a, not after kort:b
            assertEquals(0L, first.get("answers"), first.toString());
            java.util.Map<String, Long> second = retention.run(T0.plus(200, ChronoUnit.DAYS)); // 6 months after r1's last 'kort' answer
            assertEquals(2L, second.get("answers"), second.toString());
            assertEquals(0L, second.get("respondents"), "r1 still has answers to 'lang'");
            assertEquals(List.of(), heard, "r1 is not removed whole yet: its photos stay");
            assertTrue(erasure.pending(), "a run that deleted hands over to the erasure");

            java.util.Map<String, Long> third = retention.run(T0.plus(740, ChronoUnit.DAYS)); // 24 months after r1's 'lang' answer
            assertEquals(1L, third.get("answers"), third.toString());
            assertEquals(1L, third.get("respondents"), third.toString());
            assertEquals(List.of("r1"), heard, "files beside the store (web chat photos) go with a removed respondent");
            assertEquals(List.of("r2"), c.getDatabase("t").getCollection("answers").distinct("respondent",
                    String.class).into(new java.util.ArrayList<>()));
            assertEquals(0, c.getDatabase("t").getCollection("respondents").countDocuments(Filters.eq("_id", "r1")));
            assertEquals(3, c.getDatabase("t").getCollection("audit").countDocuments(Filters.eq("type",
                    "retention_run")), "every run audited");
        }
    }

    @Test
    void aRunThatDiesHalfwayHasMarkedTheErasureBeforeItsFirstDeletion(@TempDir Path dir) {
        try (EmbeddedMongo db = EmbeddedMongo.open(dir); MongoClient c = MongoClients.create(db.connectionString());
             Erasure erasure = new Erasure(dir, db, List::of, Duration.ofHours(1))) {
            // the store "crashes" when the run comes to remove the respondent record, after the answers went
            Store store = new Store(c, "t", db) {
                @Override
                public java.util.Map<String, Long> deleteRespondent(String respondent, String chat) {
                    throw new IllegalStateException("killed");
                }
            };
            store.createIndexes();
            answer(store, "r1", "lang", "a", T0);
            store.recordConsent("r1", "telegram", "lang", 1, true, T0);
            Retention retention = new Retention(store, RetentionSettings.of("24m", null, "24h", "30d", null),
                    erasure);
            assertFalse(erasure.pending());
            assertThrows(IllegalStateException.class, () -> retention.run(T0.plus(740, ChronoUnit.DAYS)));
            assertEquals(0, c.getDatabase("t").getCollection("answers").countDocuments(), "the answers went");
            assertTrue(erasure.pending(), "their words are still due to leave the file");
        }
    }

    @Test
    void aFreshAnswerStillQueuedKeepsItsResident(@TempDir Path dir) {
        try (EmbeddedMongo db = EmbeddedMongo.open(dir); MongoClient c = MongoClients.create(db.connectionString());
             Erasure erasure = new Erasure(dir, db, List::of, Duration.ofHours(1))) {
            Store store = new Store(c, "t", db);
            store.createIndexes();
            Instant now = T0.plus(200, ChronoUnit.DAYS);
            answer(store, "r1", "kort", "a", T0); // past its 6 months
            // r1 answers 'lang' just now: the message's writes are queued, not yet synced (WriteBehind)
            store.unit(() -> store.putAnswers(List.of(new be.buurtstem.bot.service.store.StoredAnswer("r1:lang:1:a:0",
                    "r1", "lang", 1, "a", 0, "free_text", "nieuw", "nieuw", "nl", null, null, java.util.Map.of(),
                    "telegram", now, now))));
            Retention retention = new Retention(store, RetentionSettings.of("24m", "kort=6m", "24h", "30d", null),
                    erasure);
            java.util.Map<String, Long> run = retention.run(now);
            assertEquals(1L, run.get("answers"), run.toString());
            assertEquals(0L, run.get("respondents"), "r1 has a fresh answer: not removed whole");
            assertEquals(1, c.getDatabase("t").getCollection("answers").countDocuments(Filters.eq("_id",
                    "r1:lang:1:a:0")), "the fresh answer is kept");
        }
    }

    static void answer(Store store, String respondent, String questionnaire, String question, Instant at) {
        store.putAnswer(respondent + ":" + questionnaire + ":1:" + question + ":0", new Document("respondent", respondent)
                .append("questionnaire", questionnaire).append("question", question).append("text", "woorden")
                .append("at", Date.from(at)).append("receivedAt", Date.from(at)));
    }
}
