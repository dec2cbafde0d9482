package be.buurtstem.bot.service.store;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The coders' records, the only place that knows their fields:
 * <ul>
 * <li>{@code models}: {@code {_id: version, <ModelInfo fields>, file, trained_on, promotion, promoted_at,
 * promoted_by}} ({@link ModelRecord});</li>
 * <li>{@code model_in_use}: {@code {_id: "in_use", version, at, by}} ({@link Pointer}; version 0: the keywords);</li>
 * <li>{@code counters}: {@code {_id: "model_version", last}}, the last version number given: it only ever grows,
 * so a number never names two models (a version dropped after a deletion keeps its number).</li>
 * </ul>
 */
public final class Models {
    private static final String POINTER = "in_use";
    private static final String COUNTER = "model_version";
    public static final String PROMOTION = "promotion";
    public static final String PROMOTED_AT = "promoted_at";
    public static final String PROMOTED_BY = "promoted_by";
    public static final String TRAINED_ON = "trained_on";

    private final MongoCollection<Document> models;
    private final MongoCollection<Document> pointer;
    private final MongoCollection<Document> counters;
    private final Audit audit;

    Models(MongoDatabase db, Audit audit) {
        this.models = db.getCollection("models");
        this.pointer = db.getCollection("model_in_use");
        this.counters = db.getCollection("counters");
        this.audit = audit;
    }

    /** The version in use as last put, if any. */
    public record Pointer(int version, Instant at, String by) {
    }

    /**
     * A new version number, higher than any given before: also higher than a version since dropped, and than any a
     * store made before the counter holds (its records, its {@code model_trained} audit).
     */
    public int nextVersion() {
        int floor = Math.max(highestStored(), audit.highest("model_trained", "version"));
        counters.updateOne(Filters.eq("_id", COUNTER), Updates.max("last", floor), new UpdateOptions().upsert(true));
        Document d = counters.findOneAndUpdate(Filters.eq("_id", COUNTER), Updates.inc("last", 1),
                new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
        return ((Number) d.get("last")).intValue();
    }

    /** The highest version number given so far (0: none). */
    public int lastVersion() {
        Document d = counters.find(Filters.eq("_id", COUNTER)).first();
        int counted = d != null && d.get("last") instanceof Number n ? n.intValue() : 0;
        return Math.max(counted, Math.max(highestStored(), audit.highest("model_trained", "version")));
    }

    private int highestStored() {
        Document d = models.find().sort(Sorts.descending("_id")).first();
        return d == null ? 0 : d.getInteger("_id");
    }

    /**
     * Stores a version's record: {@code infoJson} (the trainer's ModelInfo as JSON), its file's name, the fingerprints
     * it learnt from and further fields (the promotion verdict, {@link #promotionFields}).
     */
    public void insert(int version, String infoJson, String file, List<String> trainedOn,
                       Map<String, Object> more) {
        Document record = Document.parse(infoJson);
        record.put("_id", version);
        record.put("file", file);
        record.put(TRAINED_ON, trainedOn);
        record.putAll(more);
        models.insertOne(record);
    }

    public void remove(int version) {
        models.deleteOne(Filters.eq("_id", version));
    }

    /** All records, newest first. */
    public List<ModelRecord> list() {
        List<ModelRecord> out = new ArrayList<>();
        models.find().sort(Sorts.descending("_id")).forEach(d -> out.add(read(d)));
        return out;
    }

    public Optional<ModelRecord> record(int version) {
        return Optional.ofNullable(models.find(Filters.eq("_id", version)).first()).map(Models::read);
    }

    /** Puts a version in use: its record says when and by whom (not for 0), the pointer names it. */
    public void putInUse(int version, String by, Instant at) {
        if (version != 0) {
            models.updateOne(Filters.eq("_id", version), Updates.combine(Updates.set(PROMOTED_AT, Date.from(at)),
                    Updates.set(PROMOTED_BY, by)));
        }
        pointer.replaceOne(Filters.eq("_id", POINTER), new Document("_id", POINTER).append("version", version)
                .append("at", Date.from(at)).append("by", by), new ReplaceOptions().upsert(true));
    }

    public Optional<Pointer> inUse() {
        Document p = pointer.find(Filters.eq("_id", POINTER)).first();
        if (p == null || p.getInteger("version") == null) {
            return Optional.empty();
        }
        Date at = p.getDate("at");
        return Optional.of(new Pointer(p.getInteger("version"), at == null ? null : at.toInstant(), p.getString("by")));
    }

    static ModelRecord read(Document d) {
        Map<String, Object> fields = new LinkedHashMap<>(d);
        fields.remove("_id");
        Document promotion = d.get(PROMOTION, Document.class);
        Date promotedAt = d.getDate(PROMOTED_AT);
        List<String> on = d.getList(TRAINED_ON, String.class);
        return new ModelRecord(d.getInteger("_id"), d.get("trainedAt"), number(d, "examples"), number(d, "synthetic"),
                on == null ? null : List.copyOf(on), promotion == null ? null : Collections.unmodifiableMap(promotion),
                promotedAt == null ? null : promotedAt.toInstant(), d.getString(PROMOTED_BY),
                Collections.unmodifiableMap(fields));
    }

    private static long number(Document d, String field) {
        return d.get(field) instanceof Number n ? n.longValue() : 0;
    }
}
