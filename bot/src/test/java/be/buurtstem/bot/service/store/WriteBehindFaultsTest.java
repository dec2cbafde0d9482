package be.buurtstem.bot.service.store;

import be.buurtstem.engine.ConversationState;
import be.buurtstem.engine.OutboundMessage;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The write-behind when writes fail. Each caller (a webhook request, the web chat) is a thread of its own that
 * handles its message and then syncs, as the service's are. The fault: a unique index on the answers' text that one
 * answer always breaks (the store answers, but refuses that one unit's writes, every time).
 */
class WriteBehindFaultsTest {
    static final Instant T = Instant.parse("2026-12-02T00:00:00Z");
    static final String POISON = "a text the store always refuses";

    @Test
    void aUnitTheStoreAlwaysRefusesIsSetAsideAndTheOthersLand(@TempDir Path dir) throws Exception {
        try (EmbeddedMongo db = EmbeddedMongo.open(dir); MongoClient c = MongoClients.create(db.connectionString());
             Callers callers = new Callers(3)) {
            Store store = poisoned(c, db);
            callers.on(0, () -> message(store, "r1", "fine", "tg:1"));
            callers.on(1, () -> message(store, "r2", POISON, "tg:2"));
            callers.on(2, () -> message(store, "r3", "fine too", "tg:3"));

            assertNull(callers.sync(0, store), "the first caller's messages are written and confirmed");
            assertNotNullFailure(callers.sync(1, store), "the refused message is not confirmed");
            assertNull(callers.sync(2, store), "nor does it keep the third caller from confirming");
            assertTrue(processed(store, "tg:1") && processed(store, "tg:3"));
            assertFalse(processed(store, "tg:2"), "not marked: the update comes again");
            assertEquals(1, store.writeFailures("tg:2").count(), "counted, so the channel parks it in the end");

            // later messages are not blocked behind it, and it is counted again each time it comes back
            callers.on(0, () -> message(store, "r4", "later", "tg:4"));
            assertNull(callers.sync(0, store));
            assertTrue(processed(store, "tg:4"));
            callers.on(1, () -> store.unit(() -> { // (its session landed the first time: not written again)
                store.putAnswers(List.of(answer("r2", POISON)));
                store.markProcessed("tg:2", "r2", T);
                return null;
            }));
            assertNotNullFailure(callers.sync(1, store), "refused again");
            assertEquals(2, store.writeFailures("tg:2").count());
            assertNull(store.writeFailures("tg:1"));
        }
    }

    @Test
    void aLostSessionFailsOnlyItsOwnCallersSync(@TempDir Path dir) throws Exception {
        try (EmbeddedMongo db = EmbeddedMongo.open(dir); MongoClient c = MongoClients.create(db.connectionString());
             Callers callers = new Callers(3)) {
            Store store = new Store(c, "t", db);
            store.createIndexes();
            SessionRecord saved = store.saveSession(session("r1"), 0); // outside a unit: written at once
            callers.on(0, () -> store.unit(() -> {
                store.saveSession(saved, saved.version());
                store.markProcessed("tg:1", "r1", T);
                return null;
            }));
            store.saveSession(saved, saved.version()); // another instance wins the race for r1
            callers.on(1, () -> message(store, "r2", "fine", "tg:2"));

            Exception lost = callers.sync(0, store);
            assertTrue(lost instanceof ConcurrentUpdateException, "the loser's sync fails: " + lost);
            assertNull(callers.sync(1, store), "another resident's message is confirmed");
            assertNull(callers.sync(2, store), "and a sync with nothing queued (an outbox send) is not failed");
            assertTrue(processed(store, "tg:2"));
            assertFalse(processed(store, "tg:1"));
        }
    }

    @Test
    void aFlushWrittenAgainKeepsItsOwnNewSessionAndOneConsent(@TempDir Path dir) throws Exception {
        try (EmbeddedMongo db = EmbeddedMongo.open(dir); MongoClient c = MongoClients.create(db.connectionString());
             Callers callers = new Callers(1)) {
            Store store = new Store(c, "t", db);
            store.createIndexes();
            // a new resident's first message: a new session (an insert), their consent, an answer, the mark
            callers.on(0, () -> store.unit(() -> {
                store.saveSession(session("r1"), 0);
                store.changeRespondent("r1", "telegram", new RespondentChange()
                        .consent(new Consent("q", 1, true, T)), T);
                store.putAnswers(List.of(answer("r1", "fine")));
                store.markProcessed("tg:1", "r1", T);
                return null;
            }));
            // the store refuses the first write of the answers once: the session and the consent are in by then
            AtomicInteger refused = new AtomicInteger();
            db.fault(command -> "answers".equals(command.get("update")) && refused.getAndIncrement() == 0);

            assertNull(callers.sync(0, store), "written again, its own new session found there is not a lost one");
            assertTrue(refused.get() > 0, "the fault was met");
            assertTrue(processed(store, "tg:1"));
            assertEquals(1, store.database().getCollection("answers").countDocuments(Filters.eq("respondent", "r1")));
            Document r1 = store.database().getCollection("respondents").find(Filters.eq("_id", "r1")).first();
            assertEquals(1, r1.getList("consents", Document.class).size(), "the consent once, not twice");
        }
    }

    private static Store poisoned(MongoClient c, EmbeddedMongo db) {
        Store store = new Store(c, "t", db);
        store.createIndexes();
        var answers = store.database().getCollection("answers");
        answers.createIndex(Indexes.ascending("text"), new IndexOptions().unique(true));
        answers.insertOne(new Document("_id", "someone else's").append("text", POISON));
        return store;
    }

    private static void message(Store store, String rid, String text, String input) {
        store.unit(() -> {
            store.saveSession(session(rid), 0);
            store.putAnswers(List.of(answer(rid, text)));
            store.markProcessed(input, rid, T);
            return null;
        });
    }

    private static boolean processed(Store store, String input) {
        return store.database().getCollection("processed_updates").countDocuments(Filters.eq("_id", input)) == 1;
    }

    private static void assertNotNullFailure(Exception e, String message) {
        assertTrue(e != null, message);
    }

    private static SessionRecord session(String rid) {
        ConversationState state = new ConversationState("q", 1, "nl", ConversationState.Status.ACTIVE, "a", 0,
                ConversationState.Await.ANSWER, 0, true, List.of(), List.of(), List.of(), Map.of(),
                Map.of("channel", "telegram"), T, T);
        return new SessionRecord(rid, "telegram", "q", 1, "nl", state, SessionRecord.ACTIVE,
                List.of(OutboundMessage.info("?")), List.of(), Map.of(), T, T, 0);
    }

    private static StoredAnswer answer(String rid, String text) {
        return new StoredAnswer(StoredAnswer.idOf(rid, "q", 1, "a", 0), rid, "q", 1, "a", 0, "free_text", text, text,
                "nl", null, null, Map.of(), "telegram", T, T);
    }

    /** Callers, each on a thread of its own (their units and syncs are theirs, as a request's are). */
    static final class Callers implements AutoCloseable {
        private final ExecutorService[] threads;

        Callers(int n) {
            threads = new ExecutorService[n];
            for (int i = 0; i < n; i++) {
                threads[i] = Executors.newSingleThreadExecutor();
            }
        }

        void on(int caller, Runnable work) throws InterruptedException, ExecutionException {
            threads[caller].submit(work).get();
        }

        /** The caller's sync: null when it succeeded, else what it threw. */
        Exception sync(int caller, Store store) throws InterruptedException, ExecutionException {
            Supplier<Exception> s = () -> {
                try {
                    store.durability().sync();
                    return null;
                } catch (RuntimeException e) {
                    return e;
                }
            };
            Future<Exception> f = threads[caller].submit(s::get);
            return f.get();
        }

        @Override
        public void close() {
            for (ExecutorService t : threads) {
                t.shutdownNow();
            }
        }
    }
}
