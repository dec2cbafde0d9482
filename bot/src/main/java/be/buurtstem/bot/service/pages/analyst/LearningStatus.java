package be.buurtstem.bot.service.pages.analyst;

import be.buurtstem.bot.service.coding.Learning;
import be.buurtstem.bot.service.coding.ModelRegistry;
import be.buurtstem.bot.service.store.ModelRecord;

import java.util.Map;

/**
 * Where the coder's learning stands, as the review queue shows it: a retraining running, decisions until the next
 * one, the version in use, and the newest version with the promotion rule's verdict on it ({@code promote},
 * {@code keep}; null for a version saved before the rule).
 */
public record LearningStatus(boolean training, long decisionsSinceTraining, int retrainAfter, int inUse,
                             Integer latest, String latestDecision, String lastError) {
    static LearningStatus of(Learning learning, ModelRegistry registry) {
        Map<String, Object> s = learning.status();
        ModelRecord newest = registry.list().stream().findFirst().orElse(null);
        Object decision = newest == null || newest.promotion() == null ? null : newest.promotion().get("decision");
        return new LearningStatus(Boolean.TRUE.equals(s.get("training")),
                ((Number) s.get("decisions_since_last_training")).longValue(), ((Number) s.get("retrain_after")).intValue(),
                ((Number) s.get("current_model")).intValue(), newest == null ? null : newest.version(),
                decision == null ? null : decision.toString(), (String) s.get("last_error"));
    }
}
