package be.buurtstem.analysis.saturation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Saturation reports over a list of coded answers. {@link #report} replays the answers, in arrival order, through the
 * fast incremental engine ({@link SaturationState}); {@link #referenceReport} computes the same report from scratch
 * with plain collections (final frequency counts recounted, not carried along) and serves as the batch reference:
 * the two are tested equal on random data.
 */
public final class Saturation {

    private Saturation() {
    }

    /**
     * Arrival order: by {@code receivedAt} when every answer has one (ties keep file order), else file order.
     */
    public static List<CodedAnswer> arrivalOrder(List<CodedAnswer> answers) {
        boolean inOrder = true;
        CodedAnswer previous = null;
        for (CodedAnswer a : answers) {
            if (a.receivedAt() == null) {
                return answers;
            }
            if (previous != null && a.receivedAt().isBefore(previous.receivedAt())) {
                inOrder = false;
            }
            previous = a;
        }
        if (inOrder) {
            return answers;
        }
        List<CodedAnswer> sorted = new ArrayList<>(answers);
        sorted.sort(Comparator.comparing(CodedAnswer::receivedAt)); // stable
        return sorted;
    }

    /** Report with the default thresholds and no expectations. */
    public static SaturationReport report(List<CodedAnswer> answers, List<String> by) {
        return report(answers, by, SaturationThresholds.DEFAULTS, Expectations.NONE);
    }

    /** The report over all answers, overall and per value of each field in {@code by}. */
    public static SaturationReport report(List<CodedAnswer> answers, List<String> by, SaturationThresholds th,
                                          Expectations exp) {
        SaturationState state = new SaturationState(by, th, exp, null);
        for (CodedAnswer a : arrivalOrder(answers)) {
            state.add(a);
        }
        return state.report();
    }

    /** The same report computed from scratch with plain collections (slower; the batch reference). */
    public static SaturationReport referenceReport(List<CodedAnswer> answers, List<String> by,
                                                   SaturationThresholds th, Expectations exp) {
        List<CodedAnswer> ordered = arrivalOrder(answers);
        Map<String, Map<String, List<CodedAnswer>>> groups = new LinkedHashMap<>();
        for (String f : by) {
            groups.put(f, new LinkedHashMap<>());
        }
        if (!by.isEmpty()) {
            for (CodedAnswer a : ordered) {
                for (String f : by) {
                    String v = a.field(f);
                    if (v != null && !v.isBlank()) {
                        groups.get(f).computeIfAbsent(v, k -> new ArrayList<>()).add(a);
                    }
                }
            }
        }
        Map<String, Map<String, Measures>> measures = new LinkedHashMap<>();
        Map<String, Map<String, Set<String>>> themes = new LinkedHashMap<>();
        groups.forEach((field, values) -> {
            Map<String, Measures> m = new LinkedHashMap<>();
            Map<String, Set<String>> heard = new LinkedHashMap<>();
            values.forEach((value, list) -> {
                Scope s = new Scope(list, th);
                m.put(value, s.measures);
                heard.put(value, s.incidence.keySet());
            });
            measures.put(field, m);
            themes.put(field, heard);
        });
        return ReportBuilder.build(th, exp == null ? Expectations.NONE : exp, by, new Scope(ordered, th).measures,
                measures, themes);
    }

    /** Measures of the answers taken as one scope, in arrival order (from scratch). */
    public static Measures measures(List<CodedAnswer> answers, SaturationThresholds th) {
        return new Scope(arrivalOrder(answers), th).measures;
    }

    /**
     * One report per scope key (questionnaire, question, question block...): answers with a null key are left out.
     */
    public static Map<String, SaturationReport> byScope(List<CodedAnswer> answers,
                                                        Function<CodedAnswer, String> scope, List<String> by,
                                                        SaturationThresholds th, Expectations exp) {
        Map<String, List<CodedAnswer>> parts = new LinkedHashMap<>();
        for (CodedAnswer a : answers) {
            String k = scope.apply(a);
            if (k != null) {
                parts.computeIfAbsent(k, x -> new ArrayList<>()).add(a);
            }
        }
        Map<String, SaturationReport> out = new LinkedHashMap<>();
        parts.forEach((k, list) -> out.put(k, report(list, by, th, exp)));
        return out;
    }

    /** The batch computation of one scope: final counts from scratch; the history by one pass over the answers. */
    private static final class Scope {
        final Map<String, Integer> incidence = new LinkedHashMap<>();
        final Measures measures;

        Scope(List<CodedAnswer> answers, SaturationThresholds th) {
            Map<String, Set<String>> heardFrom = new HashMap<>();
            List<Set<String>> byRank = new ArrayList<>();
            Map<String, Integer> firstRank = new HashMap<>();
            Map<String, Integer> mentions = new HashMap<>();
            Set<String> confirmedThemes = new HashSet<>();
            List<Integer> curve = new ArrayList<>();
            long unconfirmed = 0;
            long mentionTotal = 0;
            long u = 0;
            int q1 = 0;
            int q2 = 0;
            long run = 0;
            long runBefore = 0;
            Integer saturatedAt = null;
            Integer guestAt = null;
            for (CodedAnswer a : answers) {
                Set<String> themesOfAnswer = new LinkedHashSet<>();
                for (String t : a.themes()) {
                    if (t != null && !t.isBlank()) {
                        themesOfAnswer.add(t);
                    }
                }
                Set<String> mine = heardFrom.get(a.respondentKey());
                if (mine == null) {
                    mine = new LinkedHashSet<>();
                    heardFrom.put(a.respondentKey(), mine);
                    byRank.add(mine);
                    curve.add(0);
                    runBefore = run;
                }
                int rank = byRank.size();
                for (String t : themesOfAnswer) {
                    mentions.merge(t, 1, Integer::sum);
                    mentionTotal++;
                    if (a.confirmed()) {
                        confirmedThemes.add(t);
                    } else {
                        unconfirmed++;
                    }
                    if (mine.add(t)) {
                        u++;
                        int y = incidence.merge(t, 1, Integer::sum);
                        if (y == 1) {
                            q1++;
                            firstRank.put(t, rank);
                        } else if (y == 2) {
                            q1--;
                            q2++;
                        } else if (y == 3) {
                            q2--;
                        }
                    }
                }
                int s = incidence.size();
                curve.set(rank - 1, s);
                double cov = Estimators.coverage(rank, u, q1, q2);
                run = cov >= th.coverageTarget() ? runBefore + 1 : 0;
                Status st = Status.of(th, rank, mentionTotal, s, Estimators.chao2(rank, s, q1, q2), run);
                if (st == Status.SATURATED && saturatedAt == null) {
                    saturatedAt = rank;
                }
                if (guestAt == null) {
                    Double share = guestShare(byRank, firstRank, th);
                    if (share != null && share <= th.guestThreshold()) {
                        guestAt = rank;
                    }
                }
            }
            // Final frequency counts and spectrum sums from scratch.
            int fq1 = 0, fq2 = 0, ff1 = 0, ff2 = 0;
            double sumE = 0, sumE2 = 0, sumYE = 0;
            for (int y : incidence.values()) {
                if (y == 1) {
                    fq1++;
                } else if (y == 2) {
                    fq2++;
                }
                double e = Math.exp(-y);
                sumE += e;
                sumE2 += e * e;
                sumYE += y * e;
            }
            for (int m : mentions.values()) {
                if (m == 1) {
                    ff1++;
                } else if (m == 2) {
                    ff2++;
                }
            }
            long incidences = 0;
            for (Set<String> set : byRank) {
                incidences += set.size();
            }
            int[] c = curve.stream().mapToInt(Integer::intValue).toArray();
            measures = Measures.of(new Measures.Counts(answers.size(), byRank.size(), mentionTotal, incidences,
                    incidence.size(), fq1, fq2, ff1, ff2, sumE, sumE2, sumYE, unconfirmed,
                    incidence.size() - confirmedThemes.size(), run, saturatedAt, guestAt,
                    guestShare(byRank, firstRank, th), Arrays.copyOf(c, c.length)), th);
        }

        private static Double guestShare(List<Set<String>> byRank, Map<String, Integer> firstRank,
                                         SaturationThresholds th) {
            int t = byRank.size();
            if (t < th.guestBase() + th.guestRun()) {
                return null;
            }
            Set<String> base = new HashSet<>();
            for (int r = t - th.guestRun() - th.guestBase() + 1; r <= t - th.guestRun(); r++) {
                base.addAll(byRank.get(r - 1));
            }
            if (base.isEmpty()) {
                return null;
            }
            int fresh = 0;
            for (int r = t - th.guestRun() + 1; r <= t; r++) {
                for (String theme : byRank.get(r - 1)) {
                    if (firstRank.get(theme) == r) {
                        fresh++;
                    }
                }
            }
            return fresh / (double) base.size();
        }
    }
}
