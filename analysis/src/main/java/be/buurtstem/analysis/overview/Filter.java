package be.buurtstem.analysis.overview;

import java.util.List;
import java.util.Map;

/**
 * Which residents to count: a questionnaire version (null: all) and one segment value (null field: everyone), e.g.
 * {@code area = noord}.
 */
public record Filter(Integer version, String field, String value) {
    public static final Filter ALL = new Filter(null, null, null);

    public boolean bySegment() {
        return field != null && value != null;
    }

    boolean version(int v) {
        return version == null || version == v;
    }

    boolean segments(Map<String, List<String>> segments) {
        if (!bySegment()) {
            return true;
        }
        List<String> values = segments.get(field);
        return values != null ? values.contains(value) : Overview.NONE.equals(value);
    }
}
