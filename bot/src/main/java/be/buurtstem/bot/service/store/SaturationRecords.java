package be.buurtstem.bot.service.store;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import org.bson.Document;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

/**
 * What saturation keeps, the only place that knows its fields: {@code saturation_scopes}
 * ({@code {_id: questionnaire, startedAt}}: when collection started, so the silence rule survives restarts) and
 * {@code alerts} ({@code {_id: key, questionnaire, type, field, value, text, at, sent}}: each event to the
 * organisers once, by its key).
 */
public final class SaturationRecords {
    private final MongoCollection<Document> scopes;
    private final MongoCollection<Document> alerts;

    SaturationRecords(MongoDatabase db) {
        this.scopes = db.getCollection("saturation_scopes");
        this.alerts = db.getCollection("alerts");
    }

    /** An alert recorded but maybe not yet handed over. */
    public record Alert(String key, String text) {
    }

    /** When collection started for a questionnaire: {@code now} the first time it is asked, kept from then on. */
    public Instant startedAt(String questionnaire, Instant now) {
        Document d = scopes.findOneAndUpdate(Filters.eq("_id", questionnaire),
                Updates.setOnInsert("startedAt", Date.from(now)),
                new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
        return d == null || d.getDate("startedAt") == null ? now : d.getDate("startedAt").toInstant();
    }

    /** An alert as the organisers received it, for the saturation page. */
    public record Sent(String text, Instant at) {
    }

    /**
     * Records an alert under its key, not yet sent; false when that key was recorded before (nothing written).
     * {@code texts} holds the same alert in the pages' languages (nl, fr, en) for the saturation page.
     */
    public boolean recordAlert(String key, String questionnaire, String type, String field, String value, String text,
                               java.util.Map<String, String> texts, Instant at) {
        try {
            Document inLanguages = new Document();
            texts.forEach(inLanguages::append);
            alerts.insertOne(new Document("_id", key).append("questionnaire", questionnaire).append("type", type)
                    .append("field", field).append("value", value).append("text", text).append("texts", inLanguages)
                    .append("at", Date.from(at)).append("sent", false));
            return true;
        } catch (MongoWriteException dup) {
            if (dup.getError().getCode() == 11000) {
                return false;
            }
            throw dup;
        }
    }

    public void alertSent(String key) {
        alerts.updateOne(Filters.eq("_id", key), Updates.set("sent", true));
    }

    /** Alerts recorded but not marked sent (a crash between the two). */
    public List<Alert> unsentAlerts() {
        List<Alert> out = new ArrayList<>();
        alerts.find(Filters.eq("sent", false)).forEach(d -> out.add(new Alert(d.getString("_id"), d.getString("text"))));
        return out;
    }

    /** The latest alerts of a questionnaire, newest first, in {@code language} when kept in it, else as sent. */
    public List<Sent> recentAlerts(String questionnaire, String language, int limit) {
        List<Sent> out = new ArrayList<>();
        for (Document d : alerts.find(Filters.eq("questionnaire", questionnaire))
                .sort(com.mongodb.client.model.Sorts.descending("at")).limit(limit)) {
            Document texts = d.get("texts", Document.class);
            String text = texts != null && texts.getString(language) != null ? texts.getString(language)
                    : d.getString("text");
            out.add(new Sent(text, d.getDate("at").toInstant()));
        }
        return out;
    }

    public long alertCount() {
        return alerts.countDocuments();
    }
}
