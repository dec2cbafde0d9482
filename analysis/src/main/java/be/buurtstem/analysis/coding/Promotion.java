package be.buurtstem.analysis.coding;

/**
 * What the {@link PromotionRule} decided about a new model version: put it in use or keep it aside, why, and the
 * scores of both coders on the same held-out answers, side by side.
 *
 * @param verdict   {@link Verdict#PROMOTE} (in use now, answers re-coded) or {@link Verdict#KEEP} (stored, not used)
 * @param reason    one sentence for the analyst, with both scores
 * @param candidate the new version
 * @param current   the version in use it was compared with (0: the codebook's keyword coder, cold start)
 * @param heldOut   the answers both were scored on (held out of the candidate's training in cross-validation, and
 *                  never trained on by the version in use)
 * @param candidateScores the new version's scores on them (null when there was nothing to compare on)
 * @param currentScores   the scores of the version in use on the same answers (null likewise)
 */
public record Promotion(Verdict verdict, String reason, int candidate, int current, int heldOut, Scores candidateScores,
                        Scores currentScores) {
    public enum Verdict { PROMOTE, KEEP }

    /** The summary figures of an {@link Evaluation.Report} shown side by side. */
    public record Scores(double microF1, double microPrecision, double microRecall, double macroF1, double kappa) {
        public static Scores of(Evaluation.Report r) {
            return new Scores(r.microF1(), r.microPrecision(), r.microRecall(), r.macroF1(), r.kappa());
        }
    }

    public boolean promoted() {
        return verdict == Verdict.PROMOTE;
    }

    /** How a version is named to analysts: "version 3", or the keyword coder for 0. */
    public static String name(int version) {
        return version == 0 ? "the keyword coder (cold start)" : "version " + version;
    }
}
