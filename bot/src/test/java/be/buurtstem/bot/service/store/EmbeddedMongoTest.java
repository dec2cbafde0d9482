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
