package be.buurtstem.analysis.saturation;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A simulated neighbourhood with known themes: long-tailed (Zipf-like, weight ∝ rank^−alpha) theme distributions,
 * segments with their own shares, a minority segment with themes of its own, and optional random coding errors.
 * Each respondent voices 1–3 distinct themes, drawn without replacement from their segment's distribution; their
 * answers arrive one theme per answer or grouped, like chat answers.
 */
final class Neighbourhood {

    final String name;
    final int commonThemes;
    final double alpha;
    final int ownThemes;
    final double minorityShare;
    final double minorityOwnWeight;
    final double errorRate;
    /** Cumulative weights per group: 0 = majority, 1 = minority. */
    private final double[][] cumulative = new double[2][];
    private final String[][] labels = new String[2][];
    /** True per-respondent incidence probability of each theme, over the whole neighbourhood. */
    final Map<String, Double> pi = new HashMap<>();
    /** The minority's true incidence probabilities (within the segment). */
    final Map<String, Double> piMinority = new HashMap<>();
    final List<String> allThemes = new ArrayList<>();

    Neighbourhood(String name, int commonThemes, double alpha, int ownThemes, double minorityShare,
                  double minorityOwnWeight, double errorRate) {
        this.name = name;
        this.commonThemes = commonThemes;
        this.alpha = alpha;
        this.ownThemes = ownThemes;
        this.minorityShare = minorityShare;
        this.minorityOwnWeight = minorityOwnWeight;
        this.errorRate = errorRate;
        double[] common = new double[commonThemes];
        for (int i = 0; i < commonThemes; i++) {
            common[i] = Math.pow(i + 1, -alpha);
            allThemes.add("t" + i);
        }
        for (int j = 0; j < ownThemes; j++) {
            allThemes.add("own" + j);
        }
        labels[0] = new String[commonThemes];
        for (int i = 0; i < commonThemes; i++) {
            labels[0][i] = "t" + i;
        }
        cumulative[0] = cumulate(common);
        labels[1] = new String[commonThemes + ownThemes];
        double[] mw = new double[commonThemes + ownThemes];
        double commonTotal = Arrays.stream(common).sum();
        for (int i = 0; i < commonThemes; i++) {
            mw[i] = (1 - minorityOwnWeight) * common[i] / commonTotal;
            labels[1][i] = "t" + i;
        }
        for (int j = 0; j < ownThemes; j++) {
            mw[commonThemes + j] = minorityOwnWeight * Math.pow(j + 1, -0.5)
                    / harmonic(ownThemes, 0.5);
            labels[1][commonThemes + j] = "own" + j;
        }
        cumulative[1] = cumulate(mw);
        // True incidence probabilities by Monte Carlo (fixed seed; 100 000 respondents per group).
        Random r = new Random(12345);
        for (int g = 0; g < 2; g++) {
            Map<String, Double> counts = new HashMap<>();
            int n = 100_000;
            for (int k = 0; k < n; k++) {
                for (String t : draw(g, r)) {
                    counts.merge(t, 1.0, Double::sum);
                }
            }
            double weight = g == 0 ? 1 - minorityShare : minorityShare;
            for (var e : counts.entrySet()) {
                pi.merge(e.getKey(), weight * e.getValue() / n, Double::sum);
                if (g == 1) {
                    piMinority.put(e.getKey(), e.getValue() / n);
                }
            }
        }
        for (String t : allThemes) {
            pi.putIfAbsent(t, 0.0);
        }
    }

    private static double harmonic(int n, double a) {
        double s = 0;
        for (int i = 1; i <= n; i++) {
            s += Math.pow(i, -a);
        }
        return s;
    }

    private static double[] cumulate(double[] w) {
        double[] c = new double[w.length];
        double s = 0;
        for (int i = 0; i < w.length; i++) {
            s += w[i];
            c[i] = s;
        }
        return c;
    }

    /** 1–3 distinct themes of a respondent of group g (0 majority, 1 minority). */
    List<String> draw(int g, Random r) {
        int k = 1 + r.nextInt(3);
        double[] c = cumulative[g];
        List<String> out = new ArrayList<>(k);
        int guard = 0;
        while (out.size() < k && guard++ < 100) {
            double x = r.nextDouble() * c[c.length - 1];
            int i = Arrays.binarySearch(c, x);
            i = i < 0 ? -i - 1 : i;
            String t = labels[g][Math.min(i, c.length - 1)];
            if (!out.contains(t)) {
                out.add(t);
            }
        }
        return out;
    }

    /** True coverage of a set of heard themes: the share of incidence probability they carry. */
    double trueCoverage(java.util.Collection<String> heard, Map<String, Double> probabilities) {
        double total = 0, seen = 0;
        for (var e : probabilities.entrySet()) {
            total += e.getValue();
            if (heard.contains(e.getKey())) {
                seen += e.getValue();
            }
        }
        return total == 0 ? 0 : seen / total;
    }

    /** The answers of {@code respondents} respondents in arrival order, each respondent one or two answers. */
    List<CodedAnswer> answers(int respondents, Random r, Instant start) {
        List<CodedAnswer> out = new ArrayList<>();
        String[] areas = {"noord", "zuid", "centrum"};
        String[] languages = {"nl", "fr", "ar", "tr"};
        int id = 0;
        for (int p = 0; p < respondents; p++) {
            boolean minority = r.nextDouble() < minorityShare;
            List<String> themes = new ArrayList<>(draw(minority ? 1 : 0, r));
            if (errorRate > 0) {
                for (int i = 0; i < themes.size(); i++) {
                    if (r.nextDouble() < errorRate) {
                        themes.set(i, allThemes.get(r.nextInt(allThemes.size())));
                    }
                }
            }
            Map<String, String> fields = new LinkedHashMap<>();
            fields.put("group", minority ? "minority" : "majority");
            fields.put("area", areas[r.nextInt(areas.length)]);
            fields.put("language", minority ? "ar" : languages[r.nextInt(2)]);
            Instant at = start.plus(Duration.ofMinutes(p));
            boolean confirmed = r.nextDouble() < 0.3;
            if (themes.size() > 1 && r.nextBoolean()) {
                // two answers (two questions) from the same respondent
                int cut = 1 + r.nextInt(themes.size() - 1);
                out.add(new CodedAnswer("a" + id++, "p" + p, "s", "q1", "b1", fields, themes.subList(0, cut), at,
                        confirmed));
                out.add(new CodedAnswer("a" + id++, "p" + p, "s", "q2", "b1", fields,
                        themes.subList(cut, themes.size()), at.plusSeconds(30), confirmed));
            } else {
                out.add(new CodedAnswer("a" + id++, "p" + p, "s", "q1", "b1", fields, themes, at, confirmed));
            }
        }
        return out;
    }
}
