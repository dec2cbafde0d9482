package be.buurtstem.analysis.coding;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Chooses a threshold per theme on held-out scores: the one with the best F1 on a grid 0.05, 0.10 ... 0.95 (ties go to
 * the one nearest 0.5). A theme with fewer than {@value #MIN_POSITIVES} held-out positives keeps 0.5. Pure.
 */
public final class ThresholdChooser {
    static final int MIN_POSITIVES = 3;

    private ThresholdChooser() {
    }

    public static Thresholds choose(List<Map<String, Double>> scores, List<? extends Set<String>> gold, Collection<String> themes) {
        Map<String, Double> per = new HashMap<>();
        for (String theme : themes) {
            int positives = 0;
            for (Set<String> g : gold) {
                positives += g.contains(theme) ? 1 : 0;
            }
            if (positives < MIN_POSITIVES) {
                continue;
            }
            double best = 0.5;
            double bestF1 = -1;
            for (int step = 1; step <= 19; step++) {
                double t = step * 0.05;
                int tp = 0;
                int fp = 0;
                for (int i = 0; i < gold.size(); i++) {
                    boolean p = scores.get(i).getOrDefault(theme, 0.0) >= t;
                    if (p) {
                        if (gold.get(i).contains(theme)) {
                            tp++;
                        } else {
                            fp++;
                        }
                    }
                }
                double precision = tp + fp == 0 ? 0 : (double) tp / (tp + fp);
                double f1 = Evaluation.f1(precision, (double) tp / positives);
                if (f1 > bestF1 + 1e-12 || (Math.abs(f1 - bestF1) <= 1e-12 && Math.abs(t - 0.5) < Math.abs(best - 0.5))) {
                    bestF1 = f1;
                    best = t;
                }
            }
            per.put(theme, Math.round(best * 100) / 100.0);
        }
        return new Thresholds(0.5, per);
    }
}
