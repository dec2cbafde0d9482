package be.buurtstem.bot.service.saturation;

import be.buurtstem.bot.service.store.Store;
import com.mongodb.client.MongoCollection;
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

/**
 * What organisers set for one questionnaire in the saturation page ({@code saturation_settings}, one document per
 * questionnaire): the neighbourhood's make-up per segment field, as entered (shares in percent or numbers of
 * inhabitants; the same {@code field → value → number} as {@link ExpectationsFile}, which stays the service-wide
 * default: a field set here replaces that field of the file for this questionnaire), and thresholds that win over
 * the questionnaire file's {@code saturation:} block. Values are kept as lists, not as document keys, because a
 * group's name may hold a dot or a dollar sign.
 */
public final class ScopeSettings {

    /** The threshold holding the silence rule's delay for this questionnaire, in days. */
    public static final String SILENCE_AFTER_DAYS = "silence_after_days";

    /** How the numbers of a field were entered. */
    public enum Unit { PERCENT, PEOPLE }

    /** One field of the make-up: values with their numbers, in the order entered. */
    public record MakeUpField(Unit unit, Map<String, Double> values) {
        public MakeUpField {
            values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        }
    }

    /**
     * @param makeUp      field → its values, in the order entered
     * @param thresholds  threshold name (as in the questionnaire file's {@code saturation:} block, plus
     *                    {@code silence_after_days}) → value
     */
    public record Entry(Map<String, MakeUpField> makeUp, Map<String, Double> thresholds, Instant changedAt) {
        public static final Entry EMPTY = new Entry(Map.of(), Map.of(), null);

        public Entry {
            makeUp = Collections.unmodifiableMap(new LinkedHashMap<>(makeUp));
            thresholds = Collections.unmodifiableMap(new LinkedHashMap<>(thresholds));
        }

        /** The make-up as shares the analysis reads (numbers are normalised there). */
        public Map<String, Map<String, Double>> shares() {
            Map<String, Map<String, Double>> out = new LinkedHashMap<>();
            makeUp.forEach((f, v) -> out.put(f, v.values()));
            return out;
        }
    }

    private final Store store;
    private final MongoCollection<Document> collection;

    public ScopeSettings(Store store) {
        this.store = store;
        this.collection = store.database().getCollection("saturation_settings");
    }

    public Entry get(String questionnaire) {
        Document d = collection.find(Filters.eq("_id", questionnaire)).first();
        if (d == null) {
            return Entry.EMPTY;
        }
        Map<String, MakeUpField> makeUp = new LinkedHashMap<>();
        for (Document f : d.getList("make_up", Document.class, List.of())) {
            Map<String, Double> values = new LinkedHashMap<>();
            for (Document v : f.getList("values", Document.class, List.of())) {
                values.put(v.getString("value"), ((Number) v.get("amount")).doubleValue());
            }
            makeUp.put(f.getString("field"), new MakeUpField(Unit.valueOf(f.getString("unit")), values));
        }
        Map<String, Double> thresholds = new LinkedHashMap<>();
        for (Document t : d.getList("thresholds", Document.class, List.of())) {
            thresholds.put(t.getString("name"), ((Number) t.get("value")).doubleValue());
        }
        Date at = d.getDate("changedAt");
        return new Entry(makeUp, thresholds, at == null ? null : at.toInstant());
    }

    public void put(String questionnaire, Entry entry, Instant at) {
        List<Document> makeUp = new ArrayList<>();
        entry.makeUp().forEach((field, f) -> {
            List<Document> values = new ArrayList<>();
            f.values().forEach((v, n) -> values.add(new Document("value", v).append("amount", n)));
            makeUp.add(new Document("field", field).append("unit", f.unit().name()).append("values", values));
        });
        List<Document> thresholds = new ArrayList<>();
        entry.thresholds().forEach((n, v) -> thresholds.add(new Document("name", n).append("value", v)));
        collection.replaceOne(Filters.eq("_id", questionnaire), new Document("_id", questionnaire)
                .append("make_up", makeUp).append("thresholds", thresholds).append("changedAt", Date.from(at)),
                new ReplaceOptions().upsert(true));
        store.durability().sync();
    }
}
