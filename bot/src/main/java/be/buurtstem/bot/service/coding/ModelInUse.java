package be.buurtstem.bot.service.coding;

import be.buurtstem.analysis.coding.CoderTrainer;
import be.buurtstem.analysis.coding.Promotion;
import be.buurtstem.bot.service.store.Store;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Optional;

/**
 * Which model version is in use (the promotion rule). One pointer document in {@code model_in_use}
 * ({@code {_id: "in_use", version, at, by}}; version 0 is the codebook's keyword coder alone) and, on each version's
 * {@code models} record, the rule's verdict ({@code promotion}) and, once put in use, {@code promoted_at} and
 * {@code promoted_by}. A record without {@code promotion} was saved before the rule, when every new version was put
 * in use: it counts as promoted. When the pointer's version is gone (dropped after a deletion), the version promoted
 * most recently before it is used; with none, the keywords.
 */
public final class ModelInUse {
    static final String PROMOTION = "promotion";
    static final String PROMOTED_AT = "promoted_at";
    static final String PROMOTED_BY = "promoted_by";
    private static final String POINTER = "in_use";

    private final MongoCollection<Document> pointer;
    private final MongoCollection<Document> models;
    private final ModelRegistry registry;

    public ModelInUse(Store store, ModelRegistry registry) {
        this.pointer = store.database().getCollection("model_in_use");
        this.models = store.database().getCollection("models");
        this.registry = registry;
    }

    /** The model to use: the pointer's version, else the latest promoted one whose file loads; empty: keywords. */
    public Optional<CoderTrainer.Trained> load() {
        for (int version : candidates()) {
            Optional<CoderTrainer.Trained> t = registry.load(version);
            if (t.isPresent()) {
                return t;
            }
        }
        return Optional.empty();
    }

    /** The versions to try, best first (none: the keywords alone). */
    List<Integer> candidates() {
        List<Integer> out = new ArrayList<>();
        Document p = pointer.find(Filters.eq("_id", POINTER)).first();
        Integer named = p == null ? null : p.getInteger("version");
        if (named != null && named == 0) {
            return out; // an analyst chose the keywords
        }
        // the pointer's version only while its record says it was put in use: after a drop and a retraining the
        // number may have been given again to a version the rule kept aside
        if (named != null && registry.record(named).filter(ModelInUse::wasPromoted).isPresent()) {
            out.add(named);
        }
        List<Document> promoted = new ArrayList<>();
        for (Document d : registry.list()) {
            if (wasPromoted(d) && !out.contains(d.getInteger("_id"))) {
                promoted.add(d);
            }
        }
        promoted.sort(Comparator.comparing((Document d) -> d.getDate(PROMOTED_AT) == null ? new Date(0)
                : d.getDate(PROMOTED_AT)).thenComparing(d -> d.getInteger("_id")).reversed());
        promoted.forEach(d -> out.add(d.getInteger("_id")));
        return out;
    }

    static boolean wasPromoted(Document record) {
        return record.get(PROMOTED_AT) != null || !record.containsKey(PROMOTION);
    }

    /** Puts a version in use (0: the keywords alone): its record says when and by whom, the pointer names it. */
    public void put(int version, String by, Instant at) {
        if (version != 0) {
            models.updateOne(Filters.eq("_id", version), Updates.combine(Updates.set(PROMOTED_AT, Date.from(at)),
                    Updates.set(PROMOTED_BY, by)));
        }
        pointer.replaceOne(Filters.eq("_id", POINTER), new Document("_id", POINTER).append("version", version)
                .append("at", Date.from(at)).append("by", by), new ReplaceOptions().upsert(true));
    }

    /** The fields the rule's verdict adds to a new version's record. */
    public static Document promotionFields(Promotion p, Instant at) {
        Document d = new Document("decision", p.promoted() ? "promote" : "keep").append("reason", p.reason())
                .append("compared_with", p.current()).append("held_out_answers", p.heldOut())
                .append("scores", scores(p.candidateScores())).append("compared_scores", scores(p.currentScores()))
                .append("decided_at", Date.from(at));
        return new Document(PROMOTION, d);
    }

    private static Document scores(Promotion.Scores s) {
        if (s == null) {
            return null;
        }
        return new Document("microF1", round(s.microF1())).append("microPrecision", round(s.microPrecision()))
                .append("microRecall", round(s.microRecall())).append("macroF1", round(s.macroF1()))
                .append("kappa", round(s.kappa()));
    }

    private static double round(double v) {
        return Math.round(v * 10000) / 10000.0;
    }

    /** How a version shows to analysts: {@code in_use}, {@code promoted} (earlier, not now) or {@code not_promoted}. */
    public static String status(Document record, int inUse) {
        if (record.getInteger("_id") == inUse) {
            return "in_use";
        }
        return wasPromoted(record) ? "promoted" : "not_promoted";
    }
}
