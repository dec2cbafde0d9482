package be.buurtstem.bot.service.coding;

import be.buurtstem.analysis.coding.CoderTrainer;
import be.buurtstem.analysis.coding.Promotion;
import be.buurtstem.bot.service.store.ModelRecord;
import be.buurtstem.bot.service.store.Models;
import be.buurtstem.bot.service.store.Store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
    static final String PROMOTION = Models.PROMOTION;

    private final Models models;
    private final ModelRegistry registry;

    public ModelInUse(Store store, ModelRegistry registry) {
        this.models = store.models();
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
        Integer named = models.inUse().map(Models.Pointer::version).orElse(null);
        if (named != null && named == 0) {
            return out; // an analyst chose the keywords
        }
        // the pointer's version only while its record says it was put in use (a store from before the numbers only
        // grew may have given a dropped version's number again to one the rule kept aside)
        if (named != null && registry.record(named).filter(ModelInUse::wasPromoted).isPresent()) {
            out.add(named);
        }
        List<ModelRecord> promoted = new ArrayList<>();
        for (ModelRecord d : registry.list()) {
            if (wasPromoted(d) && !out.contains(d.version())) {
                promoted.add(d);
            }
        }
        promoted.sort(Comparator.comparing((ModelRecord d) -> d.promotedAt() == null ? Instant.EPOCH : d.promotedAt())
                .thenComparing(ModelRecord::version).reversed());
        promoted.forEach(d -> out.add(d.version()));
        return out;
    }

    static boolean wasPromoted(ModelRecord record) {
        return record.promotedAt() != null || record.promotion() == null;
    }

    /** Puts a version in use (0: the keywords alone): its record says when and by whom, the pointer names it. */
    public void put(int version, String by, Instant at) {
        models.putInUse(version, by, at);
    }

    /** Who put the version in use last ({@code "rule"}: the promotion rule) and when; empty before any was. */
    public Optional<Models.Pointer> pointer() {
        return models.inUse();
    }

    /** Who put a version in use when the promotion rule did it (an analyst's promotion names the account). */
    public static final String BY_RULE = "rule";

    /** The fields the rule's verdict adds to a new version's record. */
    public static Map<String, Object> promotionFields(Promotion p, Instant at) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("decision", p.promoted() ? "promote" : "keep");
        d.put("reason", p.reason());
        d.put("compared_with", p.current());
        d.put("held_out_answers", p.heldOut());
        d.put("scores", scores(p.candidateScores()));
        d.put("compared_scores", scores(p.currentScores()));
        d.put("decided_at", Date.from(at));
        return Map.of(PROMOTION, d);
    }

    private static Map<String, Object> scores(Promotion.Scores s) {
        if (s == null) {
            return null;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("microF1", round(s.microF1()));
        m.put("microPrecision", round(s.microPrecision()));
        m.put("microRecall", round(s.microRecall()));
        m.put("macroF1", round(s.macroF1()));
        m.put("kappa", round(s.kappa()));
        return m;
    }

    private static double round(double v) {
        return Math.round(v * 10000) / 10000.0;
    }

    /** How a version shows to analysts: {@code in_use}, {@code promoted} (earlier, not now) or {@code not_promoted}. */
    public static String status(ModelRecord record, int inUse) {
        if (record.version() == inUse) {
            return "in_use";
        }
        return wasPromoted(record) ? "promoted" : "not_promoted";
    }
}
