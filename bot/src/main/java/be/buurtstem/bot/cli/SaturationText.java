package be.buurtstem.bot.cli;

import be.buurtstem.analysis.saturation.Measures;
import be.buurtstem.analysis.saturation.SaturationReport;
import be.buurtstem.analysis.saturation.SegmentReport;
import be.buurtstem.analysis.saturation.Status;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The readable saturation report: tables, the accumulation curve as a small text chart, and plain words. */
final class SaturationText {

    private SaturationText() {
    }

    static void print(PrintWriter out, String input, long uncoded, long synthetic, SaturationReport r,
                      List<String> by, String per, Map<String, SaturationReport> scopes) {
        Measures m = r.overall();
        out.println("Saturation report: " + input);
        out.println(SaturationReport.NOTE);
        out.printf(Locale.ROOT, "%d coded answers from %d respondents, %d theme mentions.%s%n", m.answers(),
                m.respondents(), m.mentions(), skipped(uncoded, synthetic));
        out.println();
        out.println("Overall: " + verdict(m, r.thresholds().coverageTarget()));
        out.println();
        table(out, "scope", List.of(new Row("all", m, null)));
        out.println();
        out.println("Themes heard, by respondents in arrival order (" + m.themesSeen() + " seen, Chao2 estimates "
                + fmt1(m.chao2()) + "):");
        chart(out, m.curve(), m.chao2());
        out.println();
        for (String field : by) {
            Map<String, SegmentReport> values = r.segments().get(field);
            out.println("By " + field + ":");
            if (values == null || values.isEmpty()) {
                out.println("  (no answer gives a value for " + field + ")");
                out.println();
                continue;
            }
            table(out, field, values.values().stream().map(s -> new Row(s.value(), s.measures(), s)).toList());
            for (SegmentReport s : values.values()) {
                if (!s.onlyHere().isEmpty()) {
                    out.println("  heard only from " + s.name() + ": " + String.join(", ", s.onlyHere()));
                }
            }
            out.println();
        }
        if (!r.silent().isEmpty()) {
            out.println("Silent segments (expected in the neighbourhood, no answer yet): " + String.join(", ", r.silent()));
        }
        if (!r.underRepresented().isEmpty()) {
            out.println("Under-represented segments (far fewer respondents than their share of the neighbourhood): "
                    + String.join(", ", r.underRepresented()));
        }
        if (!r.thin().isEmpty()) {
            out.println("Thin segments (too few respondents or mentions to judge): " + String.join(", ", r.thin()));
        }
        if (!r.silent().isEmpty() || !r.thin().isEmpty() || !r.underRepresented().isEmpty()) {
            out.println("Go and find these voices before concluding that the neighbourhood has been heard.");
            out.println();
        }
        out.printf(Locale.ROOT, "Unconfirmed machine codes: %d of %d mentions (%s); %d theme(s) rest only on"
                        + " machine codes.%n", m.unconfirmedMentions(), m.mentions(), pct(m.unconfirmedShare()),
                m.themesOnlyMachineCoded());
        SaturationThresholdsText.guest(out, m, r);
        if (per != null) {
            out.println();
            out.println("Per " + per + ":");
            table(out, per, scopes.entrySet().stream().map(e -> new Row(e.getKey(), e.getValue().overall(), null))
                    .toList());
        }
    }

    private static String skipped(long uncoded, long synthetic) {
        if (uncoded == 0 && synthetic == 0) {
            return "";
        }
        return " Not counted: " + uncoded + " uncoded, " + synthetic + " synthetic record(s).";
    }

    static String verdict(Measures m, double target) {
        return switch (m.status()) {
            case TOO_FEW -> "too few answers to judge yet (" + m.respondents() + " respondents, " + m.mentions()
                    + " mentions; at least 30 of each are needed).";
            case SATURATED -> "saturated (first reached at respondent " + m.saturatedAt() + "): the same echoes,"
                    + " few new themes expected (" + fmt1(m.expectedNew()) + " from the next " + m.lookahead()
                    + " respondents).";
            case HEARING_NEW -> "still hearing new themes: coverage " + pct(m.coverage()) + ", about "
                    + fmt1(m.expectedNew()) + " new theme(s) expected from the next " + m.lookahead()
                    + " respondents" + (Double.isFinite(m.respondentsNeeded())
                    ? ", about " + (long) m.respondentsNeeded() + " more respondents for " + pct(target) + " coverage."
                    : ".");
        };
    }

    record Row(String name, Measures m, SegmentReport seg) {
    }

    private static void table(PrintWriter out, String head, List<Row> rows) {
        boolean segments = rows.stream().anyMatch(r -> r.seg() != null);
        int w = Math.max(head.length(), rows.stream().mapToInt(r -> r.name().length()).max().orElse(3));
        w = Math.min(w, 24);
        String fmt = "  %-" + w + "s %6s %7s %6s %4s %4s %17s %6s %8s %9s %8s  %-24s%s%n";
        out.printf(Locale.ROOT, fmt, head, "resp", "answers", "themes", "Q1", "Q2", "Chao2 [95% CI]", "Chao1",
                "coverage", "new/next", "to 95%", "status", segments ? "  share/expected" : "");
        for (Row row : rows) {
            Measures m = row.m();
            String ci = fmt1(m.chao2()) + " [" + fmt0(m.chao2Lower()) + "-" + fmt0(m.chao2Upper()) + "]";
            String extra = "";
            if (row.seg() != null) {
                SegmentReport s = row.seg();
                extra = "  " + pct(s.observedShare()) + (s.expectedShare() == null ? "" : " / " + pct(s.expectedShare()))
                        + (s.silent() ? "  SILENT" : s.underRepresented() ? "  UNDER-REPRESENTED" : "");
            }
            String name = row.name().length() > w ? row.name().substring(0, w - 1) + "…" : row.name();
            out.printf(Locale.ROOT, fmt, name, m.respondents(), m.answers(), m.themesSeen(), m.singletons(),
                    m.doubletons(), m.respondents() == 0 ? "-" : ci, fmt1(m.chao1()), pct(m.coverage()),
                    fmt1(m.expectedNew()), Double.isFinite(m.respondentsNeeded()) ? fmt0(m.respondentsNeeded()) : "?",
                    m.status().words() + (m.status() == Status.SATURATED ? " @" + m.saturatedAt() : ""), extra);
        }
    }

    /** A small chart: 8 rows, at most 60 columns; '#' under the curve, '-' marks the Chao2 estimate. */
    static void chart(PrintWriter out, int[] curve, double chao2) {
        if (curve.length == 0) {
            out.println("  (no respondents yet)");
            return;
        }
        int cols = Math.min(60, curve.length);
        int rows = 8;
        double top = Math.max(1, Math.max(chao2, curve[curve.length - 1]));
        int[] col = new int[cols];
        for (int c = 0; c < cols; c++) {
            int idx = (int) Math.ceil((c + 1) * (double) curve.length / cols) - 1;
            col[c] = curve[Math.max(0, Math.min(curve.length - 1, idx))];
        }
        int chaoRow = (int) Math.ceil(chao2 / top * rows);
        for (int row = rows; row >= 1; row--) {
            double level = top * row / rows;
            StringBuilder sb = new StringBuilder();
            sb.append(String.format(Locale.ROOT, "  %5.0f |", level));
            for (int c = 0; c < cols; c++) {
                if (col[c] >= level - top / rows / 2) {
                    sb.append('#');
                } else if (row == chaoRow) {
                    sb.append('-');
                } else {
                    sb.append(' ');
                }
            }
            if (row == chaoRow) {
                sb.append("  Chao2 ").append(fmt1(chao2));
            }
            out.println(sb.toString().stripTrailing());
        }
        out.println("        +" + "-".repeat(cols));
        out.printf(Locale.ROOT, "         1%" + Math.max(1, cols - 1) + "d respondents%n", curve.length);
    }

    static String pct(double x) {
        return String.format(Locale.ROOT, "%.0f%%", 100 * x);
    }

    static String fmt1(double x) {
        return Double.isFinite(x) ? String.format(Locale.ROOT, "%.1f", x) : "?";
    }

    static String fmt0(double x) {
        return Double.isFinite(x) ? String.format(Locale.ROOT, "%.0f", x) : "?";
    }
}
