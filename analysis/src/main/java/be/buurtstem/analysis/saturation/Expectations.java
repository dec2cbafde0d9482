package be.buurtstem.analysis.saturation;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The expected make-up of the neighbourhood, from its statistics: field → value → share of residents (shares of a
 * field need not sum to exactly 1; they are normalised). Segments with an expected share are the target segments:
 * they are named when silent or under-represented, and alerted when silent for {@code silenceAfter}.
 */
public record Expectations(Map<String, Map<String, Double>> shares, Duration silenceAfter) {

    public static final Expectations NONE = new Expectations(Map.of(), null);

    public Expectations {
        Map<String, Map<String, Double>> copy = new LinkedHashMap<>();
        if (shares != null) {
            shares.forEach((field, values) -> {
                double total = values.values().stream().mapToDouble(Double::doubleValue).sum();
                Map<String, Double> normalised = new LinkedHashMap<>();
                values.forEach((v, s) -> {
                    if (s < 0) {
                        throw new IllegalArgumentException("negative expected share for " + field + "=" + v);
                    }
                    normalised.put(v, total > 0 ? s / total : 0);
                });
                copy.put(field, Collections.unmodifiableMap(normalised));
            });
        }
        shares = Collections.unmodifiableMap(copy);
    }

    /** The expected share of a segment, or null when none was given. */
    public Double expected(String field, String value) {
        Map<String, Double> f = shares.get(field);
        return f == null ? null : f.get(value);
    }
}
