package be.buurtstem.analysis.coding;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What an analyst sees of a model version: when it was trained, on how much, and how well it did in cross-validation
 * (on non-synthetic answers only; null when there were too few for it).
 *
 * @param version        1, 2, 3 ... (each training makes the next)
 * @param trainedAt      training time (passed in)
 * @param examples       answers trained on
 * @param synthetic      of which synthetic seed examples (never scored)
 * @param themeCounts    answers per theme in the training data
 * @param settings       the trainer settings, as text
 * @param thresholds     the per-theme thresholds chosen on held-out data
 * @param cv             cross-validated scores over all evaluated answers
 * @param cvByLanguage   the same per language (the answer's chosen language, else the detected one)
 * @param folds          number of folds used
 */
public record ModelInfo(int version, Instant trainedAt, int examples, int synthetic, Map<String, Integer> themeCounts,
                        String settings, Map<String, Double> thresholds, Evaluation.Report cv,
                        Map<String, Evaluation.Report> cvByLanguage, int folds) {
    public ModelInfo {
        themeCounts = Map.copyOf(themeCounts);
        thresholds = Map.copyOf(thresholds);
        cvByLanguage = cvByLanguage == null ? Map.of() : Map.copyOf(cvByLanguage);
    }

    public List<String> themes() {
        return themeCounts.keySet().stream().sorted().toList();
    }
}
