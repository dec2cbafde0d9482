package be.buurtstem.analysis.coding;

import java.util.List;
import java.util.Map;

/**
 * When a service retrains, and what it re-codes afterwards. Pure.
 *
 * @param minNewDecisions retrain once this many analyst decisions have been made since the current model was trained
 */
public record RetrainPolicy(int minNewDecisions) {
    public static final RetrainPolicy DEFAULT = new RetrainPolicy(50);

    public RetrainPolicy {
        if (minNewDecisions < 1) {
            throw new IllegalArgumentException("minNewDecisions must be at least 1");
        }
    }

    /** True when a retraining is due: enough new decisions, or an analyst asked for one (and there is something new). */
    public boolean due(long newDecisionsSinceModel, boolean requested) {
        return newDecisionsSinceModel >= minNewDecisions || (requested && newDecisionsSinceModel > 0);
    }

    /**
     * The answers a new model version re-codes: those no analyst has decided on (decided ones keep their decisions;
     * their machine codes may be refreshed, but {@link Decisions#resolve} keeps the analysts' word).
     */
    public static List<String> toRecode(List<String> answerIds, Map<String, List<AnalystDecision>> decisionsByAnswer) {
        return answerIds.stream().filter(id -> !Decisions.reviewed(decisionsByAnswer.getOrDefault(id, List.of()))).toList();
    }
}
