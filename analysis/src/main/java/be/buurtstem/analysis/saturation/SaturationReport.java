package be.buurtstem.analysis.saturation;

import java.util.List;
import java.util.Map;

/**
 * A saturation report: overall measures and, per segment field, per value, the same measures. This is code
 * saturation (no new theme codes), not meaning saturation (understanding each theme in depth): see {@link #NOTE}.
 *
 * @param overall           the whole scope
 * @param segments          field → value → segment report, in first-seen order (expected but silent values last)
 * @param thin              segments too thin to judge ("field=value")
 * @param silent            target segments with no respondent
 * @param underRepresented  segments whose share of respondents lies well below their expected share
 * @param thresholds        the thresholds used
 */
public record SaturationReport(Measures overall, Map<String, Map<String, SegmentReport>> segments, List<String> thin,
                               List<String> silent, List<String> underRepresented, SaturationThresholds thresholds) {

    public static final String NOTE = "This is code saturation: whether new theme codes still appear. It is not "
            + "meaning saturation: a theme heard once is not yet understood.";

    public SaturationReport {
        segments = segments == null ? Map.of() : segments;
        thin = List.copyOf(thin);
        silent = List.copyOf(silent);
        underRepresented = List.copyOf(underRepresented);
    }
}
