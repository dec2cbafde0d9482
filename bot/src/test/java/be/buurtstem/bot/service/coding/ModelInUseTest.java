package be.buurtstem.bot.service.coding;

import be.buurtstem.bot.service.store.EmbeddedMongo;
import be.buurtstem.bot.service.store.Store;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Which stored version the service uses: at start, after promotions by the rule or by hand, after versions go. */
class ModelInUseTest {
    @Test
    void theVersionInUseIsTheOnePromotedLastNeverOneKeptAside(@TempDir Path dir) {
        try (EmbeddedMongo db = EmbeddedMongo.open(dir); MongoClient c = MongoClients.create(db.connectionString())) {
            Store store = new Store(c, "t", db);
            ModelRegistry registry = new ModelRegistry(store, dir);
            ModelInUse inUse = new ModelInUse(store, registry);
            MongoCollection<Document> models = store.database().getCollection("models");
            assertEquals(List.of(), inUse.candidates(), "nothing trained: the keywords");

            // versions 1 and 2 were saved before the rule (each was put in use); version 3 was kept aside by it
            models.insertOne(new Document("_id", 1).append("version", 1));
            models.insertOne(new Document("_id", 2).append("version", 2));
            models.insertOne(new Document("_id", 3).append("version", 3)
                    .append(ModelInUse.PROMOTION, new Document("decision", "keep")));
            assertEquals(List.of(2, 1), inUse.candidates(), "the newest promoted one, not the newest one");
            assertEquals("not_promoted", ModelInUse.status(store.models().record(3).orElseThrow(), 2));
            assertEquals("in_use", ModelInUse.status(store.models().record(2).orElseThrow(), 2));
            assertEquals("promoted", ModelInUse.status(store.models().record(1).orElseThrow(), 2));

            Instant t = Instant.parse("2026-12-01T10:00:00Z");
            inUse.put(3, "analyst", t);
            assertEquals(List.of(3, 2, 1), inUse.candidates());
            inUse.put(1, "analyst", t.plusSeconds(60)); // a rollback
            assertEquals(List.of(1, 3, 2), inUse.candidates());
            models.deleteOne(Filters.eq("_id", 1)); // dropped after a deletion: the one promoted before it
            assertEquals(List.of(3, 2), inUse.candidates());
            // the dropped number given again to a version the rule kept aside: the pointer (still 1) does not lead to it
            models.insertOne(new Document("_id", 1).append("version", 1)
                    .append(ModelInUse.PROMOTION, new Document("decision", "keep")));
            assertEquals(List.of(3, 2), inUse.candidates());
            inUse.put(0, "analyst", t.plusSeconds(120));
            assertEquals(List.of(), inUse.candidates(), "the keywords alone, by an analyst's choice");
        }
    }

    @Test
    void aVersionNumberIsNeverGivenTwiceAlsoAfterADrop(@TempDir Path dir) throws Exception {
        try (EmbeddedMongo db = EmbeddedMongo.open(dir); MongoClient c = MongoClients.create(db.connectionString())) {
            Store store = new Store(c, "t", db);
            ModelRegistry registry = new ModelRegistry(store, dir);
            MongoCollection<Document> models = store.database().getCollection("models");
            models.insertOne(new Document("_id", 1).append("version", 1)); // trained before the counter
            assertEquals(2, registry.nextVersion());
            models.insertOne(new Document("_id", 2).append("version", 2)); // saved (registry.save)
            // a resident deleted an answer version 2 learnt from while it trained: dropped before its audit entry
            registry.remove(2);
            assertEquals(2, registry.latestVersion(), "the dropped number stays given");
            assertEquals(3, registry.nextVersion(), "the retraining gets a new number, not 2 again");
            assertEquals(4, new ModelRegistry(store, dir).nextVersion(), "also after a restart");
        }
    }
}
