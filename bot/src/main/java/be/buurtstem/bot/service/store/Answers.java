package be.buurtstem.bot.service.store;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The {@code answers} collection as the conversation writes it: the answer document's schema in one place. Fields:
 * {@code respondent}, {@code questionnaire}, {@code version}, {@code question}, {@code round}, {@code kind},
 * {@code value}, {@code text}, {@code language}, {@code segment}, {@code block}, {@code segments}, {@code channel},
 * {@code codes} (empty, filled by coding), {@code at}, {@code receivedAt}; theme coding adds {@code codes},
 * {@code scores} and {@code coding} ({@link StoredCoding}). Every read and update of answers goes through here.
 */
public final class Answers {
    private static final ReplaceOptions UPSERT = new ReplaceOptions().upsert(true);
    private final MongoCollection<Document> answers;

    Answers(MongoDatabase db) {
        this.answers = db.getCollection("answers");
    }

    /** What the analysts' and coding's reads select: free-text answers, of one questionnaire or all. */
    public record FreeText(String questionnaire, Boolean coded, Collection<String> excluded) {
        public static FreeText all() {
            return new FreeText(null, null, null);
        }

        public static FreeText of(String questionnaire) {
            return new FreeText(questionnaire == null || questionnaire.isBlank() ? null : questionnaire, null, null);
        }

        public FreeText coded(boolean yes) {
            return new FreeText(questionnaire, yes, excluded);
        }

        /** Without these answer ids (those an analyst decided on). */
        public FreeText without(Collection<String> ids) {
            return new FreeText(questionnaire, coded, ids == null || ids.isEmpty() ? null : ids);
        }

        Bson filter() {
            List<Bson> f = new ArrayList<>();
            f.add(Filters.eq("kind", FREE_TEXT));
            if (questionnaire != null) {
                f.add(Filters.eq("questionnaire", questionnaire));
            }
            if (coded != null) {
                f.add(Filters.exists("coding", coded));
            }
            if (excluded != null) {
                f.add(Filters.nin("_id", excluded));
            }
            return Filters.and(f);
        }
    }

    public static final String FREE_TEXT = "free_text";

    /** One answer with its coding. */
    public Optional<AnswerRecord> find(String id) {
        return Optional.ofNullable(answers.find(Filters.eq("_id", id)).first()).map(Answers::record);
    }

    /** The answers with these ids (those still stored). */
    public List<AnswerRecord> find(Collection<String> ids) {
        List<AnswerRecord> out = new ArrayList<>();
        if (!ids.isEmpty()) {
            answers.find(Filters.in("_id", ids)).forEach(d -> out.add(record(d)));
        }
        return out;
    }

    /** Which of these ids are still stored. */
    public Set<String> present(Collection<String> ids) {
        Set<String> out = new HashSet<>();
        if (!ids.isEmpty()) {
            answers.find(Filters.in("_id", ids)).projection(Projections.include("_id"))
                    .forEach(d -> out.add(d.getString("_id")));
        }
        return out;
    }

    public long count(FreeText which) {
        return answers.countDocuments(which.filter());
    }

    /** A page of the selected answers, oldest first. */
    public List<AnswerRecord> page(FreeText which, long skip, int limit) {
        List<AnswerRecord> out = new ArrayList<>();
        answers.find(which.filter()).sort(Sorts.ascending("receivedAt", "_id")).skip((int) skip).limit(limit)
                .forEach(d -> out.add(record(d)));
        return out;
    }

    /** Each selected answer, oldest first, one at a time (an export, a sweep: never all in memory). */
    public void each(FreeText which, Consumer<AnswerRecord> action) {
        answers.find(which.filter()).sort(Sorts.ascending("receivedAt", "_id")).forEach(d -> action.accept(record(d)));
    }

    /**
     * Each selected answer grouped by respondent (then questionnaire, oldest first), one at a time: a REFI-QDA
     * export makes one source of a resident's answers without holding anyone else's.
     */
    public void eachByRespondent(FreeText which, Consumer<AnswerRecord> action) {
        answers.find(which.filter()).sort(Sorts.ascending("respondent", "questionnaire", "receivedAt", "_id"))
                .forEach(d -> action.accept(record(d)));
    }

    /** Each selected answer without its words (text and value: what saturation counts), oldest first. */
    public void eachWithoutWords(FreeText which, Consumer<AnswerRecord> action) {
        answers.find(which.filter()).projection(Projections.exclude("text", "value", "scores"))
                .sort(Sorts.ascending("receivedAt", "_id")).forEach(d -> action.accept(record(d)));
    }

    /**
     * Each selected answer without its text and value, oldest first, narrowed in the store to one question and one
     * chosen language when given (null: any): what the analysts' pages filter and sort on before reading the words of
     * the few answers they show.
     */
    public void eachWithoutText(FreeText which, String question, String language, Consumer<AnswerRecord> action) {
        List<Bson> f = new ArrayList<>();
        f.add(which.filter());
        if (question != null) {
            f.add(Filters.eq("question", question));
        }
        if (language != null) {
            f.add(Filters.eq("language", language));
        }
        answers.find(Filters.and(f)).projection(Projections.exclude("text", "value"))
                .sort(Sorts.ascending("receivedAt", "_id")).forEach(d -> action.accept(record(d)));
    }

    /** The ids of the selected answers, oldest first. */
    public List<String> ids(FreeText which) {
        List<String> out = new ArrayList<>();
        answers.find(which.filter()).projection(Projections.include("_id")).sort(Sorts.ascending("receivedAt", "_id"))
                .forEach(d -> out.add(d.getString("_id")));
        return out;
    }

    /** The segment names found on the selected answers (export columns). */
    public Set<String> segmentNames(FreeText which) {
        Set<String> out = new LinkedHashSet<>();
        answers.find(which.filter()).projection(Projections.include("segments")).forEach(d -> {
            Document seg = d.get("segments", Document.class);
            if (seg != null) {
                out.addAll(seg.keySet());
            }
        });
        return out;
    }

    /**
     * The selected answers of every kind, oldest first, in batches of at most {@code batch} (an export: a cursor,
     * never all in memory; a batch lets the caller read the decisions of its answers in one query).
     */
    public void eachBatch(AnswerSelection which, int batch, Consumer<List<AnswerRecord>> action) {
        List<AnswerRecord> buffer = new ArrayList<>(batch);
        try (var cursor = answers.find(which.filter()).sort(Sorts.ascending("receivedAt", "_id")).batchSize(batch)
                .cursor()) {
            while (cursor.hasNext()) {
                buffer.add(record(cursor.next()));
                if (buffer.size() == batch) {
                    action.accept(List.copyOf(buffer));
                    buffer.clear();
                }
            }
        }
        if (!buffer.isEmpty()) {
            action.accept(List.copyOf(buffer));
        }
    }

    /** The segment names found on the selected answers (an export's columns, named before its first row). */
    public Set<String> segmentNames(AnswerSelection which) {
        Set<String> out = new java.util.TreeSet<>();
        answers.find(which.filter()).projection(Projections.include("segments")).forEach(d -> {
            Document seg = d.get("segments", Document.class);
            if (seg != null) {
                out.addAll(seg.keySet());
            }
        });
        return out;
    }

    /**
     * Writes an answer's machine coding; {@code onlyIfUncoded}: only when it has none yet (a first coding happens once).
     * True when written.
     */
    public boolean writeCoding(String id, StoredCoding c, boolean onlyIfUncoded) {
        return answers.updateOne(codingFilter(id, onlyIfUncoded), codingUpdate(c)).getMatchedCount() > 0;
    }

    /**
     * Writes the machine codings of a batch of answers in one unordered bulk write (the coding worker); with
     * {@code onlyIfUncoded} each only when it has none yet. Returns how many were written; an answer deleted meanwhile
     * is not recreated.
     */
    public int writeCodings(Map<String, StoredCoding> codings, boolean onlyIfUncoded) {
        if (codings.isEmpty()) {
            return 0;
        }
        List<com.mongodb.client.model.WriteModel<Document>> writes = new ArrayList<>(codings.size());
        codings.forEach((id, c) -> writes.add(new com.mongodb.client.model.UpdateOneModel<>(
                codingFilter(id, onlyIfUncoded), codingUpdate(c))));
        return answers.bulkWrite(writes, new com.mongodb.client.model.BulkWriteOptions().ordered(false))
                .getMatchedCount();
    }

    /** Which of these answers exist and have no machine coding yet: one query. */
    public Set<String> uncodedAmong(Collection<String> ids) {
        Set<String> out = new HashSet<>();
        if (!ids.isEmpty()) {
            answers.find(Filters.and(Filters.in("_id", ids), Filters.exists("coding", false)))
                    .projection(Projections.include("_id")).forEach(d -> out.add(d.getString("_id")));
        }
        return out;
    }

    private static Bson codingFilter(String id, boolean onlyIfUncoded) {
        // one flat document, not the driver's {$and: [...]}: the embedded store finds it through the _id index either
        // way, but matches a flat query with less work, once per answer of every coding batch
        return onlyIfUncoded ? new Document("_id", id).append("coding", new Document("$exists", false))
                : Filters.eq("_id", id);
    }

    private static Bson codingUpdate(StoredCoding c) {
        List<Document> codes = new ArrayList<>();
        for (StoredCoding.Code code : c.codes()) {
            codes.add(new Document("theme", code.theme()).append("confidence", code.confidence())
                    .append("coder", code.coder()).append("version", code.version()));
        }
        Document scores = new Document();
        c.scores().forEach(scores::append);
        Document meta = new Document("coder", c.coder()).append("version", c.version()).append("model", c.model())
                .append("at", c.at() == null ? null : Date.from(c.at())).append("language", c.language())
                .append("languageConfidence", c.languageConfidence()).append("languageMismatch", c.languageMismatch());
        return Updates.combine(Updates.set("codes", codes), Updates.set("scores", scores), Updates.set("coding", meta));
    }

    // ---- for retention --------------------------------------------------------------------------------------

    /** When each resident last answered each questionnaire: respondent → questionnaire → latest. */
    public Map<String, Map<String, Instant>> lastAnswered() {
        Map<String, Map<String, Instant>> last = new HashMap<>();
        for (Document a : answers.find().projection(Projections.include("respondent", "questionnaire", "receivedAt",
                "at"))) {
            Date at = a.getDate("receivedAt") != null ? a.getDate("receivedAt") : a.getDate("at");
            if (a.getString("respondent") == null || a.getString("questionnaire") == null || at == null) {
                continue;
            }
            last.computeIfAbsent(a.getString("respondent"), k -> new HashMap<>())
                    .merge(a.getString("questionnaire"), at.toInstant(), (x, y) -> x.isAfter(y) ? x : y);
        }
        return last;
    }

    /** Removes a resident's answers to a questionnaire; returns how many. */
    public long deleteOf(String respondent, String questionnaire) {
        return answers.deleteMany(Filters.and(Filters.eq("respondent", respondent),
                Filters.eq("questionnaire", questionnaire))).getDeletedCount();
    }

    public long countOf(String respondent) {
        return answers.countDocuments(Filters.eq("respondent", respondent));
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

    /**
     * Every answer of a questionnaire to one of these questions, respondent by respondent (the buurtkaart's shared
     * map reads its repeat group's answers; texts come only for the questions asked for).
     */
    public void eachOf(String questionnaire, Collection<String> questions, Consumer<StoredAnswer> action) {
        answers.find(Filters.and(Filters.eq("questionnaire", questionnaire), Filters.in("question", questions)))
                .sort(Sorts.ascending("respondent", "receivedAt", "_id")).forEach(d -> action.accept(read(d)));
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

    /** An answer document with its coding read back. */
    static AnswerRecord record(Document d) {
        return new AnswerRecord(read(d), coding(d));
    }

    private static StoredCoding coding(Document d) {
        Document meta = d.get("coding", Document.class);
        if (meta == null) {
            return null;
        }
        List<StoredCoding.Code> codes = new ArrayList<>();
        if (d.get("codes") instanceof List<?> list) {
            for (Object o : list) {
                if (o instanceof Document c && c.getString("theme") != null) {
                    codes.add(new StoredCoding.Code(c.getString("theme"), number(c.get("confidence")),
                            c.getString("coder"), c.getString("version")));
                }
            }
        }
        Map<String, Double> scores = new LinkedHashMap<>();
        Document s = d.get("scores", Document.class);
        if (s != null) {
            s.forEach((k, v) -> {
                if (v instanceof Number n) {
                    scores.put(k, n.doubleValue());
                }
            });
        }
        Date at = meta.getDate("at");
        return new StoredCoding(List.copyOf(codes), java.util.Collections.unmodifiableMap(scores),
                meta.getString("coder"), meta.getString("version"),
                meta.get("model") instanceof Number n ? n.intValue() : null, at == null ? null : at.toInstant(),
                meta.getString("language"),
                meta.get("languageConfidence") instanceof Number n ? n.doubleValue() : null,
                meta.getBoolean("languageMismatch"));
    }

    private static double number(Object o) {
        return o instanceof Number n ? n.doubleValue() : 0;
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
