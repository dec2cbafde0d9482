package be.buurtstem.analysis.coding;

import be.buurtstem.analysis.answers.Answer;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * When a new model version goes into use: only when it codes at least as well (micro F1, ties promote) as the coder
 * in use on the same held-out answers, and on at least {@code minHeldOut} of them. Pure.
 *
 * <p>The answers compared on are the analysts' answers of the candidate's cross-validation (each scored by a fold
 * model that did not learn from it, with thresholds chosen on the other folds) that the version in use never trained
 * on — in the service, those decided on since it was trained. So neither coder is scored on an answer it learnt
 * from: scoring the version in use on its own training answers would flatter it and block every better candidate.
 * The keyword coder (cold start) learnt from no answer, so against it every cross-validated answer counts.
 *
 * @param minHeldOut fewest answers to compare on; with fewer the candidate is kept (too few to tell)
 */
public record PromotionRule(int minHeldOut) {
    public static final PromotionRule DEFAULT = new PromotionRule(5);
    /** Below this difference two micro F1 figures are the same (floating point). */
    static final double TIE = 1e-9;

    public PromotionRule {
        if (minHeldOut < 1) {
            throw new IllegalArgumentException("minHeldOut must be at least 1");
        }
    }

    /**
     * Decides on version {@code candidate}.
     *
     * @param cv               the candidate's cross-validation (null when it had too few answers for one)
     * @param current          the version in use (0: keyword coder)
     * @param currentCodes     the themes the coder in use gives an answer
     * @param currentTrainedOn true for an answer the coder in use learnt from (never for the keyword coder)
     */
    public Promotion decide(int candidate, CoderTrainer.CrossValidation cv, int current,
                            Function<Answer, Set<String>> currentCodes, Predicate<Answer> currentTrainedOn) {
        String cand = Promotion.name(candidate);
        String cur = Promotion.name(current);
        if (cv == null) {
            return keep(candidate, current, 0, cand + " was not cross-validated (fewer analysed answers than folds):"
                    + " nothing to compare it with " + cur + " on; kept, an analyst may promote it");
        }
        List<Set<String>> gold = new ArrayList<>();
        List<Set<String>> byCandidate = new ArrayList<>();
        List<Set<String>> byCurrent = new ArrayList<>();
        Set<String> themes = new TreeSet<>();
        for (int i = 0; i < cv.evaluated().size(); i++) {
            LabelledAnswer la = cv.evaluated().get(i);
            if (la.synthetic() || currentTrainedOn.test(la.answer())) {
                continue;
            }
            gold.add(la.labels());
            byCandidate.add(cv.predicted().get(i));
            byCurrent.add(currentCodes.apply(la.answer()));
            themes.addAll(la.labels());
        }
        int n = gold.size();
        if (n < minHeldOut) {
            return keep(candidate, current, n, "only " + n + " analysed answer(s) held out from both " + cand + " and "
                    + cur + " (at least " + minHeldOut + " needed to compare): kept, an analyst may promote it");
        }
        Promotion.Scores c = Promotion.Scores.of(Evaluation.evaluate(gold, byCandidate, themes));
        Promotion.Scores u = Promotion.Scores.of(Evaluation.evaluate(gold, byCurrent, themes));
        String figures = String.format(Locale.ROOT, "micro F1 %.3f against %.3f (precision %.2f against %.2f, recall"
                        + " %.2f against %.2f)", c.microF1(), u.microF1(), c.microPrecision(), u.microPrecision(),
                c.microRecall(), u.microRecall());
        if (c.microF1() + TIE >= u.microF1()) {
            return new Promotion(Promotion.Verdict.PROMOTE, cand + " codes the " + n + " held-out answers at least as well"
                    + " as " + cur + ": " + figures, candidate, current, n, c, u);
        }
        return new Promotion(Promotion.Verdict.KEEP, cand + " codes the " + n + " held-out answers worse than " + cur
                + " in use: " + figures + "; kept, not put in use", candidate, current, n, c, u);
    }

    private static Promotion keep(int candidate, int current, int n, String reason) {
        return new Promotion(Promotion.Verdict.KEEP, reason, candidate, current, n, null, null);
    }
}
