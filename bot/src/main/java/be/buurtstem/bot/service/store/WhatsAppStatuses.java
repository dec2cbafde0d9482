package be.buurtstem.bot.service.store;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import org.bson.Document;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

/**
 * The {@code whatsapp_statuses} collection: what WhatsApp reported about our outbound messages (sent, delivered,
 * read, failed), {@code {message, status, at, error}}. {@code message} is a digest of WhatsApp's message id, never
 * the id itself nor the resident's number: the statuses say how delivery goes, not to whom.
 */
public final class WhatsAppStatuses {
    static final String NAME = "whatsapp_statuses";
    private final MongoCollection<Document> statuses;

    WhatsAppStatuses(MongoDatabase db) {
        this.statuses = db.getCollection(NAME);
    }

    /** One status callback; {@code errorCode} is null unless WhatsApp reported an error. */
    public record Status(String messageDigest, String status, Instant at, Integer errorCode) {
    }

    void createIndexes() {
        statuses.createIndex(Indexes.ascending("message"));
    }

    /** Recorded once per (message, status): a redelivered callback changes nothing. */
    public void record(Status s) {
        Document d = new Document("_id", s.messageDigest() + ":" + s.status()).append("message", s.messageDigest())
                .append("status", s.status()).append("at", Date.from(s.at()));
        if (s.errorCode() != null) {
            d.append("error", s.errorCode());
        }
        statuses.replaceOne(Filters.eq("_id", d.getString("_id")), d,
                new com.mongodb.client.model.ReplaceOptions().upsert(true));
    }

    public List<Status> all() {
        List<Status> out = new ArrayList<>();
        for (Document d : statuses.find()) {
            out.add(new Status(d.getString("message"), d.getString("status"), d.getDate("at").toInstant(),
                    d.getInteger("error")));
        }
        return out;
    }

    public long forgetBefore(Instant cutoff) {
        return statuses.deleteMany(Filters.lt("at", Date.from(cutoff))).getDeletedCount();
    }
}
