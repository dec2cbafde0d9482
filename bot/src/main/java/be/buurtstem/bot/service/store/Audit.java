package be.buurtstem.bot.service.store;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import org.bson.Document;

import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code audit} collection: {@code {type, at, details}}, what the service did, with counts and ids that name
 * nobody (never a resident's id or words). Types: {@code respondent_deleted}, {@code retention_run},
 * {@code analyst_decision}, {@code model_trained}, {@code model_promoted}, {@code models_dropped}, and the pages'.
 */
public final class Audit {
    private final MongoCollection<Document> audit;

    Audit(MongoDatabase db) {
        this.audit = db.getCollection("audit");
    }

    public void record(String type, Map<String, ?> details, Instant at) {
        audit.insertOne(new Document("type", type).append("at", Date.from(at))
                .append("details", new Document(new LinkedHashMap<String, Object>(details))));
    }

    /** The highest number in {@code details.<field>} of the entries of a type (0: none). */
    public int highest(String type, String field) {
        Document d = audit.find(Filters.eq("type", type)).sort(Sorts.descending("details." + field)).first();
        return d != null && d.get("details", Document.class).get(field) instanceof Number n ? n.intValue() : 0;
    }

    /**
     * Details of an entry as key, value, key, value...: in that order, a null value kept (as the callers built them
     * before, with documents), so the pages need no BSON type to write one.
     */
    public static Map<String, Object> details(Object... keysAndValues) {
        if (keysAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("details come in key, value pairs");
        }
        Map<String, Object> out = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            out.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return out;
    }

    public long count(String type) {
        return audit.countDocuments(Filters.eq("type", type));
    }
}
