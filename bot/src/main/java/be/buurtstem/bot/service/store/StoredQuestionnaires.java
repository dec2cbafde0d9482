package be.buurtstem.bot.service.store;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import org.bson.Document;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

/**
 * Every questionnaire version ever served, in {@code questionnaires}: {@code {_id: "id:version", id, version, file,
 * source (the YAML), loadedAt}} (unique on id and version), so that a resident who started a version finds it
 * again after a restart. The only place that knows these fields.
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
}
