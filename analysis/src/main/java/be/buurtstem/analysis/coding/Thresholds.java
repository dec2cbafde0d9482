package be.buurtstem.analysis.coding;

import java.util.Map;
import java.util.TreeMap;

/** A score threshold per theme, with a default for themes not listed. */
public record Thresholds(double defaultThreshold, Map<String, Double> perTheme) {
    public Thresholds {
        perTheme = Map.copyOf(perTheme);
    }

    public static Thresholds uniform(double t) {
        return new Thresholds(t, Map.of());
    }

    public double of(String theme) {
        return perTheme.getOrDefault(theme, defaultThreshold);
    }

    /** Sorted by theme, for reports and model files. */
    public Map<String, Double> sorted() {
        return new TreeMap<>(perTheme);
    }
}
