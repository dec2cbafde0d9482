package be.buurtstem.bot.service.store;

import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

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
        OutboxQueue q = new OutboxQueue(() -> stored);
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
        q.added(List.of(item("c0", "2", 0, "callback"))); // a press's acknowledgement goes before b0
        assertEquals(List.of("c0", "a1"), ids(q.ready("", 100, T.plusSeconds(2))), "not held by a soft park");
        q.park("2", T.plusSeconds(5), false); // a back-off holds everything
        assertEquals(List.of("a1"), ids(q.ready("", 100, T.plusSeconds(2))));
        q.unpark("2");
        assertEquals(List.of("c0", "a1"), ids(q.ready("", 100, T.plusSeconds(2))));

        q.invalidate(); // read again from the store: the parks are the dispatcher's and stay
        q.park("1", Instant.MAX, false);
        assertEquals(List.of("b0"), ids(q.ready("", 100, T.plusSeconds(3))), "a0 and a1 parked, c0 never stored");
    }

    private static Document item(String id, String chat, long seq, String type) {
        return new Document("_id", id).append("seq", seq).append("chat", chat).append("type", type)
                .append("attempts", 0).append("notBefore", new Date(0));
    }

    private static List<String> ids(List<Document> items) {
        return items.stream().map(d -> d.getString("_id")).toList();
    }
}
