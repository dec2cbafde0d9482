package be.buurtstem.analysis.coding;

import be.buurtstem.analysis.answers.Answer;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import static be.buurtstem.analysis.coding.AnalystDecision.Action.*;
import static org.junit.jupiter.api.Assertions.*;

class DecisionsTest {
    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    private static AnalystDecision d(String theme, AnalystDecision.Action a, int minutes) {
        return new AnalystDecision("a1", theme, a, "analyst-1", T0.plusSeconds(60L * minutes));
    }

    @Test
    void decisionsOverruleTheMachineAndTheLatestWins() {
        List<AnalystDecision> ds = List.of(d("traffic", REMOVE, 1), d("youth", ADD, 2), d("safety", CONFIRM, 3));
        assertEquals(Set.of("safety", "youth"), Decisions.resolve(List.of("traffic", "safety"), ds));
        List<AnalystDecision> changedMind = List.of(d("traffic", REMOVE, 5), d("traffic", ADD, 1));
        assertEquals(Set.of(), Decisions.resolve(List.of("traffic"), changedMind), "the later remove wins whatever the list order");
    }

    @Test
    void aNewMachineVersionCannotUndoADecision() {
        List<AnalystDecision> ds = List.of(d("traffic", REMOVE, 1), d("youth", ADD, 2));
        // model v2 codes traffic again and misses youth: the analyst's decisions still stand
        assertEquals(Set.of("green_space", "youth"), Decisions.resolve(List.of("traffic", "green_space"), ds));
        assertTrue(Decisions.reviewed(ds));
        assertFalse(Decisions.reviewed(List.of()));
    }

    @Test
    void labelledAnswerFromDecisions() {
        LabelledAnswer la = LabelledAnswer.fromDecisions(Answer.of("a1", "te veel auto's"), List.of("traffic", "safety"),
                List.of(d("safety", REMOVE, 1)));
        assertEquals(Set.of("traffic"), la.labels());
        assertEquals(LabelledAnswer.Source.ANALYST, la.source());
    }

    @Test
    void retrainingIsDueAfterEnoughDecisionsOrOnRequestAndRecodesOnlyUndecidedAnswers() {
        RetrainPolicy p = new RetrainPolicy(20);
        assertFalse(p.due(19, false));
        assertTrue(p.due(20, false));
        assertTrue(p.due(1, true));
        assertFalse(p.due(0, true), "nothing new to learn from");
        assertEquals(List.of("a2", "a3"), RetrainPolicy.toRecode(List.of("a1", "a2", "a3"),
                java.util.Map.of("a1", List.of(d("traffic", CONFIRM, 1)), "a3", List.of())));
    }
}
