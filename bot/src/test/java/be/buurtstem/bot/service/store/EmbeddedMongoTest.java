package be.buurtstem.bot.service.store;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

class EmbeddedMongoTest {
    @Test
    void enqueuingTheSameOutboxItemsAgainIsANoOp(@TempDir Path dir) {
        try (EmbeddedMongo db = EmbeddedMongo.open(dir); MongoClient c = MongoClients.create(db.connectionString())) {
            Store store = new Store(c, "t", db);
            store.createIndexes();
            store.enqueue(java.util.List.of(new Document("_id", "tg:1:0").append("seq", 1L).append("chat", "5")
                    .append("text", "a")));
            store.enqueue(java.util.List.of(new Document("_id", "tg:1:0").append("seq", 9L).append("chat", "5")
                    .append("text", "changed"), new Document("_id", "tg:1:1").append("seq", 2L).append("chat", "5")
                    .append("text", "b")));
            assertEquals(2, store.outboxSize());
            assertEquals("a", store.pendingOutbox(10).getFirst().getString("text"));
        }
    }

    @Test
    void dataSurvivesCloseCompactionAndReopen(@TempDir Path dir) {
        try (EmbeddedMongo db = EmbeddedMongo.open(dir); MongoClient c = MongoClients.create(db.connectionString())) {
            MongoCollection<Document> col = c.getDatabase("t").getCollection("answers");
            for (int i = 0; i < 500; i++) {
                col.insertOne(new Document("_id", i).append("text", "antwoord " + i + " ".repeat(200)));
            }
            col.deleteMany(Filters.lt("_id", 450));
            db.sync();
            db.compact();
        }
        try (EmbeddedMongo db = EmbeddedMongo.open(dir); MongoClient c = MongoClients.create(db.connectionString())) {
            MongoCollection<Document> col = c.getDatabase("t").getCollection("answers");
            assertEquals(50, col.countDocuments());
            assertEquals("antwoord 499", col.find(Filters.eq("_id", 499)).first().getString("text").strip());
        }
    }
}
