package be.buurtstem.bot.service.store;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The outbox's heads kept in memory list exactly what the store's aggregation lists: each chat's oldest item, heads
 * oldest first, through inserts (direct and grouped), sends, a blocked chat dropped, a resident deleted, retries,
 * replays of the same ids and items left from before a restart.
 */
class OutboxQueueTest {
    static final Instant T = Instant.parse("2026-12-02T00:00:00Z");

    @Test
    void theHeadsInMemoryAreTheStoresHeadsThroughEveryChange(@TempDir Path dir) {
        try (EmbeddedMongo db = EmbeddedMongo.open(dir); MongoClient c = MongoClients.create(db.connectionString())) {
            Store listed = new Store(c, "t", db); // the aggregation, as instances sharing a store list it
            Store store = new Store(c, "t", db);
            store.createIndexes();
            Random random = new Random(7);
            long seq = 0;
            // items from before a restart: read from the store on first use
            List<Document> before = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                before.add(item("old" + i, "chat" + random.nextInt(8), "r" + random.nextInt(8), ++seq));
            }
            listed.enqueue(before);
            store.keepOutboxHeadsInMemory();
            assertEquals(ids(listed.outboxHeads(1000)), ids(store.outboxHeads(1000)), "after the restart");
            for (int round = 0; round < 200; round++) {
                int what = random.nextInt(11);
                List<Document> heads = store.outboxHeads(1000);
                if (what < 4) {
                    List<Document> items = new ArrayList<>();
                    for (int k = random.nextInt(3) + 1; k > 0; k--) {
                        items.add(item("n" + round + "-" + k, "chat" + random.nextInt(12), "r" + random.nextInt(12),
                                ++seq));
                    }
                    if (random.nextBoolean()) {
                        store.enqueue(items);
                    } else {
                        store.unit(() -> {
                            store.enqueue(items);
                            return null;
                        });
                        store.durability().sync();
                    }
                } else if (what < 7 && !heads.isEmpty()) {
                    String id = heads.get(random.nextInt(heads.size())).getString("_id");
                    store.outboxDone(id);
                } else if (what == 7 && !heads.isEmpty()) {
                    store.dropOutboxForChat(heads.get(0).getString("chat"));
                } else if (what == 8 && !heads.isEmpty()) {
                    Document h = heads.get(heads.size() - 1);
                    new OutboxLeases(store, "test", java.time.Duration.ofSeconds(30))
                            .retryLater(h.getString("_id"), 3, T.plusSeconds(round));
                } else if (what == 9 && !heads.isEmpty()) {
                    // a replayed message: the same deterministic id again (still queued: the store keeps the first)
                    Document h = heads.get(random.nextInt(heads.size()));
                    store.enqueue(List.of(item(h.getString("_id"), h.getString("chat"), h.getString("respondent"),
                            ++seq)));
                } else if (what == 10 && !heads.isEmpty()) {
                    store.deleteRespondent(heads.get(0).getString("respondent"), heads.get(0).getString("chat"));
                }
                List<Document> fromStore = listed.outboxHeads(1000);
                List<Document> fromMemory = store.outboxHeads(1000);
                assertEquals(ids(fromStore), ids(fromMemory), "round " + round);
                for (int i = 0; i < fromStore.size(); i++) {
                    assertEquals(fromStore.get(i).getInteger("attempts"), fromMemory.get(i).getInteger("attempts"));
                    assertEquals(fromStore.get(i).getDate("notBefore"), fromMemory.get(i).getDate("notBefore"));
                }
            }
            assertEquals(List.of(), ids(store.outboxHeads(0)), "a limit is kept");
            assertEquals(Math.min(3, listed.outboxHeads(1000).size()), store.outboxHeads(3).size());
        }
    }

    static Document item(String id, String chat, String respondent, long seq) {
        return new Document("_id", id).append("seq", seq).append("chat", chat).append("respondent", respondent)
                .append("type", "send").append("attempts", 0).append("notBefore", new Date(0)).append("text", "x");
    }

    static List<String> ids(List<Document> docs) {
        return docs.stream().map(d -> d.getString("_id")).toList();
    }
}
