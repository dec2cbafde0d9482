package be.buurtstem.analysis.saturation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Who we have heard against who lives in the neighbourhood, for one segment field (language, area, age band...).
 * Pure: the expected make-up (shares or numbers of inhabitants, normalised here) and the residents heard per value
 * in, one row per value out.
 *
 * <p>The rule for "under-represented" asks two things, so that neither a small sample nor a small group raises a
 * false alarm: the group's share of the residents heard is below {@link Rule#ratio} of its share in the
 * neighbourhood (0.5: "fewer than half of what we would expect"), and hearing that few would be unlikely by chance
 * if the group answered like everyone else (the binomial lower tail P(X ≤ heard | n = all heard, p = expected
 * share) is below {@link Rule#significance}, 0.05). A group with an expected share and nobody heard is silent; a
 * group heard from fewer than {@link Rule#thinBelow} residents is thin (too few to judge its themes).
 */
public final class Representation {

    /** The chance below which a shortfall is not put down to chance. */
    public static final double SIGNIFICANCE = 0.05;

    private Representation() {
    }

    /** What a row says, most urgent first. */
    public enum Verdict {
        /** expected in the neighbourhood, nobody heard */
        SILENT,
        /** heard clearly less than its share (see the class comment) */
        UNDER_REPRESENTED,
        /** heard, but from too few residents to judge its themes */
        THIN,
        /** heard enough and in proportion */
        HEARD
    }

    /**
     * @param thinBelow     fewer residents than this is thin (the saturation rule's minimum respondents)
     * @param ratio         heard share below ratio × expected share can be under-represented (0.5)
     * @param significance  ...when hearing so few by chance is less likely than this (0.05)
     */
    public record Rule(int thinBelow, double ratio, double significance) {
        public Rule {
            if (thinBelow < 0 || !(ratio > 0 && ratio <= 1) || !(significance > 0 && significance < 1)) {
                throw new IllegalArgumentException("thinBelow >= 0, 0 < ratio <= 1, 0 < significance < 1");
            }
        }

        public static Rule of(SaturationThresholds th) {
            return new Rule(th.minRespondents(), th.underRepresentedRatio() > 0 && th.underRepresentedRatio() <= 1
                    ? th.underRepresentedRatio() : 0.5, SIGNIFICANCE);
        }
    }

    /**
     * @param value              the segment value
     * @param expectedShare      its normalised share in the neighbourhood, or null when none was given
     * @param heard              residents heard from it
     * @param heardShare         their share of all residents heard with a value for this field (0 when none)
     * @param expectedResidents  how many of those we would have heard in proportion (null without expected share)
     * @param verdict            the verdict
     */
    public record Row(String value, Double expectedShare, long heard, double heardShare, Double expectedResidents,
                      Verdict verdict) {
    }

    /**
     * One row per value: the expected values in their order, then values heard but not expected. A value neither
     * expected (share 0 or none) nor heard gives no row.
     */
    public static List<Row> compare(Map<String, ? extends Number> expected, Map<String, Long> heard, Rule rule) {
        Map<String, Double> shares = normalised(expected == null ? Map.of() : expected);
        Map<String, Long> counts = heard == null ? Map.of() : heard;
        long total = 0;
        for (Long c : counts.values()) {
            if (c != null && c > 0) {
                total += c;
            }
        }
        Set<String> values = new LinkedHashSet<>(shares.keySet());
        values.addAll(counts.keySet());
        List<Row> rows = new ArrayList<>();
        for (String v : values) {
            Long c = counts.get(v);
            long n = c == null || c < 0 ? 0 : c;
            Double share = shares.get(v);
            boolean expectedHere = share != null && share > 0;
            if (!expectedHere && n == 0) {
                continue;
            }
            double heardShare = total == 0 ? 0 : n / (double) total;
            Verdict verdict;
            if (expectedHere && n == 0) {
                verdict = Verdict.SILENT;
            } else if (expectedHere && underRepresented(n, total, share, rule.ratio(), rule.significance())) {
                verdict = Verdict.UNDER_REPRESENTED;
            } else if (n < rule.thinBelow()) {
                verdict = Verdict.THIN;
            } else {
                verdict = Verdict.HEARD;
            }
            rows.add(new Row(v, share, n, heardShare, share == null ? null : share * total, verdict));
        }
        return rows;
    }

    /**
     * The under-represented rule of the class comment: heard share below {@code ratio} × expected share, and that few
     * unlikely by chance (binomial lower tail below {@code significance}). Shared with the saturation report.
     */
    public static boolean underRepresented(long heard, long total, double expectedShare, double ratio,
                                           double significance) {
        if (!(expectedShare > 0) || total <= 0) {
            return false;
        }
        return heard / (double) total < ratio * expectedShare
                && binomialAtMost(heard, total, expectedShare) < significance;
    }

    /** Shares normalised to sum 1; negative or missing numbers are refused (the caller validated the input). */
    static Map<String, Double> normalised(Map<String, ? extends Number> expected) {
        double sum = 0;
        for (Map.Entry<String, ? extends Number> e : expected.entrySet()) {
            double d = e.getValue() == null ? Double.NaN : e.getValue().doubleValue();
            if (!(d >= 0) || Double.isInfinite(d)) {
                throw new IllegalArgumentException("expected share of " + e.getKey() + " must be a number >= 0");
            }
            sum += d;
        }
        Map<String, Double> out = new LinkedHashMap<>();
        for (Map.Entry<String, ? extends Number> e : expected.entrySet()) {
            out.put(e.getKey(), sum > 0 ? e.getValue().doubleValue() / sum : 0.0);
        }
        return out;
    }

    /** P(X ≤ k) for X ~ Binomial(n, p), summed in log space (exact for the sizes a neighbourhood produces). */
    static double binomialAtMost(long k, long n, double p) {
        if (k >= n || p <= 0) {
            return 1;
        }
        if (p >= 1) {
            return 0;
        }
        double logP = Math.log(p);
        double logQ = Math.log1p(-p);
        double sum = 0;
        double logCoef = 0; // log C(n, 0)
        for (long i = 0; i <= k; i++) {
            if (i > 0) {
                logCoef += Math.log((double) (n - i + 1)) - Math.log((double) i);
            }
            sum += Math.exp(logCoef + i * logP + (n - i) * logQ);
        }
        return Math.min(1, sum);
    }
}
