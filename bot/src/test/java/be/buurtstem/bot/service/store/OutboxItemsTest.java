package be.buurtstem.bot.service.store;

import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Date;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Outbox items as the channels built them before they were typed are read as the same items (an outbox left by the
 * previous version goes out unchanged), and every kind comes back from its document as it went in.
 */
class OutboxItemsTest {
    static final Instant T = Instant.parse("2026-12-04T01:00:00Z");

    @Test
    void itemsWrittenByThePreviousVersionAreRead() {
        Document send = new Document("_id", "tg:1:2").append("seq", 17L).append("chat", "42").append("type", "send")
                .append("attempts", 3).append("notBefore", Date.from(T)).append("createdAt", Date.from(T))
                .append("respondent", "r1").append("text", "Welke buurt?")
                .append("buttons", List.of(new Document("id", "noord").append("label", "Noord")))
                .append("expect", "CHOICE").append("language", "nl");
        OutboxItem item = OutboxItems.fromDocument(send);
        assertEquals(new OutboxItem("tg:1:2", 17, "42", "r1", 3, T, T, null, null, false,
                new OutboxItem.Send("Welke buurt?", List.of(new OutboxItem.Button("noord", "Noord")), "CHOICE", "nl")),
                item);
        Document wa = new Document("_id", "wa:9:0").append("seq", 5L).append("chat", "wa:3247").append("type", "wa")
                .append("windowUntil", Date.from(T)).append("attempts", 0).append("notBefore", new Date(0))
                .append("createdAt", Date.from(T)).append("body", "{\"x\":1}").append("language", "fr")
                .append("attempted", true).append("claimedBy", "other").append("leaseUntil", Date.from(T));
        OutboxItem w = OutboxItems.fromDocument(wa);
        assertEquals(new OutboxItem.WhatsApp("{\"x\":1}", T, "fr"), w.kind());
        assertTrue(w.attempted());
        assertEquals("other", w.claimedBy());
        assertEquals(T, w.leaseUntil());
        Document map = new Document("_id", "m").append("seq", 6).append("chat", "wa:3247").append("type", "wa")
                .append("windowUntil", Date.from(T)).append("map", "buurtkaart").append("respondent", "r2");
        assertEquals(new OutboxItem.WhatsAppMap("buurtkaart", T, null), OutboxItems.fromDocument(map).kind());
        Document organiser = new Document("_id", "org:0").append("seq", 1L).append("chat", "-100").append("type",
                "send").append("text", "verzadigd");
        assertEquals(OutboxItem.Send.text("verzadigd"), OutboxItems.fromDocument(organiser).kind());
    }

    @Test
    void everyKindComesBackAsItWentIn() {
        List<OutboxItem.Kind> kinds = List.of(new OutboxItem.Callback("cb1"), new OutboxItem.Edit(12, "✅ Noord"),
                new OutboxItem.Send("a", List.of(new OutboxItem.Button("1", "Ja")), "LOCATION", "ar"),
                OutboxItem.Send.text("tweede deel"), new OutboxItem.Photo("buurtkaart", "tr"),
                new OutboxItem.WhatsApp("{}", T, "en"), new OutboxItem.WhatsAppMap("buurtkaart", T, "nl"));
        long seq = 0;
        for (OutboxItem.Kind kind : kinds) {
            OutboxItem item = new OutboxItem("id" + seq, ++seq, "7", seq % 2 == 0 ? null : "r", 2, T, T, null, null,
                    false, kind);
            assertEquals(item, OutboxItems.fromDocument(OutboxItems.toDocument(item)), kind.toString());
        }
        assertEquals("callback", OutboxItems.toDocument(OutboxItem.queued("c", 1, "7", null,
                new OutboxItem.Callback("q"))).getString("type"), "the stored type names stay");
    }
}
