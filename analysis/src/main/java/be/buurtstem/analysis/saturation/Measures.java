package be.buurtstem.analysis.saturation;

import java.util.Arrays;

/**
 * The saturation measures of one scope (overall, or one segment value). Immutable.
 *
 * @param answers                 answer records counted
 * @param respondents             sampling units (respondents; records without respondent count alone)
 * @param mentions                theme mentions (answer × theme), the abundance total behind Chao1
 * @param incidences              respondent × theme pairs (U)
 * @param themesSeen              distinct themes heard
 * @param singletons              Q1: themes voiced by exactly one respondent
 * @param doubletons              Q2: themes voiced by exactly two respondents
 * @param chao1                   Chao1 on mentions
 * @param chao2                   bias-corrected Chao2 (iNEXT form): estimated total themes
 * @param chao2Lower              lower end of its log-normal 95 % interval
 * @param chao2Upper              upper end
 * @param chao2Se                 its standard error
 * @param coverage                Chao–Jost sample coverage Ĉ (0–1)
 * @param expectedNew             expected new themes from the next {@code lookahead} respondents
 * @param lookahead               that number of respondents (10 by default)
 * @param respondentsNeeded       further respondents for the coverage target (∞ when not estimable), rounded up
 * @param coverageHeldFor         how many latest respondents coverage has stayed at or above the target
 * @param holdWindow              how many it must (max(10, 20 % of respondents) by default)
 * @param newShareLastRun         Guest et al. new-information share over the last run, or null before base+run
 * @param guestSaturatedAt        respondents counted when Guest's criterion would first have declared saturation
 * @param status                  the default status
 * @param saturatedAt             respondents counted when first saturated, or null
 * @param unconfirmedMentions     mentions resting on unconfirmed machine codes
 * @param themesOnlyMachineCoded  themes heard only through unconfirmed machine codes
 * @param detectableShare         a theme voiced by at least this share of the scope would have been heard with 95 %
 *                                probability (1 − 0.05^(1/respondents))
 * @param curve                   distinct themes after each respondent, in arrival order
 */
public record Measures(long answers, long respondents, long mentions, long incidences, int themesSeen,
                       int singletons, int doubletons, double chao1, double chao2, double chao2Lower,
                       double chao2Upper, double chao2Se, double coverage, double expectedNew, int lookahead,
                       double respondentsNeeded, long coverageHeldFor, int holdWindow, Double newShareLastRun,
                       Integer guestSaturatedAt, Status status, Integer saturatedAt, long unconfirmedMentions,
                       int themesOnlyMachineCoded, double detectableShare, int[] curve) {

    /** The curve (a copy: the record stays immutable). */
    @Override
    public int[] curve() {
        return curve.clone();
    }

    public boolean saturated() {
        return status == Status.SATURATED;
    }

    /** Share of mentions that rest on unconfirmed machine codes (0 when there are none). */
    public double unconfirmedShare() {
        return mentions == 0 ? 0 : unconfirmedMentions / (double) mentions;
    }

    /** Raw counts from which the measures follow; both the batch and the incremental computation produce them. */
    record Counts(long answers, long respondents, long mentions, long incidences, int themesSeen, int q1, int q2,
                  int f1, int f2, double sumE, double sumE2, double sumYE, long unconfirmedMentions,
                  int themesOnlyMachineCoded, long coverageHeldFor, Integer saturatedAt, Integer guestSaturatedAt,
                  Double newShareLastRun, int[] curve) {
    }

    static Measures of(Counts c, SaturationThresholds th) {
        long t = c.respondents();
        double chao2 = Estimators.chao2(t, c.themesSeen(), c.q1(), c.q2());
        double var = Estimators.variance(t, c.themesSeen(), c.q1(), c.q2(), c.sumE(), c.sumE2(), c.sumYE());
        Estimators.Interval ci = Estimators.logNormalInterval(t, c.themesSeen(), chao2, var, c.sumE(), c.sumYE());
        double chao1 = Estimators.chao1(c.mentions(), c.themesSeen(), c.f1(), c.f2());
        double coverage = Estimators.coverage(t, c.incidences(), c.q1(), c.q2());
        double needed = Estimators.respondentsNeeded(t, c.incidences(), c.q1(), c.q2(), th.coverageTarget());
        Status status = Status.of(th, t, c.mentions(), c.themesSeen(), chao2, c.coverageHeldFor());
        return new Measures(c.answers(), t, c.mentions(), c.incidences(), c.themesSeen(), c.q1(), c.q2(), chao1,
                chao2, ci.lower(), ci.upper(), Math.sqrt(Math.max(0, var)), coverage,
                Estimators.expectedNewThemes(t, c.q1(), c.q2(), th.lookahead()), th.lookahead(),
                Double.isInfinite(needed) ? needed : Math.max(0.0, Math.ceil(needed - 1e-9)), c.coverageHeldFor(), th.holdWindow(t),
                c.newShareLastRun(), c.guestSaturatedAt(), status, c.saturatedAt(), c.unconfirmedMentions(),
                c.themesOnlyMachineCoded(), Estimators.detectableShare(t), c.curve());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Measures m && answers == m.answers && respondents == m.respondents
                && mentions == m.mentions && incidences == m.incidences && themesSeen == m.themesSeen
                && singletons == m.singletons && doubletons == m.doubletons && close(chao1, m.chao1)
                && close(chao2, m.chao2) && close(chao2Lower, m.chao2Lower) && close(chao2Upper, m.chao2Upper)
                && close(chao2Se, m.chao2Se) && close(coverage, m.coverage) && close(expectedNew, m.expectedNew)
                && lookahead == m.lookahead && close(respondentsNeeded, m.respondentsNeeded)
                && coverageHeldFor == m.coverageHeldFor && holdWindow == m.holdWindow
                && closeBoxed(newShareLastRun, m.newShareLastRun)
                && java.util.Objects.equals(guestSaturatedAt, m.guestSaturatedAt) && status == m.status
                && java.util.Objects.equals(saturatedAt, m.saturatedAt)
                && unconfirmedMentions == m.unconfirmedMentions && themesOnlyMachineCoded == m.themesOnlyMachineCoded
                && close(detectableShare, m.detectableShare) && Arrays.equals(curve, m.curve);
    }

    /** Equal up to floating-point summation order (relative 1e-9). */
    private static boolean close(double a, double b) {
        if (a == b || (Double.isNaN(a) && Double.isNaN(b))) {
            return true;
        }
        return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.max(Math.abs(a), Math.abs(b)));
    }

    private static boolean closeBoxed(Double a, Double b) {
        return a == null ? b == null : b != null && close(a, b);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(answers, respondents, mentions, themesSeen, singletons, doubletons, status,
                saturatedAt, Arrays.hashCode(curve));
    }

    @Override
    public String toString() {
        return "Measures[answers=" + answers + ", respondents=" + respondents + ", mentions=" + mentions
                + ", themesSeen=" + themesSeen + ", Q1=" + singletons + ", Q2=" + doubletons + ", chao1=" + chao1
                + ", chao2=" + chao2 + " [" + chao2Lower + ", " + chao2Upper + "], coverage=" + coverage
                + ", expectedNew=" + expectedNew + ", needed=" + respondentsNeeded + ", held=" + coverageHeldFor
                + "/" + holdWindow + ", guestShare=" + newShareLastRun + ", guestAt=" + guestSaturatedAt
                + ", status=" + status + ", saturatedAt=" + saturatedAt + ", unconfirmed=" + unconfirmedMentions
                + ", machineOnly=" + themesOnlyMachineCoded + ", curve.length=" + curve.length + "]";
    }
}
