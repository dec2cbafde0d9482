package be.buurtstem.bot.service.store;

import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The ready heads a dispatcher round looks at: per lane (Telegram's chats apart from WhatsApp's {@code wa:}), oldest
 * first, without the chats it parked (in flight, interval, back-off) until their park ends; a soft park (the per-chat
 * interval) lets an acknowledgement through; the chat's next item is listed once the head is removed and the park ends.
 */
class OutboxReadyTest {
    static final Instant T = Instant.parse("2026-12-04T01:00:00Z");

    @Test
    void parkedChatsAreLeftOutUntilTheirParkEnds() {
        List<Document> stored = new ArrayList<>();
        stored.add(item("a0", "1", 1, "send"));
        stored.add(item("a1", "1", 4, "send"));
        stored.add(item("b0", "2", 2, "send"));
        stored.add(item("w0", "wa:3", 3, "wa"));
        // the store: what the queue reads at its start (stored) and the documents it reads when it lists heads
        Map<String, Document> byId = new HashMap<>();
        stored.forEach(d -> byId.put(d.getString("_id"), d));
        OutboxQueue q = new OutboxQueue(() -> stored, ids -> {
            Map<String, Document> found = new HashMap<>();
            ids.stream().filter(byId::containsKey).forEach(id -> found.put(id, byId.get(id)));
            return found;
        });
        assertEquals(List.of("a0", "b0"), ids(q.ready("", 100, T)), "Telegram's lane, oldest first");
        assertEquals(List.of("w0"), ids(q.ready("wa", 100, T)), "WhatsApp's lane");
        assertEquals(List.of("a0"), ids(q.ready("", 1, T)), "a limit is kept");

        q.park("1", Instant.MAX, false); // a0 in flight
        assertEquals(List.of("b0"), ids(q.ready("", 100, T)));
        q.remove("a0"); // sent: its chat's next item is the head, still parked
        assertEquals(List.of("b0"), ids(q.ready("", 100, T)));
        q.park("1", T.plusSeconds(1), true); // the per-chat interval
        assertEquals(List.of("b0"), ids(q.ready("", 100, T.plusMillis(999))));
        assertEquals(List.of("b0", "a1"), ids(q.ready("", 100, T.plusSeconds(1))), "the park ended by time");

        q.park("2", T.plusSeconds(5), true);
        Document c0 = item("c0", "2", 0, "callback");
        byId.put("c0", c0);
        q.added(List.of(c0)); // a press's acknowledgement goes before b0
        assertEquals(List.of("c0", "a1"), ids(q.ready("", 100, T.plusSeconds(2))), "not held by a soft park");
        q.park("2", T.plusSeconds(5), false); // a back-off holds everything
        assertEquals(List.of("a1"), ids(q.ready("", 100, T.plusSeconds(2))));
        q.unpark("2");
        assertEquals(List.of("c0", "a1"), ids(q.ready("", 100, T.plusSeconds(2))));

        q.invalidate(); // read again from the store: the parks are the dispatcher's and stay
        q.park("1", Instant.MAX, false);
        assertEquals(List.of("b0"), ids(q.ready("", 100, T.plusSeconds(3))), "a0 and a1 parked, c0 never stored");
    }

    /**
     * The queue keeps no item's text: it reads the documents of the heads it lists from the store, with a retry's
     * attempts and time as it knows them, and forgets an item the store no longer has (sent or dropped meanwhile).
     */
    @Test
    void listedHeadsAreReadFromTheStoreWithTheirRetry() {
        Map<String, Document> byId = new HashMap<>();
        List<Document> stored = List.of(item("a0", "1", 1, "send").append("text", "Welkom!"),
                item("b0", "2", 2, "send").append("text", "Bienvenue !"));
        stored.forEach(d -> byId.put(d.getString("_id"), d));
        List<List<String>> asked = new ArrayList<>();
        OutboxQueue q = new OutboxQueue(() -> stored, ids -> {
            asked.add(ids);
            Map<String, Document> found = new HashMap<>();
            ids.stream().filter(byId::containsKey).forEach(id -> found.put(id, byId.get(id)));
            return found;
        });
        List<Document> heads = q.ready("", 100, T);
        assertEquals(List.of("Welkom!", "Bienvenue !"), heads.stream().map(d -> d.getString("text")).toList());
        assertEquals(List.of(List.of("a0", "b0")), asked, "one read for the round's heads");

        q.rescheduled("a0", 2, T.plusSeconds(30));
        Document a0 = q.ready("", 100, T).getFirst();
        assertEquals(2, a0.getInteger("attempts"));
        assertEquals(Date.from(T.plusSeconds(30)), a0.getDate("notBefore"));
        assertEquals(0, byId.get("a0").getInteger("attempts"), "the store's document is not changed by the listing");

        byId.remove("b0"); // sent by someone else meanwhile
        assertEquals(List.of("a0"), ids(q.ready("", 100, T)));
        byId.put("b0", stored.get(1));
        assertEquals(List.of("a0"), ids(q.ready("", 100, T)), "forgotten once the store did not have it");
    }

    private static Document item(String id, String chat, long seq, String type) {
        return new Document("_id", id).append("seq", seq).append("chat", chat).append("type", type)
                .append("attempts", 0).append("notBefore", new Date(0));
    }

    private static List<String> ids(List<Document> items) {
        return items.stream().map(d -> d.getString("_id")).toList();
    }
}
