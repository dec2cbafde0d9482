package be.buurtstem.bot.service.store;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
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
 * The {@code saturation_settings} collection, the only place that knows its fields: one document per questionnaire,
 * {@code {_id: questionnaire, make_up: [{field, unit, values: [{value, amount}]}], thresholds: [{name, value}],
 * changedAt}}. Values and names are kept in lists, not as document keys, because a group's name may hold a dot or a
 * dollar sign; the lists keep the order they were entered in.
 */
public final class ScopeSettingsRecords {
    static final String COLLECTION = "saturation_settings";
    static final String ID = "_id";
    static final String MAKE_UP = "make_up";
    static final String FIELD = "field";
    static final String UNIT = "unit";
    static final String VALUES = "values";
    static final String VALUE = "value";
    static final String AMOUNT = "amount";
    static final String THRESHOLDS = "thresholds";
    static final String NAME = "name";
    static final String CHANGED_AT = "changedAt";

    private final MongoCollection<Document> settings;
    private final Durability durability;

    ScopeSettingsRecords(MongoDatabase db, Durability durability) {
        this.settings = db.getCollection(COLLECTION);
        this.durability = durability;
    }

    /** One field of the make-up: how it was entered ({@code PERCENT}, {@code PEOPLE}) and its values in order. */
    public record MakeUp(String unit, Map<String, Double> values) {
        public MakeUp {
            values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        }
    }

    /** A questionnaire's settings: make-up per field and thresholds by name, both in the order entered. */
    public record ScopeSettingsRecord(Map<String, MakeUp> makeUp, Map<String, Double> thresholds, Instant changedAt) {
        public ScopeSettingsRecord {
            makeUp = Collections.unmodifiableMap(new LinkedHashMap<>(makeUp));
            thresholds = Collections.unmodifiableMap(new LinkedHashMap<>(thresholds));
        }
    }

    public Optional<ScopeSettingsRecord> of(String questionnaire) {
        Document d = settings.find(Filters.eq(ID, questionnaire)).first();
        if (d == null) {
            return Optional.empty();
        }
        Map<String, MakeUp> makeUp = new LinkedHashMap<>();
        for (Document f : d.getList(MAKE_UP, Document.class, List.of())) {
            Map<String, Double> values = new LinkedHashMap<>();
            for (Document v : f.getList(VALUES, Document.class, List.of())) {
                values.put(v.getString(VALUE), ((Number) v.get(AMOUNT)).doubleValue());
            }
            makeUp.put(f.getString(FIELD), new MakeUp(f.getString(UNIT), values));
        }
        Map<String, Double> thresholds = new LinkedHashMap<>();
        for (Document t : d.getList(THRESHOLDS, Document.class, List.of())) {
            thresholds.put(t.getString(NAME), ((Number) t.get(VALUE)).doubleValue());
        }
        Date at = d.getDate(CHANGED_AT);
        return Optional.of(new ScopeSettingsRecord(makeUp, thresholds, at == null ? null : at.toInstant()));
    }

    /** Replaces a questionnaire's settings, synced (an organiser's choice must survive a crash). */
    public void put(String questionnaire, ScopeSettingsRecord s, Instant at) {
        List<Document> makeUp = new ArrayList<>();
        s.makeUp().forEach((field, f) -> {
            List<Document> values = new ArrayList<>();
            f.values().forEach((v, n) -> values.add(new Document(VALUE, v).append(AMOUNT, n)));
            makeUp.add(new Document(FIELD, field).append(UNIT, f.unit()).append(VALUES, values));
        });
        List<Document> thresholds = new ArrayList<>();
        s.thresholds().forEach((n, v) -> thresholds.add(new Document(NAME, n).append(VALUE, v)));
        settings.replaceOne(Filters.eq(ID, questionnaire), new Document(ID, questionnaire)
                        .append(MAKE_UP, makeUp).append(THRESHOLDS, thresholds).append(CHANGED_AT, Date.from(at)),
                new ReplaceOptions().upsert(true));
        durability.sync();
    }
}
