package be.buurtstem.analysis.saturation;

/**
 * The estimators of saturation, as pure functions of frequency counts.
 *
 * <p>Incidence data (the respondent is the sampling unit): {@code t} respondents, {@code u} incidences
 * (sum over themes of the number of respondents who voiced it), {@code s} themes seen, {@code q1}/{@code q2} themes
 * voiced by exactly one / two respondents. Abundance data (mentions): {@code n} mentions, {@code f1}/{@code f2}
 * themes mentioned exactly once / twice.
 *
 * <p>Formulas follow Chao (1984, 1987) as implemented in iNEXT ({@code ChaoRichness}, {@code DataInfo}), Chao &amp; Jost
 * (2012) for sample coverage and the sample size needed for a target coverage, and Chao et al. (2014) / Shen, Chao &amp;
 * Lin (2003) for extrapolation. The "classic" bias-corrected form {@code S + a·Q1(Q1−1)/(2(Q2+1))} used by EstimateS
 * and scikit-bio is offered alongside, with its variance. Written from the papers; checked against iNEXT and
 * scikit-bio outputs in the tests.
 */
public final class Estimators {

    /** z for a two-sided 95 % interval. */
    public static final double Z95 = 1.959963984540054;

    private Estimators() {
    }

    /** {@code (t−1)/t}, the small-sample factor; 0 when t ≤ 1. */
    static double smallSample(long t) {
        return t <= 0 ? 0 : (t - 1.0) / t;
    }

    /**
     * Estimated number of undetected classes (themes) from singletons and doubletons, iNEXT form:
     * {@code a·f1²/(2 f2)} when f2 &gt; 0, else the bias-corrected {@code a·f1(f1−1)/2}, with a = (n−1)/n.
     */
    public static double undetected(long n, long f1, long f2) {
        double a = smallSample(n);
        if (f1 == 0) {
            return 0;
        }
        if (f2 > 0) {
            return a * f1 * (double) f1 / (2.0 * f2);
        }
        return a * f1 * (f1 - 1.0) / 2.0;
    }

    /** Chao2: estimated total themes from incidence counts (iNEXT {@code ChaoRichness}, incidence_freq). */
    public static double chao2(long t, long s, long q1, long q2) {
        return s + undetected(t, q1, q2);
    }

    /** Chao1: estimated total themes from mention counts (iNEXT {@code ChaoRichness}, abundance). */
    public static double chao1(long n, long s, long f1, long f2) {
        return s + undetected(n, f1, f2);
    }

    /** Classic bias-corrected form (Chao 2005; EstimateS, scikit-bio {@code chao1(bias_corrected=True)}): S + f1(f1−1)/(2(f2+1)). */
    public static double chao1Classic(long s, long f1, long f2) {
        return s + f1 * (f1 - 1.0) / (2.0 * (f2 + 1.0));
    }

    /**
     * Variance of the classic bias-corrected Chao1 as EstimateS reports it (scikit-bio {@code _chao1_var}): with
     * f2 &gt; 0 the bias-corrected formula; with f2 = 0 and f1 &gt; 0, f1(f1−1)/2 + f1(2f1−1)²/4 − f1⁴/(4·Chao1);
     * with no singletons, the Poisson form s·P/(1−P), P = e^(−n/s).
     */
    public static double chao1ClassicVariance(long n, long s, long f1, long f2) {
        double a = f1, b = f2;
        if (f1 > 0 && f2 > 0) {
            return a * (a - 1) / (2 * (b + 1))
                    + a * Math.pow(2 * a - 1, 2) / (4 * Math.pow(b + 1, 2))
                    + a * a * b * Math.pow(a - 1, 2) / (4 * Math.pow(b + 1, 4));
        }
        if (f1 > 0) {
            return a * (a - 1) / 2 + a * Math.pow(2 * a - 1, 2) / 4 - a * a * a * a / 4 / chao1Classic(s, f1, f2);
        }
        if (s == 0) {
            return 0;
        }
        double p = Math.exp(-n / (double) s);
        return s * p / (1 - p);
    }

    /**
     * Variance of the iNEXT-form estimator, Chao (1987) with the Q2 = 0 variant; for Q1 ≤ 1 with Q2 = 0, or Q1 = 0,
     * the variance of the observed count under a Poisson model: pass the spectrum sums
     * {@code sumE = Σ_i e^{−y_i}}, {@code sumE2 = Σ e^{−2y_i}}, {@code sumYE = Σ y_i e^{−y_i}} over seen themes.
     */
    public static double variance(long t, long s, long q1, long q2, double sumE, double sumE2, double sumYE) {
        double a = smallSample(t);
        if (q1 > 0 && q2 > 0) {
            double r = q1 / (double) q2;
            return q2 * (a * r * r / 2 + a * a * r * r * r + a * a * r * r * r * r / 4);
        }
        if (q1 > 1) {
            double est = chao2(t, s, q1, q2);
            double f = q1;
            return a * f * (f - 1) / 2 + a * a * f * Math.pow(2 * f - 1, 2) / 4 - a * a * f * f * f * f / 4 / est;
        }
        if (t <= 0) {
            return 0;
        }
        return Math.max(0, (sumE - sumE2) - sumYE * sumYE / t);
    }

    /** A 95 % interval. */
    public record Interval(double lower, double upper) {
    }

    /**
     * Log-normal 95 % interval of Chao (1987): with T = est − S and K = exp(z·√ln(1 + var/T²)), [S + T/K, S + T·K].
     * When nothing is estimated unseen (T = 0) the iNEXT Poisson interval is used, which needs the spectrum sums.
     */
    public static Interval logNormalInterval(long t, long s, double est, double variance, double sumE, double sumYE) {
        double unseen = est - s;
        if (unseen > 1e-12) {
            double k = Math.exp(Z95 * Math.sqrt(Math.log(1 + variance / (unseen * unseen))));
            return new Interval(s + unseen / k, s + unseen * k);
        }
        if (s == 0) {
            return new Interval(0, 0);
        }
        double p = sumE / s;
        if (p >= 1) {
            return new Interval(s, s);
        }
        double half = Z95 * Math.sqrt(Math.max(0, variance)) / (1 - p);
        return new Interval(Math.max(s, s / (1 - p) - half), s / (1 - p) + half);
    }

    /**
     * The classic form's interval as EstimateS/scikit-bio report it: log-normal when something is estimated unseen,
     * else [max(S, S/(1−P) − z·√(S·P/(1−P))), S/(1−P) + z·√(S·P/(1−P))] with P = e^(−n/S).
     */
    public static Interval classicInterval(long n, long s, long f1, long f2) {
        double est = chao1Classic(s, f1, f2);
        double unseen = est - s;
        if (unseen > 0) {
            double k = Math.exp(Z95 * Math.sqrt(Math.log(1 + chao1ClassicVariance(n, s, f1, f2) / (unseen * unseen))));
            return new Interval(s + unseen / k, s + unseen * k);
        }
        if (s == 0) {
            return new Interval(0, 0);
        }
        double p = Math.exp(-n / (double) s);
        double half = Z95 * Math.sqrt(s * p / (1 - p));
        return new Interval(Math.max(s, s / (1 - p) - half), s / (1 - p) + half);
    }

    /**
     * The factor A of Chao &amp; Jost (2012) for incidence data: (t−1)Q1/((t−1)Q1 + 2Q2); with Q2 = 0,
     * (t−1)(Q1−1)/((t−1)(Q1−1) + 2); 1 when Q1 = 0. Equals iNEXT's t·Q0/(t·Q0 + Q1).
     */
    public static double factorA(long t, long q1, long q2) {
        if (q1 == 0) {
            return 1;
        }
        double q0 = undetected(t, q1, q2);
        double denom = t * q0 + q1;
        return denom == 0 ? 0 : t * q0 / denom;
    }

    /**
     * Chao–Jost sample coverage for incidence data: the estimated share of incidences of the whole neighbourhood that
     * belong to themes already heard, 1 − (Q1/U)·A. 0 when nothing was heard.
     */
    public static double coverage(long t, long u, long q1, long q2) {
        if (u == 0) {
            return 0;
        }
        return 1 - q1 / (double) u * factorA(t, q1, q2);
    }

    /** Expected coverage after {@code more} further respondents: 1 − (Q1/U)·A^(more+1) (Chao et al. 2014). */
    public static double coverageAfter(long t, long u, long q1, long q2, long more) {
        if (u == 0) {
            return 0;
        }
        return 1 - q1 / (double) u * Math.pow(factorA(t, q1, q2), more + 1);
    }

    /**
     * Expected number of new themes from {@code more} further respondents (Shen et al. 2003; Colwell et al. 2012):
     * Q0·[1 − (1 − Q1/(t·Q0 + Q1))^more].
     */
    public static double expectedNewThemes(long t, long q1, long q2, long more) {
        double q0 = undetected(t, q1, q2);
        if (q0 <= 0 || q1 == 0) {
            return 0;
        }
        return q0 * (1 - Math.pow(1 - q1 / (t * q0 + q1), more));
    }

    /**
     * Further respondents needed to reach coverage {@code target} (Chao &amp; Jost 2012, incidence form):
     * log(U/Q1·(1 − g)) / log A − 1, as a real number (iNEXT {@code estimateD} reports t + this); 0 when the
     * coverage is already reached; {@link Double#POSITIVE_INFINITY} when it cannot be estimated (nothing heard, or
     * A = 0 with coverage below target).
     */
    public static double respondentsNeeded(long t, long u, long q1, long q2, double target) {
        if (u == 0) {
            return Double.POSITIVE_INFINITY;
        }
        if (coverage(t, u, q1, q2) >= target) {
            return 0;
        }
        double a = factorA(t, q1, q2);
        if (a <= 0 || a >= 1) {
            return Double.POSITIVE_INFINITY;
        }
        double needed = Math.log(u / (double) q1 * (1 - target)) / Math.log(a) - 1;
        return Math.max(0, needed);
    }

    /**
     * The smallest share of a segment's respondents a theme could be voiced by and still have been heard with 95 %
     * probability among {@code t} respondents: 1 − 0.05^(1/t). 1 when t = 0.
     */
    public static double detectableShare(long t) {
        return t <= 0 ? 1 : 1 - Math.pow(0.05, 1.0 / t);
    }
}
