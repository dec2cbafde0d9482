package be.buurtstem.bot.service.store;

import be.buurtstem.engine.ConversationState;
import be.buurtstem.engine.OutboundMessage;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The group commit of the conversation's effects on the embedded store: a message's writes reach the collections
 * only at the sync, all of them at once; a read of that resident writes them first; a deletion drops what the
 * message would have written about them; a session another writer changed meanwhile loses its whole message and
 * the sync says so (the update is not confirmed).
 */
class WriteBehindTest {
    static final Instant T = Instant.parse("2026-12-02T00:00:00Z");

    @Test
    void aMessagesWritesArriveTogetherAtTheSync(@TempDir Path dir) {
        try (EmbeddedMongo db = EmbeddedMongo.open(dir); MongoClient c = MongoClients.create(db.connectionString())) {
            Store store = new Store(c, "t", db);
            store.createIndexes();
            List<String> heard = new ArrayList<>();
            store.unit(() -> {
                store.saveSession(session("r1", 0), 0);
                store.putAnswers(List.of(answer("r1")));
                store.enqueue(List.of(new Document("_id", "tg:1:0").append("chat", "1").append("seq", 1L)));
                store.markProcessed("tg:1", "r1", T);
                store.afterWrite(() -> heard.add("answer written: "
                        + (store.database().getCollection("answers").countDocuments() == 1)));
                return null;
            });
            assertEquals(0, count(store, "sessions") + count(store, "answers") + count(store, "outbox")
                    + count(store, "processed_updates"), "nothing written before the sync");
            assertEquals(List.of(), heard);
            store.durability().sync();
            assertEquals(List.of(1L, 1L, 1L, 1L), List.of(count(store, "sessions"), count(store, "answers"),
                    count(store, "outbox"), count(store, "processed_updates")));
            assertEquals(List.of("answer written: true"), heard, "the listener runs once the answer is in the store");
        }
    }

    @Test
    void aReadOfTheResidentWritesTheirQueuedMessageFirst(@TempDir Path dir) {
        try (EmbeddedMongo db = EmbeddedMongo.open(dir); MongoClient c = MongoClients.create(db.connectionString())) {
            Store store = new Store(c, "t", db);
            store.createIndexes();
            store.unit(() -> store.saveSession(session("r1", 0), 0));
            store.unit(() -> {
                store.markProcessed("tg:2", "r2", T);
                return null;
            });
            InboundRead read = store.read("r1", "tg:9");
            assertTrue(read.session().isPresent(), "the queued session is read back");
            assertEquals(1, read.session().get().version());
            assertTrue(store.read("r2", "tg:2").processed(), "a queued processed mark counts");
            store.unit(() -> store.saveSession(read.session().get(), 1));
            store.durability().sync();
            assertEquals(2L, ((Number) store.database().getCollection("sessions").find(Filters.eq("_id", "r1"))
                    .first().get("version")).longValue());
        }
    }

    @Test
    void aDeletionDropsWhatTheMessageWouldHaveWrittenAboutTheResident(@TempDir Path dir) {
        try (EmbeddedMongo db = EmbeddedMongo.open(dir); MongoClient c = MongoClients.create(db.connectionString())) {
            Store store = new Store(c, "t", db);
            store.createIndexes();
            store.unit(() -> store.putAnswers(List.of(answer("r1")))); // an earlier message, still queued
            store.unit(() -> {
                store.updateRespondent("r1", "telegram", com.mongodb.client.model.Updates.set("blocked", false), T);
                store.deleteRespondent("r1", "1");
                store.markProcessed("tg:3", null, T);
                return null;
            });
            store.durability().sync();
            assertEquals(0, count(store, "answers"));
            assertEquals(0, count(store, "respondents"), "the respondent is not recreated after the deletion");
            assertEquals(1, count(store, "processed_updates"));
        }
    }

    @Test
    void aSessionChangedMeanwhileLosesItsWholeMessageAndTheSyncFails(@TempDir Path dir) {
        try (EmbeddedMongo db = EmbeddedMongo.open(dir); MongoClient c = MongoClients.create(db.connectionString())) {
            Store store = new Store(c, "t", db);
            store.createIndexes();
            SessionRecord saved = store.saveSession(session("r1", 0), 0); // outside a unit: written at once
            store.unit(() -> {
                store.saveSession(saved, saved.version());
                store.putAnswers(List.of(answer("r1")));
                store.markProcessed("tg:4", "r1", T);
                return null;
            });
            store.saveSession(saved, saved.version()); // another instance wins the race
            assertThrows(ConcurrentUpdateException.class, () -> store.durability().sync());
            assertEquals(0, count(store, "answers"));
            assertEquals(0, count(store, "processed_updates"), "not marked: the update comes again");
        }
    }

    private static long count(Store store, String collection) {
        return store.database().getCollection(collection).countDocuments();
    }

    private static SessionRecord session(String rid, long version) {
        ConversationState state = new ConversationState("q", 1, "nl", ConversationState.Status.ACTIVE, "a", 0,
                ConversationState.Await.ANSWER, 0, true, List.of(), List.of(), List.of(), Map.of(),
                Map.of("channel", "telegram"), T, T);
        return new SessionRecord(rid, "telegram", "q", 1, "nl", state, SessionRecord.ACTIVE,
                List.of(OutboundMessage.info("?")), List.of(), Map.of(), T, T, version);
    }

    private static StoredAnswer answer(String rid) {
        return new StoredAnswer(StoredAnswer.idOf(rid, "q", 1, "a", 0), rid, "q", 1, "a", 0, "free_text", "x", "x",
                "nl", null, null, Map.of(), "telegram", T, T);
    }
}
