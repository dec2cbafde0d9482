package be.buurtstem.bot.service.store;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every questionnaire version ever served, in {@code questionnaires}: {@code {_id: "id:version", id, version, file,
 * source (the YAML), origin, retired, by, loadedAt}} (unique on id and version), so that a resident who started a
 * version finds it again after a restart. The only place that knows these fields.
 */
public final class StoredQuestionnaires {
    private final MongoCollection<Document> questionnaires;

    StoredQuestionnaires(MongoDatabase db) {
        this.questionnaires = db.getCollection("questionnaires");
    }

    /** One stored version: its YAML as it was served. */
    public record Version(String id, int version, String file, String source, Instant loadedAt) {
        public String key() {
            return id + ":" + version;
        }
    }

    /** Stores a version (again: the same id and version are replaced). */
    public void put(Version v) {
        questionnaires.replaceOne(Filters.eq("_id", v.key()), new Document("_id", v.key()).append("id", v.id())
                        .append("version", v.version()).append("file", v.file()).append("source", v.source())
                        .append("loadedAt", Date.from(v.loadedAt())),
                new ReplaceOptions().upsert(true));
    }

    public List<Version> all() {
        List<Version> out = new ArrayList<>();
        questionnaires.find().forEach(d -> {
            Date at = d.getDate("loadedAt");
            out.add(new Version(d.getString("id"), d.getInteger("version", 0), d.getString("file"),
                    d.getString("source"), at == null ? null : at.toInstant()));
        });
        return out;
    }

    // ---- the catalog's view: where a version came from and whether it is retired -------------------------------

    /**
     * A version as the catalog keeps it. {@code key} is the stored id as text (normally "id:version");
     * {@code origin} null for versions stored before it was kept.
     */
    public record Served(String key, String id, int version, String file, String source, String origin,
                         boolean retired, String by, Instant loadedAt) {
    }

    /** Stores a newly served version, not retired (again: the same id and version are replaced). */
    public void serve(Served s) {
        String key = s.id() + ":" + s.version();
        questionnaires.replaceOne(Filters.eq("_id", key),
                new Document("_id", key).append("id", s.id()).append("version", s.version())
                        .append("file", s.file()).append("source", s.source()).append("origin", s.origin())
                        .append("retired", s.retired()).append("by", s.by())
                        .append("loadedAt", Date.from(s.loadedAt())),
                new ReplaceOptions().upsert(true));
    }

    /** A known version published again: from {@code origin} now, and served again if it was retired. */
    public void servedAgain(String key, String origin) {
        questionnaires.updateOne(Filters.eq("_id", key),
                Updates.combine(Updates.set("origin", origin), Updates.set("retired", false)));
    }

    public void retire(String key, boolean retired) {
        questionnaires.updateOne(Filters.eq("_id", key), Updates.set("retired", retired));
    }

    /** Every stored version with all it holds (the source too: read at start). */
    public List<Served> served() {
        List<Served> out = new ArrayList<>();
        questionnaires.find().forEach(d -> out.add(served(d)));
        return out;
    }

    public Optional<Served> served(String key) {
        return Optional.ofNullable(questionnaires.find(Filters.eq("_id", key)).first())
                .map(StoredQuestionnaires::served);
    }

    /**
     * Every stored key with its retired flag, without the sources (read every scan to see other instances'
     * changes; it walks the collection, which holds one small document per version). Keys that are not text are
     * left out.
     */
    public Map<String, Boolean> retiredFlags() {
        Map<String, Boolean> out = new LinkedHashMap<>();
        questionnaires.find().projection(Projections.include("_id", "retired")).forEach(d -> {
            if (d.get("_id") instanceof String key) {
                out.put(key, Boolean.TRUE.equals(d.getBoolean("retired")));
            }
        });
        return out;
    }

    private static Served served(Document d) {
        Date at = d.getDate("loadedAt");
        // read leniently: a document the catalog cannot use is reported by it as unreadable, not thrown here
        return new Served(String.valueOf(d.get("_id")), text(d, "id"), d.get("version") instanceof Number n
                ? n.intValue() : 0, text(d, "file"), text(d, "source"), text(d, "origin"),
                Boolean.TRUE.equals(d.get("retired")), text(d, "by"), at == null ? null : at.toInstant());
    }

    private static String text(Document d, String field) {
        return d.get(field) instanceof String s ? s : null;
    }
}
