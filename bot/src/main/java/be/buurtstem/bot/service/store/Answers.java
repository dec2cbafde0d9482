package be.buurtstem.bot.service.store;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.WriteModel;
import org.bson.Document;

import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code answers} collection as the conversation writes it: the answer document's schema in one place. Fields:
 * {@code respondent}, {@code questionnaire}, {@code version}, {@code question}, {@code round}, {@code kind},
 * {@code value}, {@code text}, {@code language}, {@code segment}, {@code block}, {@code segments}, {@code channel},
 * {@code codes} (empty, filled by coding), {@code at}, {@code receivedAt}.
 */
public final class Answers {
    private static final ReplaceOptions UPSERT = new ReplaceOptions().upsert(true);
    private final MongoCollection<Document> answers;

    Answers(MongoDatabase db) {
        this.answers = db.getCollection("answers");
    }

    /** Stores the answers of one message in one round trip; each under its deterministic id (a replay is a no-op). */
    public List<Document> putAll(List<StoredAnswer> list) {
        List<Document> docs = new ArrayList<>(list.size());
        List<WriteModel<Document>> writes = new ArrayList<>(list.size());
        for (StoredAnswer a : list) {
            Document d = document(a);
            docs.add(d);
            writes.add(new ReplaceOneModel<>(Filters.eq("_id", a.id()), d, UPSERT));
        }
        if (!writes.isEmpty()) {
            answers.bulkWrite(writes);
        }
        return docs;
    }

    /** The stored document of an answer (what {@code AnswerListener}s are given). */
    public static Document document(StoredAnswer a) {
        return new Document("_id", a.id()).append("respondent", a.respondent()).append("questionnaire", a.questionnaire())
                .append("version", a.version()).append("question", a.question()).append("round", a.round())
                .append("kind", a.kind()).append("value", toBson(a.value())).append("text", a.text())
                .append("language", a.language()).append("segment", a.segment()).append("block", a.block())
                .append("segments", new Document(new LinkedHashMap<String, Object>(a.segments())))
                .append("channel", a.channel()).append("codes", List.of()).append("at", Date.from(a.at()))
                .append("receivedAt", Date.from(a.receivedAt()));
    }

    /** A stored answer document read back (codes and coding, written by theme coding, are not part of it). */
    public static StoredAnswer read(Document d) {
        Map<String, String> segments = new LinkedHashMap<>();
        Document s = d.get("segments", Document.class);
        if (s != null) {
            s.forEach((k, v) -> segments.put(k, v == null ? null : String.valueOf(v)));
        }
        java.util.Date at = d.getDate("at");
        java.util.Date received = d.getDate("receivedAt");
        return new StoredAnswer(d.getString("_id"), d.getString("respondent"), d.getString("questionnaire"),
                d.getInteger("version", 1), d.getString("question"), d.getInteger("round", 0), d.getString("kind"),
                fromBson(d.get("value")), d.getString("text"), d.getString("language"), d.getString("segment"),
                d.getString("block"), java.util.Collections.unmodifiableMap(segments), d.getString("channel"),
                at == null ? null : at.toInstant(), received == null ? null : received.toInstant());
    }

    private static Object fromBson(Object value) {
        if (value instanceof Document d) {
            Map<String, Object> map = new LinkedHashMap<>();
            d.forEach((k, v) -> map.put(k, fromBson(v)));
            return map;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(Answers::fromBson).toList();
        }
        return value;
    }

    /** The engine's values as BSON: maps as documents, lists item by item, big decimals as doubles. */
    static Object toBson(Object value) {
        if (value instanceof Map<?, ?> map) {
            Document d = new Document();
            map.forEach((k, v) -> d.put(String.valueOf(k), toBson(v)));
            return d;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(Answers::toBson).toList();
        }
        if (value instanceof java.math.BigDecimal bd) {
            return bd.doubleValue();
        }
        return value;
    }
}
