package be.buurtstem.bot.service.store;

import org.bson.Document;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

/**
 * The {@code outbox} collection's field names, in one place: {@link OutboxItem} to its document and back. The names
 * and values are those written before the items were typed ({@code type} callback, edit, send, photo, or {@code wa}
 * with {@code body} or {@code map}), so an outbox left by an older version is sent as it is.
 */
final class OutboxItems {
    static final String TYPE = "type";
    static final String WHATSAPP = "wa";

    private OutboxItems() {
    }

    static Document toDocument(OutboxItem item) {
        Document d = new Document("_id", item.id()).append("seq", item.seq()).append("chat", item.chat());
        switch (item.kind()) {
            case OutboxItem.Callback c -> d.append(TYPE, "callback").append("callbackId", c.callbackId());
            case OutboxItem.Edit e -> d.append(TYPE, "edit").append("messageId", e.messageId()).append("text", e.text());
            case OutboxItem.Send s -> {
                d.append(TYPE, "send").append("text", s.text());
                if (!s.buttons().isEmpty() || s.expect() != null || s.language() != null) {
                    List<Document> buttons = new ArrayList<>();
                    for (OutboxItem.Button b : s.buttons()) {
                        buttons.add(new Document("id", b.id()).append("label", b.label()));
                    }
                    d.append("buttons", buttons).append("expect", s.expect()).append("language", s.language());
                }
            }
            case OutboxItem.Photo p -> d.append(TYPE, "photo").append("questionnaire", p.questionnaire())
                    .append("language", p.language());
            case OutboxItem.WhatsApp w -> {
                d.append(TYPE, WHATSAPP).append("windowUntil", Date.from(w.windowUntil())).append("body", w.body());
                if (w.language() != null) {
                    d.append("language", w.language());
                }
            }
            case OutboxItem.WhatsAppMap m -> {
                d.append(TYPE, WHATSAPP).append("windowUntil", Date.from(m.windowUntil())).append("map",
                        m.questionnaire());
                if (m.language() != null) {
                    d.append("language", m.language());
                }
            }
        }
        d.append("attempts", item.attempts()).append("notBefore", Date.from(item.notBefore()))
                .append("createdAt", Date.from(item.createdAt()));
        if (item.respondent() != null) {
            d.append("respondent", item.respondent());
        }
        if (item.claimedBy() != null) {
            d.append(OutboxLeases.CLAIMED_BY, item.claimedBy());
        }
        if (item.leaseUntil() != null) {
            d.append(OutboxLeases.LEASE_UNTIL, Date.from(item.leaseUntil()));
        }
        if (item.attempted()) {
            d.append("attempted", true);
        }
        return d;
    }

    static List<Document> toDocuments(List<OutboxItem> items) {
        List<Document> out = new ArrayList<>(items.size());
        for (OutboxItem item : items) {
            out.add(toDocument(item));
        }
        return out;
    }

    static OutboxItem fromDocument(Document d) {
        String type = d.getString(TYPE);
        OutboxItem.Kind kind = switch (type == null ? "send" : type) {
            case "callback" -> new OutboxItem.Callback(d.getString("callbackId"));
            case "edit" -> new OutboxItem.Edit(d.getInteger("messageId"), d.getString("text"));
            case "photo" -> new OutboxItem.Photo(d.getString("questionnaire"), d.getString("language"));
            case WHATSAPP -> d.getString("map") != null
                    ? new OutboxItem.WhatsAppMap(d.getString("map"), instant(d, "windowUntil"), d.getString("language"))
                    : new OutboxItem.WhatsApp(d.getString("body"), instant(d, "windowUntil"), d.getString("language"));
            default -> { // "send", and anything unknown went out as a text before
                List<OutboxItem.Button> buttons = new ArrayList<>();
                for (Document b : d.getList("buttons", Document.class, List.of())) {
                    buttons.add(new OutboxItem.Button(b.getString("id"), b.getString("label")));
                }
                yield new OutboxItem.Send(d.getString("text"), buttons, d.getString("expect"),
                        d.getString("language"));
            }
        };
        Object seq = d.get("seq");
        Object attempts = d.get("attempts");
        return new OutboxItem(d.getString("_id"), seq instanceof Number n ? n.longValue() : 0L, d.getString("chat"),
                d.getString("respondent"), attempts instanceof Number n ? n.intValue() : 0,
                instantOr(d, "notBefore", Instant.EPOCH), instantOr(d, "createdAt", Instant.EPOCH),
                d.getString(OutboxLeases.CLAIMED_BY), instantOr(d, OutboxLeases.LEASE_UNTIL, null),
                Boolean.TRUE.equals(d.getBoolean("attempted")), kind);
    }

    static List<OutboxItem> fromDocuments(List<Document> docs) {
        List<OutboxItem> out = new ArrayList<>(docs.size());
        for (Document d : docs) {
            out.add(fromDocument(d));
        }
        return out;
    }

    /** A WhatsApp item without its window's end (never written so): treated as closed, nothing free may go. */
    private static Instant instant(Document d, String field) {
        return instantOr(d, field, Instant.EPOCH);
    }

    private static Instant instantOr(Document d, String field, Instant fallback) {
        Date date = d.getDate(field);
        return date == null ? fallback : date.toInstant();
    }
}
