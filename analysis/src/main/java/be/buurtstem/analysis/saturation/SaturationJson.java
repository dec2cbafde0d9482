package be.buurtstem.analysis.saturation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code saturation --json} object of DESIGN.md as plain maps and lists (any JSON library can write it). The
 * contract fields are {@code answers, respondents, themes_seen, singletons, doubletons, chao1, chao2, coverage,
 * new_share_last_run, status, saturated, saturated_at, curve} and, with segments, {@code segments}: field → value →
 * the same measures. Further fields are additions, never renamings.
 */
public final class SaturationJson {

    private SaturationJson() {
    }

    public static Map<String, Object> toMap(SaturationReport report) {
        Map<String, Object> out = measures(report.overall());
        if (!report.segments().isEmpty()) {
            Map<String, Object> segs = new LinkedHashMap<>();
            report.segments().forEach((field, values) -> {
                Map<String, Object> vs = new LinkedHashMap<>();
                values.forEach((value, seg) -> {
                    Map<String, Object> m = measures(seg.measures());
                    m.put("observed_share", seg.observedShare());
                    m.put("expected_share", seg.expectedShare());
                    m.put("under_represented", seg.underRepresented());
                    m.put("silent", seg.silent());
                    m.put("only_here", seg.onlyHere());
                    vs.put(value, m);
                });
                segs.put(field, vs);
            });
            out.put("segments", segs);
            out.put("thin_segments", report.thin());
            out.put("silent_segments", report.silent());
            out.put("under_represented_segments", report.underRepresented());
        }
        out.put("note", SaturationReport.NOTE);
        return out;
    }

    public static Map<String, Object> measures(Measures m) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("answers", m.answers());
        o.put("respondents", m.respondents());
        o.put("themes_seen", m.themesSeen());
        o.put("singletons", m.singletons());
        o.put("doubletons", m.doubletons());
        o.put("chao1", finite(m.chao1()));
        o.put("chao2", finite(m.chao2()));
        o.put("coverage", finite(m.coverage()));
        o.put("new_share_last_run", m.newShareLastRun());
        o.put("status", m.status().json());
        o.put("saturated", m.saturated());
        o.put("saturated_at", m.saturatedAt());
        List<Integer> curve = new ArrayList<>(m.curve().length);
        for (int c : m.curve()) {
            curve.add(c);
        }
        o.put("curve", curve);
        // Additions beyond the contract.
        o.put("mentions", m.mentions());
        o.put("chao2_lower", finite(m.chao2Lower()));
        o.put("chao2_upper", finite(m.chao2Upper()));
        o.put("chao2_se", finite(m.chao2Se()));
        o.put("expected_new_next_" + m.lookahead(), finite(m.expectedNew()));
        o.put("respondents_needed_for_target", finite(m.respondentsNeeded()));
        o.put("coverage_held_for", m.coverageHeldFor());
        o.put("hold_window", m.holdWindow());
        o.put("guest_saturated_at", m.guestSaturatedAt());
        o.put("unconfirmed_mentions", m.unconfirmedMentions());
        o.put("unconfirmed_share", m.unconfirmedShare());
        o.put("themes_only_machine_coded", m.themesOnlyMachineCoded());
        o.put("detectable_share", m.detectableShare());
        return o;
    }

    private static Double finite(double d) {
        return Double.isFinite(d) ? d : null;
    }
}
