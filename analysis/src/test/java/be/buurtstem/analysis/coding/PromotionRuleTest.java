package be.buurtstem.analysis.coding;

import be.buurtstem.analysis.answers.Answer;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import static be.buurtstem.analysis.coding.Fixtures.PIPELINE;
import static org.junit.jupiter.api.Assertions.*;

class PromotionRuleTest {
    private static final PromotionRule RULE = PromotionRule.DEFAULT;

    /** Answer i is labelled {safety}; the candidate's held-out codes are given per answer. */
    private static CoderTrainer.CrossValidation cv(List<Set<String>> candidateCodes, LabelledAnswer.Source... sources) {
        List<LabelledAnswer> evaluated = new ArrayList<>();
        List<Map<String, Double>> scores = new ArrayList<>();
        for (int i = 0; i < candidateCodes.size(); i++) {
            LabelledAnswer.Source s = sources.length > i ? sources[i] : LabelledAnswer.Source.ANALYST;
            evaluated.add(new LabelledAnswer(answer(i), Set.of("safety"), s));
            scores.add(Map.of());
        }
        return new CoderTrainer.CrossValidation(evaluated, scores, candidateCodes, Thresholds.uniform(0.5),
                Evaluation.evaluate(evaluated.stream().map(LabelledAnswer::labels).toList(), candidateCodes, Set.of()),
                Map.of());
    }

    private static Answer answer(int i) {
        return new Answer("a" + i, "Geen verlichting 's avonds, het is onveilig.", "r" + i, "wish", "nl", null, Map.of(),
                null, Map.of(), false);
    }

    private static List<Set<String>> codes(int right, int n) {
        List<Set<String>> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(i < right ? Set.of("safety") : Set.of());
        }
        return out;
    }

    private static Function<Answer, Set<String>> current(List<Set<String>> byIndex) {
        Map<String, Set<String>> m = new HashMap<>();
        for (int i = 0; i < byIndex.size(); i++) {
            m.put("a" + i, byIndex.get(i));
        }
        return a -> m.get(a.id());
    }

    @Test
    void aWorseVersionIsKeptWithBothScoresInTheReason() {
        Promotion p = RULE.decide(1, cv(codes(2, 10)), 0, current(codes(8, 10)), a -> false);
        assertEquals(Promotion.Verdict.KEEP, p.verdict());
        assertFalse(p.promoted());
        assertEquals(10, p.heldOut());
        assertEquals(1, p.candidate());
        assertEquals(0, p.current());
        assertEquals(2 * 0.2 / 1.2, p.candidateScores().microF1(), 1e-9);
        assertEquals(2 * 0.8 / 1.8, p.currentScores().microF1(), 1e-9);
        assertEquals(0.2, p.candidateScores().microRecall(), 1e-9);
        assertTrue(p.reason().contains("worse than the keyword coder (cold start)"), p.reason());
        assertTrue(p.reason().contains("micro F1 0.333 against 0.889"), p.reason());
        assertTrue(p.reason().contains("recall 0.20 against 0.80"), p.reason());
    }

    @Test
    void aBetterOrEqualVersionIsPromoted() {
        Promotion better = RULE.decide(3, cv(codes(9, 10)), 2, current(codes(6, 10)), a -> false);
        assertEquals(Promotion.Verdict.PROMOTE, better.verdict(), better.reason());
        assertTrue(better.reason().startsWith("version 3 codes the 10 held-out answers at least as well as version 2"),
                better.reason());
        Promotion tie = RULE.decide(3, cv(codes(6, 10)), 2, current(codes(6, 10)), a -> false);
        assertEquals(Promotion.Verdict.PROMOTE, tie.verdict(), "at least as well: a tie promotes; " + tie.reason());
        Promotion justWorse = RULE.decide(3, cv(codes(5, 10)), 2, current(codes(6, 10)), a -> false);
        assertEquals(Promotion.Verdict.KEEP, justWorse.verdict());
    }

    @Test
    void answersTheVersionInUseLearntFromAreNotCompared() {
        // answers 0-4: the version in use trained on them and knows them by heart; the candidate held them all out
        List<Set<String>> cand = codes(0, 10);
        for (int i = 5; i < 10; i++) {
            cand.set(i, Set.of("safety"));
        }
        List<Set<String>> cur = codes(7, 10);
        Promotion scoredOnAll = RULE.decide(2, cv(cand), 1, current(cur), a -> false);
        assertEquals(Promotion.Verdict.KEEP, scoredOnAll.verdict(), "flattered by its training answers: " + scoredOnAll);
        Promotion fair = RULE.decide(2, cv(cand), 1, current(cur), a -> Integer.parseInt(a.id().substring(1)) < 5);
        assertEquals(5, fair.heldOut());
        assertEquals(Promotion.Verdict.PROMOTE, fair.verdict(), fair.reason());
        assertEquals(1.0, fair.candidateScores().microF1(), 1e-9);
        assertEquals(2 * 0.4 / 1.4, fair.currentScores().microF1(), 1e-9);
    }

    @Test
    void tooFewAnswersToCompareOrNoCrossValidationKeepsTheCandidate() {
        Promotion few = RULE.decide(4, cv(codes(4, 4)), 0, current(codes(0, 4)), a -> false);
        assertEquals(Promotion.Verdict.KEEP, few.verdict());
        assertEquals(4, few.heldOut());
        assertNull(few.candidateScores());
        assertTrue(few.reason().contains("only 4 analysed answer(s)"), few.reason());
        Promotion none = RULE.decide(4, null, 3, a -> Set.of(), a -> false);
        assertEquals(Promotion.Verdict.KEEP, none.verdict());
        assertTrue(none.reason().contains("not cross-validated"), none.reason());
        Promotion allSeen = RULE.decide(4, cv(codes(10, 10)), 3, current(codes(0, 10)), a -> true);
        assertEquals(Promotion.Verdict.KEEP, allSeen.verdict(), "version 3 learnt from every answer: no fair test");
        assertEquals(0, allSeen.heldOut());
        assertThrows(IllegalArgumentException.class, () -> new PromotionRule(0));
    }

    @Test
    void syntheticExamplesAreNeverCompared() {
        LabelledAnswer.Source[] src = new LabelledAnswer.Source[10];
        java.util.Arrays.fill(src, LabelledAnswer.Source.SYNTHETIC);
        Promotion p = RULE.decide(1, cv(codes(10, 10), src), 0, current(codes(0, 10)), a -> false);
        assertEquals(0, p.heldOut());
        assertEquals(Promotion.Verdict.KEEP, p.verdict());
    }

    @Test
    void againstTheKeywordCoderTheCandidateIsScoredOnItsOwnCrossValidatedAnswers() {
        // a real training on the fixture: the candidate's side of the comparison is exactly its cross-validation
        List<LabelledAnswer> data = Fixtures.labelled(Fixtures.answers());
        KeywordCoder kw = new KeywordCoder(Fixtures.codebook());
        CoderTrainer.Validated v = new CoderTrainer(PIPELINE).trainValidated(data, kw, TrainerSettings.DEFAULT.withFolds(3),
                1, Instant.parse("2026-03-01T10:00:00Z"), null);
        AnswerCoder keywords = new AnswerCoder(PIPELINE, CombinedCoder.coldStart(kw));
        Promotion p = RULE.decide(1, v.cv(), 0, a -> Set.copyOf(keywords.code(a).coding().themes()), a -> false);
        assertEquals(300, p.heldOut());
        assertEquals(v.trained().info().cv().microF1(), p.candidateScores().microF1(), 1e-12);
        assertTrue(p.currentScores().microF1() > 0 && p.currentScores().microF1() < 1, p.reason());
        assertEquals(Promotion.Verdict.PROMOTE, p.verdict(), "trained on 300 answers it beats the keywords: " + p.reason());
    }
}
