package be.buurtstem.bot.service.store;

import be.buurtstem.engine.Button;
import be.buurtstem.engine.ConversationState;
import be.buurtstem.engine.Expect;
import be.buurtstem.engine.OutboundMessage;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A message's read from the embedded store in process ({@link Store#readInProcess}) gives what the read through the
 * driver gives: the same session (state, buttons, link segments, dates, version), the same respondent (language,
 * segments, consents, blocked) and the same processed mark, also for what is still queued; a value the conversion
 * does not know falls back to the driver's read.
 */
class InProcessReadTest {
    static final Instant T = Instant.parse("2026-12-04T04:00:00.123Z");

    @Test
    void theInProcessReadEqualsTheReadThroughTheDriver(@TempDir Path dir) {
        try (EmbeddedMongo db = EmbeddedMongo.open(dir); MongoClient c = MongoClients.create(db.connectionString())) {
            Store wire = new Store(c, "t", db);
            wire.createIndexes();
            Store local = new Store(c, "t", db);
            local.readInProcess(db);
            wire.unit(() -> {
                wire.saveSession(session("r1"), 0);
                wire.changeRespondent("r1", "telegram", new RespondentChange().language("fr").segment("area", "noord")
                        .consent(new Consent("q", 2, true, T)), T);
                wire.markProcessed("tg:1", "r1", T);
                return null;
            });
            wire.durability().sync();

            InboundRead viaDriver = wire.read("r1", "tg:1");
            // the driver's read is an aggregation: refused from here on, so what follows is read in process
            db.fault(command -> command.containsKey("aggregate"));
            assertThrows(RuntimeException.class, () -> wire.read("r1", "tg:1"));
            InboundRead inProcess = local.read("r1", "tg:1");
            assertTrue(inProcess.processed());
            assertTrue(inProcess.session().isPresent() && inProcess.respondent().isPresent());
            assertEquals(viaDriver, inProcess);
            assertEquals(session("r1").withVersion(1), inProcess.session().get());
            assertEquals("fr", inProcess.respondent().get().language());
            assertEquals(Map.of("area", "noord"), inProcess.respondent().get().segments());
            assertEquals(List.of(new Consent("q", 2, true, T)), inProcess.respondent().get().consents());

            InboundRead nobody = local.read("r9", "tg:9");
            db.fault(null);
            assertEquals(wire.read("r9", "tg:9"), nobody);
            assertFalse(nobody.processed());
            assertTrue(nobody.session().isEmpty() && nobody.respondent().isEmpty());
        }
    }

    @Test
    void aQueuedMessageIsWrittenFirstAndAnUnknownValueIsReadThroughTheDriver(@TempDir Path dir) {
        try (EmbeddedMongo db = EmbeddedMongo.open(dir); MongoClient c = MongoClients.create(db.connectionString())) {
            Store store = new Store(c, "t", db);
            store.createIndexes();
            store.readInProcess(db);
            store.unit(() -> {
                store.saveSession(session("r2"), 0);
                store.markProcessed("tg:2", "r2", T);
                return null;
            });
            InboundRead queued = store.read("r2", "tg:2"); // no sync yet: the read writes the queued unit first
            assertTrue(queued.processed());
            assertEquals(1, queued.session().get().version());

            // a field of a kind the conversation never writes (a decimal): the read still answers, over the wire
            store.database().getCollection("respondents").updateOne(Filters.eq("_id", "r2"),
                    Updates.set("odd", new org.bson.types.Decimal128(new java.math.BigDecimal("1.5"))),
                    new com.mongodb.client.model.UpdateOptions().upsert(true));
            InboundRead odd = store.read("r2", "tg:2");
            assertTrue(odd.respondent().isPresent());
            assertEquals(queued.session(), odd.session());
        }
    }

    private static SessionRecord session(String rid) {
        ConversationState state = new ConversationState("q", 2, "fr", ConversationState.Status.ACTIVE, "a", 1,
                ConversationState.Await.ANSWER, 0, true, List.of(), List.of(), List.of(), Map.of(),
                Map.of("channel", "telegram"), T, T);
        return new SessionRecord(rid, "telegram", "q", 2, "fr", state, SessionRecord.ACTIVE,
                List.of(new OutboundMessage("Oui ?", List.of(new Button("yes", "Oui"), new Button("no", "Non")),
                        Expect.CHOICE)), List.of("tg:0"), Map.of("area", "noord"), T, T.plusSeconds(5), 0);
    }
}
