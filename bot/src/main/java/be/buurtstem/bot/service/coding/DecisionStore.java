package be.buurtstem.bot.service.coding;

import be.buurtstem.analysis.coding.AnalystDecision;
import be.buurtstem.bot.service.store.AnswerRecord;
import be.buurtstem.bot.service.store.Decisions;
import be.buurtstem.bot.service.store.Store;
import be.buurtstem.bot.service.store.ThemeRelabels;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Analysts' decisions (the {@code codings} collection, {@link Decisions}), as coding and the analysts' API use them. */
public final class DecisionStore {
    private final Decisions decisions;
    private final ThemeRelabels relabels;

    public DecisionStore(Store store) {
        this.decisions = store.decisions();
        this.relabels = store.themeRelabels();
    }

    /** Stores a decision on an answer; returns its id. The answer leaves the review queue of a codebook split. */
    public String record(AnswerRecord answer, AnalystDecision d) {
        String id = decisions.record(answer.answer(), d);
        relabels.clearReview(answer.id());
        return id;
    }

    public List<AnalystDecision> forAnswer(String answerId) {
        return decisions.forAnswer(answerId);
    }

    /** Decisions per answer, in time order; all of them when {@code answerIds} is null. */
    public Map<String, List<AnalystDecision>> byAnswer(Collection<String> answerIds) {
        return decisions.byAnswer(answerIds);
    }

    /** Decisions per answer on the answers to one questionnaire (all: null), in time order. */
    public Map<String, List<AnalystDecision>> byAnswerOf(String questionnaire) {
        return decisions.byAnswerOf(questionnaire);
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
