package be.buurtstem.bot.service.store;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
            assertEquals("a", store.outboxHeads(10).getFirst().getString("text"));
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

    /**
     * Every commit writes a new chunk and leaves the pages it replaced dead in older ones. The committer's compaction
     * steps rewrite the live pages of sparse chunks, so that chunks empty out, and their space is written over once
     * the retention time has passed: under a steady load the file grows by a small part of what it grew with H2's
     * 45 s retention and no steps (3.9 GB for 100,000 respondents before, BENCHMARKS.md). Compared per commit with
     * that old setting in the same run, so a slow machine slows both alike (300 ms stands in for the 5 s retention,
     * so that the test sees the reuse within seconds).
     */
    @Test
    void underASteadyLoadTheFileGrowsAFractionOfWhatItDid(@TempDir Path dir) throws Exception {
        double before = growthPerCommit(dir.resolve("h2-default"), 45_000);
        double now = growthPerCommit(dir.resolve("now"), 300);
        assertTrue(now < before / 4, String.format(java.util.Locale.ROOT,
                "%.1f KB of file per commit now, %.1f KB with H2's 45 s retention", now / 1024, before / 1024));
    }

    /** Residents answering (sessions rewritten, a group commit after every few), 400 commits: bytes of file per commit. */
    private static double growthPerCommit(Path dir, int retentionMillis) throws Exception {
        int rounds = 0;
        long grown;
        try (EmbeddedMongo db = EmbeddedMongo.open(dir, retentionMillis);
             MongoClient c = MongoClients.create(db.connectionString())) {
            MongoCollection<Document> col = c.getDatabase("t").getCollection("sessions");
            String filler = "x".repeat(1000);
            for (int i = 0; i < 300; i++) {
                col.insertOne(new Document("_id", i).append("state", filler).append("step", 0));
            }
            db.sync();
            Path file = dir.resolve("buurtstem.mv.db");
            long start = Files.size(file);
            // a count, not a time: a slow machine then takes longer over the same commits, and reuses no less
            while (rounds < 400) {
                rounds++;
                for (int i = 0; i < 300; i += 7) {
                    col.updateOne(Filters.eq("_id", (i + rounds) % 300), new Document("$set",
                            new Document("step", rounds).append("state", filler + rounds)));
                }
                db.sync();
            }
            grown = Files.size(file) - start;
            assertEquals(300, col.countDocuments());
            assertEquals(rounds, col.find(Filters.eq("_id", rounds % 300)).first().getInteger("step"));
        }
        try (EmbeddedMongo db = EmbeddedMongo.open(dir); MongoClient c = MongoClients.create(db.connectionString())) {
            assertEquals(300, c.getDatabase("t").getCollection("sessions").countDocuments(), "all there after reopening");
        }
        return (double) grown / rounds;
    }

    /** Deleted documents stay in the file's old chunks; a rewrite leaves only the live data, served on. */
    @Test
    void aRewriteLeavesNoByteOfDeletedDocumentsAndKeepsServing(@TempDir Path dir) {
        try (EmbeddedMongo db = EmbeddedMongo.open(dir); MongoClient c = MongoClients.create(db.connectionString())) {
            Store store = new Store(c, "t", db);
            store.createIndexes();
            MongoCollection<Document> col = c.getDatabase("t").getCollection("answers");
            for (int i = 0; i < 200; i++) {
                col.insertOne(new Document("_id", "a" + i).append("respondent", i == 7 ? "gone" : "kept")
                        .append("text", i == 7 ? "Zwartkikkerpoel bij Vlinderhoeve" : "antwoord " + i));
            }
            db.sync();
            store.deleteRespondent("gone", null);
            db.sync();
            db.compact();
            assertEquals(List.of("buurtstem.mv.db"), be.buurtstem.bot.it.DataFolder.filesContaining(dir,
                    "Zwartkikkerpoel"), "before the rewrite the deleted text is still in the file");

            db.rewrite();
            assertEquals(List.of(), be.buurtstem.bot.it.DataFolder.filesContaining(dir, "Zwartkikkerpoel"));
            // the same client goes on: reads, writes, the unique index still holds
            assertEquals(199, col.countDocuments());
            assertEquals("antwoord 8", col.find(Filters.eq("_id", "a8")).first().getString("text"));
            col.insertOne(new Document("_id", "after").append("respondent", "kept"));
            store.collection("questionnaires").insertOne(new Document("id", "q").append("version", 1));
            assertThrows(com.mongodb.MongoWriteException.class,
                    () -> store.collection("questionnaires").insertOne(new Document("id", "q").append("version", 1)));
            db.sync();
        }
        try (EmbeddedMongo db = EmbeddedMongo.open(dir); MongoClient c = MongoClients.create(db.connectionString())) {
            assertEquals(200, c.getDatabase("t").getCollection("answers").countDocuments());
        }
    }

    /** A deletion noted before a stop (or a crash) is rewritten out at the next start, before anything is served. */
    @Test
    void aPendingErasureIsDoneAtTheNextStart(@TempDir Path dir) throws Exception {
        try (EmbeddedMongo db = EmbeddedMongo.open(dir); MongoClient c = MongoClients.create(db.connectionString())) {
            MongoCollection<Document> col = c.getDatabase("t").getCollection("answers");
            col.insertOne(new Document("_id", 1).append("text", "Zwartkikkerpoel"));
            col.insertOne(new Document("_id", 2).append("text", "blijft"));
            db.sync();
            col.deleteOne(Filters.eq("_id", 1));
            Files.writeString(dir.resolve(EmbeddedMongo.PENDING), "now\n");
            db.sync();
        }
        assertFalse(be.buurtstem.bot.it.DataFolder.filesContaining(dir, "Zwartkikkerpoel").isEmpty(),
                "the stop alone does not remove it");
        try (EmbeddedMongo db = EmbeddedMongo.open(dir); MongoClient c = MongoClients.create(db.connectionString())) {
            assertEquals(List.of(), be.buurtstem.bot.it.DataFolder.filesContaining(dir, "Zwartkikkerpoel"));
            assertEquals(1, c.getDatabase("t").getCollection("answers").countDocuments());
        }
    }

    @Test
    void theDataFolderAndItsFilesAreOwnerOnly(@TempDir Path parent) throws Exception {
        Path dir = parent.resolve("data");
        try (EmbeddedMongo db = EmbeddedMongo.open(dir); MongoClient c = MongoClients.create(db.connectionString())) {
            c.getDatabase("t").getCollection("x").insertOne(new Document("a", 1));
            db.sync();
            assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)));
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(
                    dir.resolve("buurtstem.mv.db"))));
            db.rewrite();
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(
                    dir.resolve("buurtstem.mv.db"))));
        }
    }

    @Test
    void aDeletionSurvivesAStop(@TempDir Path dir) {
        try (EmbeddedMongo db = EmbeddedMongo.open(dir); MongoClient c = MongoClients.create(db.connectionString())) {
            Store store = new Store(c, "t", db);
            store.createIndexes();
            for (int i = 0; i < 5; i++) {
                store.putAnswer("r:" + i, new Document("respondent", "gone").append("text", "x" + i));
                db.sync();
            }
            store.putAnswer("k", new Document("respondent", "kept").append("text", "y"));
            db.sync();
            store.deleteRespondent("gone", null);
            db.sync();
            assertEquals(1, c.getDatabase("t").getCollection("answers").countDocuments());
        }
        try (EmbeddedMongo db = EmbeddedMongo.open(dir); MongoClient c = MongoClients.create(db.connectionString())) {
            assertEquals(1, c.getDatabase("t").getCollection("answers").countDocuments());
        }
    }
}
