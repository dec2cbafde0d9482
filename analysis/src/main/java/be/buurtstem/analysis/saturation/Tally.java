package be.buurtstem.analysis.saturation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The incremental counts of one scope. Each {@link #add} costs work proportional to the themes of that answer (and,
 * for Guest's share, to base + run), never to the number of answers seen: the frequency counts Q1, Q2, f1, f2, the
 * spectrum sums of the variance, the coverage run and the curve are all updated in place. Not thread-safe.
 */
final class Tally {

    private static final int[] NO_THEMES = new int[0];
    private static final Change NOTHING = new Change(false, NO_THEMES);
    /** e^−y for small y (the same values Math.exp gives, looked up). */
    private static final double[] EXP = new double[256];

    static {
        for (int y = 0; y < EXP.length; y++) {
            EXP[y] = Math.exp(-y);
        }
    }

    private static double expMinus(int y) {
        return y < EXP.length ? EXP[y] : Math.exp(-y);
    }

    /** One respondent of this scope: arrival rank and the distinct theme ids heard from them. */
    private static final class Resp {
        final int rank;
        int[] themes = NO_THEMES;
        int size;

        Resp(int rank) {
            this.rank = rank;
        }

        boolean has(int id) {
            for (int i = 0; i < size; i++) {
                if (themes[i] == id) {
                    return true;
                }
            }
            return false;
        }

        void put(int id) {
            if (size == themes.length) {
                themes = Arrays.copyOf(themes, Math.max(4, size * 2));
            }
            themes[size++] = id;
        }
    }

    private final SaturationThresholds th;
    /** Respondents by their state-wide id (dense ints), null when not in this scope. */
    private Resp[] byId = new Resp[16];
    private final List<Resp> byRank = new ArrayList<>();
    private int[] incidence = new int[16];
    private int[] mentionsOf = new int[16];
    private int[] confirmedOf = new int[16];
    private int[] firstRank = new int[16];
    private int[] curve = new int[16];

    long answers;
    long mentions;
    long incidences;
    long unconfirmedMentions;
    int themesSeen;
    int themesConfirmed;
    int q1;
    int q2;
    int f1;
    int f2;
    double sumE;
    double sumE2;
    double sumYE;
    long runBefore;
    long run;
    Integer saturatedAt;
    Integer guestSaturatedAt;
    Status status = Status.TOO_FEW;
    Instant lastHeard;

    Tally(SaturationThresholds th) {
        this.th = th;
    }

    int respondents() {
        return byRank.size();
    }

    boolean hasTheme(int id) {
        return id < incidence.length && incidence[id] > 0;
    }

    int incidenceOf(int id) {
        return id < incidence.length ? incidence[id] : 0;
    }

    /** What one answer changed, for the alert rules. */
    record Change(boolean becameSaturated, int[] newThemes) {
    }

    /**
     * Adds one answer whose distinct theme ids are {@code ids[0..count)}.
     */
    Change add(int respondentId, int[] ids, int count, boolean confirmed, Instant at) {
        answers++;
        if (at != null && (lastHeard == null || at.isAfter(lastHeard))) {
            lastHeard = at;
        }
        if (respondentId >= byId.length) {
            byId = Arrays.copyOf(byId, Math.max(respondentId + 1, byId.length * 2));
        }
        Resp r = byId[respondentId];
        if (r == null) {
            r = new Resp(byRank.size() + 1);
            byId[respondentId] = r;
            byRank.add(r);
            if (byRank.size() > curve.length) {
                curve = Arrays.copyOf(curve, curve.length * 2);
            }
            runBefore = run;
        }
        int[] fresh = null;
        int freshCount = 0;
        for (int i = 0; i < count; i++) {
            int id = ids[i];
            ensure(id);
            mentions++;
            int m = ++mentionsOf[id];
            if (m == 1) {
                f1++;
            } else if (m == 2) {
                f1--;
                f2++;
            } else if (m == 3) {
                f2--;
            }
            if (confirmed) {
                if (++confirmedOf[id] == 1) {
                    themesConfirmed++;
                }
            } else {
                unconfirmedMentions++;
            }
            if (!r.has(id)) {
                r.put(id);
                incidences++;
                int y = incidence[id]++;
                if (y == 0) {
                    themesSeen++;
                    q1++;
                    firstRank[id] = r.rank;
                    if (fresh == null) {
                        fresh = new int[count];
                    }
                    fresh[freshCount++] = id;
                } else {
                    double e = expMinus(y);
                    sumE -= e;
                    sumE2 -= e * e;
                    sumYE -= y * e;
                    if (y == 1) {
                        q1--;
                        q2++;
                    } else if (y == 2) {
                        q2--;
                    }
                }
                double e = expMinus(y + 1);
                sumE += e;
                sumE2 += e * e;
                sumYE += (y + 1) * e;
            }
        }
        int t = byRank.size();
        curve[t - 1] = themesSeen;
        double coverage = Estimators.coverage(t, incidences, q1, q2);
        run = coverage >= th.coverageTarget() ? runBefore + 1 : 0;
        double chao2 = Estimators.chao2(t, themesSeen, q1, q2);
        status = Status.of(th, t, mentions, themesSeen, chao2, run);
        boolean became = false;
        if (status == Status.SATURATED && saturatedAt == null) {
            saturatedAt = t;
            became = true;
        }
        if (guestSaturatedAt == null) {
            Double share = guestShare();
            if (share != null && share <= th.guestThreshold()) {
                guestSaturatedAt = t;
            }
        }
        if (!became && fresh == null) {
            return NOTHING;
        }
        return new Change(became, fresh == null ? NO_THEMES : Arrays.copyOf(fresh, freshCount));
    }

    private void ensure(int id) {
        if (id >= incidence.length) {
            int n = Math.max(id + 1, incidence.length * 2);
            incidence = Arrays.copyOf(incidence, n);
            mentionsOf = Arrays.copyOf(mentionsOf, n);
            confirmedOf = Arrays.copyOf(confirmedOf, n);
            firstRank = Arrays.copyOf(firstRank, n);
        }
    }

    /**
     * Guest, Namey &amp; Chen (2020) with a rolling base: themes first heard in the last {@code run} respondents,
     * divided by the distinct themes heard in the {@code base} respondents before them. Null until base + run
     * respondents, or when the base heard nothing.
     */
    Double guestShare() {
        int t = byRank.size();
        int base = th.guestBase();
        int runLength = th.guestRun();
        if (t < base + runLength) {
            return null;
        }
        int newThemes = 0;
        for (int rank = t - runLength + 1; rank <= t; rank++) {
            Resp r = byRank.get(rank - 1);
            for (int i = 0; i < r.size; i++) {
                if (firstRank[r.themes[i]] == rank) {
                    newThemes++;
                }
            }
        }
        int total = 0;
        for (int rank = t - runLength - base + 1; rank <= t - runLength; rank++) {
            total += byRank.get(rank - 1).size;
        }
        if (total == 0) {
            return null;
        }
        int[] all = new int[total];
        int k = 0;
        for (int rank = t - runLength - base + 1; rank <= t - runLength; rank++) {
            Resp r = byRank.get(rank - 1);
            System.arraycopy(r.themes, 0, all, k, r.size);
            k += r.size;
        }
        Arrays.sort(all);
        int distinct = 1;
        for (int i = 1; i < all.length; i++) {
            if (all[i] != all[i - 1]) {
                distinct++;
            }
        }
        return newThemes / (double) distinct;
    }

    Measures.Counts counts() {
        int t = byRank.size();
        return new Measures.Counts(answers, t, mentions, incidences, themesSeen, q1, q2, f1, f2, sumE, sumE2, sumYE,
                unconfirmedMentions, themesSeen - themesConfirmed, run, saturatedAt, guestSaturatedAt, guestShare(),
                Arrays.copyOf(curve, t));
    }

    Measures measures() {
        return Measures.of(counts(), th);
    }
}
