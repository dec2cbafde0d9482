package be.buurtstem.bot.service.store;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The embedded store answers a query naming an {@code _id} among other conditions through the {@code _id} index (the
 * library scanned the whole collection), with the same result: the sessions' optimistic lock, the outbox claim, the
 * coding worker's "still uncoded" read. Also after a reopen (collections opened while the database is constructed).
 */
class IndexedH2BackendTest {
    @Test
    void queriesWithAnIdAndMoreUseTheIndexAndFindWhatTheyFoundBefore(@TempDir Path dir) {
        try (EmbeddedMongo db = EmbeddedMongo.open(dir); MongoClient c = MongoClients.create(db.connectionString())) {
            MongoCollection<Document> sessions = c.getDatabase("t").getCollection("sessions");
            List<Document> docs = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                docs.add(new Document("_id", "r" + i).append("version", 1L).append("coded", i % 2 == 0));
            }
            sessions.insertMany(docs);
            db.sync();
        }
        try (EmbeddedMongo db = EmbeddedMongo.open(dir); MongoClient c = MongoClients.create(db.connectionString())) {
            MongoCollection<Document> sessions = c.getDatabase("t").getCollection("sessions");
            long before = IndexedH2Backend.BY_ID.sum();
            // the optimistic lock: replaced when the version is the expected one, not otherwise
            assertEquals(1, sessions.replaceOne(Filters.and(Filters.eq("_id", "r7"), Filters.eq("version", 1L)),
                    new Document("_id", "r7").append("version", 2L)).getMatchedCount());
            assertEquals(0, sessions.replaceOne(Filters.and(Filters.eq("_id", "r8"), Filters.eq("version", 5L)),
                    new Document("_id", "r8").append("version", 6L)).getMatchedCount());
            assertEquals(1L, sessions.find(Filters.eq("_id", "r8")).first().getLong("version"));
            // a flat query with _id and another key
            assertEquals("r7", sessions.find(new Document("_id", "r7").append("version", 2L)).first().getString("_id"));
            assertNull(sessions.find(new Document("_id", "r7").append("version", 1L)).first());
            // a claim: _id and an $or
            Document claimed = sessions.findOneAndUpdate(Filters.and(Filters.eq("_id", "r9"), Filters.or(
                            Filters.exists("owner", false), Filters.eq("owner", "me"))), Updates.set("owner", "me"),
                    new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
            assertEquals("me", claimed.getString("owner"));
            assertNull(sessions.findOneAndUpdate(Filters.and(Filters.eq("_id", "r9"), Filters.exists("owner", false)),
                    Updates.set("owner", "other")));
            // $in with another condition: only the listed ids that match it
            List<String> found = new ArrayList<>();
            sessions.find(Filters.and(Filters.in("_id", List.of("r0", "r1", "r2", "r3", "nobody")),
                    Filters.eq("coded", true))).forEach(d -> found.add(d.getString("_id")));
            found.sort(null);
            assertEquals(List.of("r0", "r2"), found);
            assertTrue(IndexedH2Backend.BY_ID.sum() - before >= 7, "answered through the _id index");
            // conditions without an _id still scan, as before
            assertEquals(100, sessions.countDocuments(Filters.eq("coded", true)));
        }
    }

    /**
     * An {@code $in} over K ids reads the K documents the index finds, not the collection, and does not match each of
     * them against the K ids again: a lease renewal over 20,000 ids did that (K² comparisons, seconds on the outbox's
     * lock) and stalled the seeding of 60,000 residents (issue 17). The results stay those of the full query.
     */
    @Test
    void anInOverKIdsReadsKDocumentsWithTheSameResults(@TempDir Path dir) {
        try (EmbeddedMongo db = EmbeddedMongo.open(dir); MongoClient c = MongoClients.create(db.connectionString())) {
            MongoCollection<Document> outbox = c.getDatabase("t").getCollection("outbox");
            List<Document> docs = new ArrayList<>();
            for (int i = 0; i < 3000; i++) {
                docs.add(new Document("_id", "m" + i).append("claimedBy", i % 3 == 0 ? "me" : "other"));
            }
            outbox.insertMany(docs);
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                ids.add("m" + i); // 20 of them claimed by "me"
            }
            ids.add("gone-already");

            long examined = IndexedH2Backend.EXAMINED.sum();
            long renewed = outbox.updateMany(Filters.and(Filters.in("_id", ids), Filters.eq("claimedBy", "me")),
                    Updates.set("leaseUntil", 1L)).getModifiedCount();
            assertEquals(20, renewed, "only the listed ids claimed by this instance");
            assertEquals(60, IndexedH2Backend.EXAMINED.sum() - examined, "the 60 listed documents that exist, read once");
            assertEquals(20, outbox.countDocuments(Filters.exists("leaseUntil")));

            examined = IndexedH2Backend.EXAMINED.sum();
            assertEquals(60, outbox.deleteMany(Filters.in("_id", ids)).getDeletedCount(), "a batch of removals");
            assertEquals(60, IndexedH2Backend.EXAMINED.sum() - examined, "each removed document read once");
            assertEquals(2940, outbox.countDocuments());
            assertNull(outbox.find(Filters.eq("_id", "m5")).first());
            assertEquals("m60", outbox.find(Filters.and(Filters.in("_id", List.of("m59", "m60")),
                    Filters.eq("claimedBy", "me"))).first().getString("_id"));
        }
    }

    @Test
    void onlyAnInOfStringIdsIsLeftOutOfWhatIsMatchedAgain() {
        var in = new de.bwaldvogel.mongo.bson.Document("$in", List.of("a", "b"));
        var flat = new de.bwaldvogel.mongo.bson.Document("_id", in).append("claimedBy", "me");
        assertEquals(new de.bwaldvogel.mongo.bson.Document("claimedBy", "me"),
                IndexedH2Backend.rest(flat, IndexedH2Backend.idCondition(flat)));
        var and = new de.bwaldvogel.mongo.bson.Document("$and", List.of(new de.bwaldvogel.mongo.bson.Document("_id", in),
                new de.bwaldvogel.mongo.bson.Document("v", 1)));
        assertEquals(new de.bwaldvogel.mongo.bson.Document("$and", List.of(new de.bwaldvogel.mongo.bson.Document("v", 1))),
                IndexedH2Backend.rest(and, IndexedH2Backend.idCondition(and)));
        var alone = new de.bwaldvogel.mongo.bson.Document("_id", in);
        assertEquals(new de.bwaldvogel.mongo.bson.Document(), IndexedH2Backend.rest(alone, alone));
        var numbers = new de.bwaldvogel.mongo.bson.Document("_id", new de.bwaldvogel.mongo.bson.Document("$in", List.of(1, 2L)))
                .append("v", 1);
        assertEquals(numbers, IndexedH2Backend.rest(numbers, IndexedH2Backend.idCondition(numbers)),
                "numbers are normalised in the index: matched again, as before");
        var one = new de.bwaldvogel.mongo.bson.Document("_id", "a").append("v", 1);
        assertEquals(one, IndexedH2Backend.rest(one, IndexedH2Backend.idCondition(one)), "one id: nothing to gain");
    }

    @Test
    void theIdConditionIsFoundOnlyWhereItIsAConjunct() {
        assertEquals(new de.bwaldvogel.mongo.bson.Document("_id", "a"), IndexedH2Backend.idCondition(new de.bwaldvogel.mongo.bson.Document("_id", "a").append("v", 1)));
        assertEquals(new de.bwaldvogel.mongo.bson.Document("_id", "a"), IndexedH2Backend.idCondition(new de.bwaldvogel.mongo.bson.Document("$and",
                List.of(new de.bwaldvogel.mongo.bson.Document("_id", "a"), new de.bwaldvogel.mongo.bson.Document("v", 1)))));
        assertNull(IndexedH2Backend.idCondition(new de.bwaldvogel.mongo.bson.Document("_id", "a")), "alone: the library's own index path");
        assertNull(IndexedH2Backend.idCondition(new de.bwaldvogel.mongo.bson.Document("$or", List.of(new de.bwaldvogel.mongo.bson.Document("_id", "a"),
                new de.bwaldvogel.mongo.bson.Document("v", 1)))), "an alternative is no conjunct");
        assertNull(IndexedH2Backend.idCondition(new de.bwaldvogel.mongo.bson.Document("v", 1)));
    }
}
