package be.buurtstem.bot.service.coding;

import be.buurtstem.analysis.coding.AnalystDecision;
import be.buurtstem.bot.service.store.AnswerRecord;
import be.buurtstem.bot.service.store.Decisions;
import be.buurtstem.bot.service.store.Store;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Analysts' decisions (the {@code codings} collection, {@link Decisions}), as coding and the analysts' API use them. */
public final class DecisionStore {
    private final Decisions decisions;

    public DecisionStore(Store store) {
        this.decisions = store.decisions();
    }

    /** Stores a decision on an answer; returns its id. */
    public String record(AnswerRecord answer, AnalystDecision d) {
        return decisions.record(answer.answer(), d);
    }

    public List<AnalystDecision> forAnswer(String answerId) {
        return decisions.forAnswer(answerId);
    }

    /** Decisions per answer, in time order; all of them when {@code answerIds} is null. */
    public Map<String, List<AnalystDecision>> byAnswer(Collection<String> answerIds) {
        return decisions.byAnswer(answerIds);
    }

    /** Ids of the answers some analyst decided on. */
    public Set<String> reviewedAnswers() {
        return decisions.reviewedAnswers();
    }

    /** Takes back a decision made by this analyst (an undo); true when it was gone by it. */
    public boolean remove(String decisionId, String analyst) {
        return decisions.remove(decisionId, analyst);
    }

    public long countSince(Instant at) {
        return decisions.countSince(at);
    }
}
