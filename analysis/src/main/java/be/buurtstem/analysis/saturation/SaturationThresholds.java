package be.buurtstem.analysis.saturation;

/**
 * The thresholds of the status rule (DESIGN.md, "Saturation"), settable per questionnaire.
 *
 * @param minRespondents         below this many respondents a segment is {@code too_few} (30)
 * @param minMentions            below this many theme mentions a segment is {@code too_few} (30)
 * @param coverageTarget         Chao–Jost coverage that must hold (0.95)
 * @param holdMinimum            coverage must have held over at least this many latest respondents (10)...
 * @param holdFraction           ...and over this share of all respondents (0.20), whichever is more
 * @param chao2Tolerance         Chao2 may exceed the themes seen by at most this share (0.05)
 * @param lookahead              "expected new themes from the next N respondents" (10)
 * @param guestBase              Guest, Namey &amp; Chen (2020) base size (4, their interview default)
 * @param guestRun               Guest run length (2)
 * @param guestThreshold         Guest new-information threshold (0.05)
 * @param underRepresentedRatio  a segment is under-represented when its share of respondents is below this ratio of
 *                               its expected share (0.5)
 */
public record SaturationThresholds(int minRespondents, long minMentions, double coverageTarget, int holdMinimum,
                                   double holdFraction, double chao2Tolerance, int lookahead, int guestBase,
                                   int guestRun, double guestThreshold, double underRepresentedRatio) {

    public static final SaturationThresholds DEFAULTS =
            new SaturationThresholds(30, 30, 0.95, 10, 0.20, 0.05, 10, 4, 2, 0.05, 0.5);

    public SaturationThresholds {
        if (minRespondents < 0 || minMentions < 0 || holdMinimum < 0 || lookahead < 0) {
            throw new IllegalArgumentException("thresholds must not be negative");
        }
        if (!(coverageTarget > 0 && coverageTarget < 1)) {
            throw new IllegalArgumentException("coverageTarget must lie strictly between 0 and 1");
        }
        if (guestBase < 1 || guestRun < 1) {
            throw new IllegalArgumentException("Guest base and run must be at least 1");
        }
    }

    /** The number of latest respondents over which coverage must have held: max(holdMinimum, ⌈holdFraction·t⌉). */
    public int holdWindow(long respondents) {
        return (int) Math.max(holdMinimum, Math.ceil(holdFraction * respondents - 1e-9));
    }

    public SaturationThresholds withGuest(int base, int run, double threshold) {
        return new SaturationThresholds(minRespondents, minMentions, coverageTarget, holdMinimum, holdFraction,
                chao2Tolerance, lookahead, base, run, threshold, underRepresentedRatio);
    }
}
