package be.buurtstem.bot.service.store;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import org.bson.Document;

import java.time.Instant;
import java.util.Date;

/**
 * The {@code whatsapp_waiting} collection: residents whose last replies WhatsApp did not get (the 24-hour window had
 * closed, or a send may or may not have gone through and is not repeated), {@code {_id: respondent id, since}}. Their
 * next message is taken as "carry on" (the question shown again), not as an answer to a question they never saw.
 * Keyed by the pseudonymous respondent id only; removed with the resident.
 */
public final class WhatsAppWaiting {
    static final String NAME = "whatsapp_waiting";
    private final MongoCollection<Document> waiting;

    WhatsAppWaiting(MongoDatabase db) {
        this.waiting = db.getCollection(NAME);
    }

    /** Returns true when the resident was not waiting yet (the first withheld reply). */
    public boolean mark(String respondent, Instant since) {
        if (respondent == null) {
            return false;
        }
        boolean was = waiting.find(Filters.eq("_id", respondent)).first() != null;
        if (!was) {
            waiting.replaceOne(Filters.eq("_id", respondent), new Document("_id", respondent)
                    .append("since", Date.from(since)), new ReplaceOptions().upsert(true));
        }
        return !was;
    }

    public boolean isWaiting(String respondent) {
        return waiting.find(Filters.eq("_id", respondent)).first() != null;
    }

    /** The resident wrote again: no longer waiting. True when they were. */
    public boolean clear(String respondent) {
        return waiting.deleteOne(Filters.eq("_id", respondent)).getDeletedCount() > 0;
    }
}
