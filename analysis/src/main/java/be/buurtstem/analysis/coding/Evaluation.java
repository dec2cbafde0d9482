package be.buurtstem.analysis.coding;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Multi-label evaluation against gold labels: per theme precision, recall, F1 and Cohen's kappa (theme present or
 * not, coder against the labels); micro-averaged precision, recall and F1 (over all answer × theme decisions), macro F1
 * (mean over themes that occur in the gold labels or the predictions), Cohen's kappa pooled over all answer × theme
 * decisions and its mean over themes, and the share of answers whose themes are exactly right. Pure.
 */
public final class Evaluation {
    private Evaluation() {
    }

    public record ThemeScore(String theme, int support, int predicted, int truePositives, double precision, double recall,
                             double f1, double kappa) {
    }

    public record Report(int answers, List<ThemeScore> perTheme, double microPrecision, double microRecall, double microF1,
                         double macroF1, double kappa, double meanKappa, double exactMatch) {
        public Report {
            perTheme = List.copyOf(perTheme);
        }
    }

    /** Evaluates {@code predicted} against {@code gold}, answer by answer, over {@code themes} plus any theme in either. */
    public static Report evaluate(List<? extends Set<String>> gold, List<? extends Set<String>> predicted, Collection<String> themes) {
        if (gold.size() != predicted.size()) {
            throw new IllegalArgumentException("gold and predicted differ in length");
        }
        int n = gold.size();
        Set<String> all = new TreeSet<>(themes);
        gold.forEach(all::addAll);
        predicted.forEach(all::addAll);
        List<ThemeScore> per = new ArrayList<>();
        long tpAll = 0;
        long fpAll = 0;
        long fnAll = 0;
        double f1Sum = 0;
        double kappaSum = 0;
        int counted = 0;
        for (String theme : all) {
            int tp = 0;
            int fp = 0;
            int fn = 0;
            for (int i = 0; i < n; i++) {
                boolean g = gold.get(i).contains(theme);
                boolean p = predicted.get(i).contains(theme);
                if (g && p) {
                    tp++;
                } else if (p) {
                    fp++;
                } else if (g) {
                    fn++;
                }
            }
            int tn = n - tp - fp - fn;
            double precision = tp + fp == 0 ? 0 : (double) tp / (tp + fp);
            double recall = tp + fn == 0 ? 0 : (double) tp / (tp + fn);
            double f1 = f1(precision, recall);
            double kappa = kappa(tp, fp, fn, tn);
            per.add(new ThemeScore(theme, tp + fn, tp + fp, tp, precision, recall, f1, kappa));
            tpAll += tp;
            fpAll += fp;
            fnAll += fn;
            if (tp + fn > 0 || tp + fp > 0) {
                f1Sum += f1;
                kappaSum += kappa;
                counted++;
            }
        }
        double microP = tpAll + fpAll == 0 ? 0 : (double) tpAll / (tpAll + fpAll);
        double microR = tpAll + fnAll == 0 ? 0 : (double) tpAll / (tpAll + fnAll);
        long cells = (long) n * all.size();
        double pooledKappa = kappa(tpAll, fpAll, fnAll, cells - tpAll - fpAll - fnAll);
        int exact = 0;
        for (int i = 0; i < n; i++) {
            if (gold.get(i).equals(predicted.get(i))) {
                exact++;
            }
        }
        return new Report(n, per, microP, microR, f1(microP, microR), counted == 0 ? 0 : f1Sum / counted, pooledKappa,
                counted == 0 ? 0 : kappaSum / counted, n == 0 ? 0 : (double) exact / n);
    }

    static double f1(double p, double r) {
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    /** Cohen's kappa for a 2×2 table; 1 when both raters agree on everything, 0 when agreement is only by chance. */
    static double kappa(long tp, long fp, long fn, long tn) {
        double n = tp + fp + fn + tn;
        if (n == 0) {
            return 0;
        }
        double po = (tp + tn) / n;
        double pe = ((double) (tp + fp) * (tp + fn) + (double) (fn + tn) * (fp + tn)) / (n * n);
        if (pe >= 1) {
            return po >= 1 ? 1 : 0;
        }
        return (po - pe) / (1 - pe);
    }
}
