package be.buurtstem.engine.model;

import java.util.Map;

/**
 * A value on a short scale, shown as buttons (smileys for 1–5).
 *
 * @param min    lowest value as written (null: 1); {@link #scaleMin()} is the value used
 * @param max    highest value as written (null: 5); {@link #scaleMax()} is the value used
 * @param labels value → label text (optional)
 */
public record ScaleNode(Common common, boolean required, String segment, Double min, Double max, Map<Integer, Text> labels) implements Question {
    public static final int DEFAULT_MIN = 1;
    public static final int DEFAULT_MAX = 5;

    public ScaleNode {
        labels = labels == null ? Map.of() : Map.copyOf(labels);
    }

    @Override
    public int scaleMin() {
        return min == null ? DEFAULT_MIN : min.intValue();
    }

    @Override
    public int scaleMax() {
        return max == null ? DEFAULT_MAX : max.intValue();
    }

    @Override
    public Kind kind() {
        return Kind.SCALE;
    }
}
