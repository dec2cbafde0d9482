package be.buurtstem.analysis.saturation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Puts the measures of the segments together with the expected make-up; shared by batch and incremental. */
final class ReportBuilder {

    private ReportBuilder() {
    }

    static SaturationReport build(SaturationThresholds th, Expectations exp, List<String> fields, Measures overall,
                                  Map<String, Map<String, Measures>> measures,
                                  Map<String, Map<String, Set<String>>> themesByValue) {
        Map<String, Map<String, SegmentReport>> segments = new LinkedHashMap<>();
        List<String> thin = new ArrayList<>();
        List<String> silent = new ArrayList<>();
        List<String> under = new ArrayList<>();
        for (String field : fields) {
            Map<String, Measures> values = measures.getOrDefault(field, Map.of());
            Map<String, Set<String>> themes = themesByValue.getOrDefault(field, Map.of());
            Map<String, Integer> themeSegments = new HashMap<>();
            themes.values().forEach(set -> set.forEach(t -> themeSegments.merge(t, 1, Integer::sum)));
            long total = values.values().stream().mapToLong(Measures::respondents).sum();
            Map<String, SegmentReport> out = new LinkedHashMap<>();
            List<String> names = new ArrayList<>(values.keySet());
            Map<String, Double> expected = exp.shares().getOrDefault(field, Map.of());
            for (String v : expected.keySet()) {
                if (!values.containsKey(v)) {
                    names.add(v);
                }
            }
            for (String value : names) {
                Measures m = values.get(value);
                if (m == null) {
                    m = Measures.of(new Measures.Counts(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, null, null,
                            null, new int[0]), th);
                }
                double observed = total == 0 ? 0 : m.respondents() / (double) total;
                Double exShare = expected.get(value);
                boolean isSilent = exShare != null && exShare > 0 && m.respondents() == 0;
                // silent counts as under-represented; a heard segment only when its shortfall is not chance
                boolean isUnder = exShare != null && exShare > 0 && (isSilent ? observed < th.underRepresentedRatio()
                        * exShare : Representation.underRepresented(m.respondents(), total, exShare,
                        th.underRepresentedRatio(), Representation.SIGNIFICANCE));
                List<String> only = new ArrayList<>();
                for (String t : themes.getOrDefault(value, Set.of())) {
                    if (themeSegments.get(t) == 1) {
                        only.add(t);
                    }
                }
                Collections.sort(only);
                SegmentReport seg = new SegmentReport(field, value, m, observed, exShare, isUnder, isSilent, only);
                out.put(value, seg);
                if (isSilent) {
                    silent.add(seg.name());
                } else if (seg.thin()) {
                    thin.add(seg.name());
                }
                if (isUnder) {
                    under.add(seg.name());
                }
            }
            segments.put(field, Collections.unmodifiableMap(out));
        }
        return new SaturationReport(overall, Collections.unmodifiableMap(segments), thin, silent, under, th);
    }
}
