package be.buurtstem.analysis.coding;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a coder says about one answer: its id and version, a confidence (0–1) per theme it considered, and the themes
 * it codes (multi-label: several or none), strongest first.
 */
public record Coding(String coderId, String coderVersion, Map<String, Double> scores, List<String> themes) {
    public Coding {
        scores = Collections.unmodifiableMap(new LinkedHashMap<>(scores));
        themes = List.copyOf(themes);
    }

    /** A coding from scores and per-theme thresholds: a theme is coded when its score reaches its threshold. */
    public static Coding of(String coderId, String coderVersion, Map<String, Double> scores, Thresholds thresholds) {
        List<Map.Entry<String, Double>> sorted = new ArrayList<>(scores.entrySet());
        sorted.sort(Map.Entry.<String, Double>comparingByValue().reversed());
        Map<String, Double> ordered = new LinkedHashMap<>();
        List<String> themes = new ArrayList<>();
        for (Map.Entry<String, Double> e : sorted) {
            ordered.put(e.getKey(), e.getValue());
            if (e.getValue() >= thresholds.of(e.getKey())) {
                themes.add(e.getKey());
            }
        }
        return new Coding(coderId, coderVersion, ordered, themes);
    }

    public double score(String theme) {
        return scores.getOrDefault(theme, 0.0);
    }
}
