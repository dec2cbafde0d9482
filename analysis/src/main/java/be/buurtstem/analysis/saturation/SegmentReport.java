package be.buurtstem.analysis.saturation;

import java.util.List;

/**
 * One segment value's saturation next to its representation.
 *
 * @param field             the segment field (language, age_band, area, channel...)
 * @param value             the value
 * @param measures          the same measures as overall, within the segment
 * @param observedShare     the segment's share of the respondents who gave a value for this field
 * @param expectedShare     its share in the neighbourhood's statistics, or null when not given
 * @param underRepresented  observed share below the configured ratio of the expected share, and not by chance
 *                          ({@link Representation#underRepresented}); a silent target segment always
 * @param silent            a target segment with no respondent at all
 * @param onlyHere          themes heard in this segment and in no other value of the field
 */
public record SegmentReport(String field, String value, Measures measures, double observedShare,
                            Double expectedShare, boolean underRepresented, boolean silent, List<String> onlyHere) {

    public SegmentReport {
        onlyHere = List.copyOf(onlyHere);
    }

    /** "field=value", as segments are named in lists and alerts. */
    public String name() {
        return field + "=" + value;
    }

    /** Too few respondents or mentions to judge: the organisers should go and find these voices. */
    public boolean thin() {
        return measures.status() == Status.TOO_FEW;
    }
}
