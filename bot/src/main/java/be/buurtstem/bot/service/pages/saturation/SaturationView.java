package be.buurtstem.bot.service.pages.saturation;

import be.buurtstem.analysis.saturation.Expectations;
import be.buurtstem.analysis.saturation.Measures;
import be.buurtstem.analysis.saturation.Representation;
import be.buurtstem.analysis.saturation.SaturationReport;
import be.buurtstem.analysis.saturation.SaturationThresholds;
import be.buurtstem.analysis.saturation.SegmentReport;
import be.buurtstem.analysis.saturation.Status;
import be.buurtstem.bot.service.pages.charts.AccumulationChart;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the saturation page says about one questionnaire, in plain words: the verdict and why, what we have probably
 * not heard yet, the curves, who we have not heard, and the technical measures for those who want them. Pure: the
 * analysis' report, the make-up and thresholds in use and the reader's language in, strings out. Only counts and
 * theme counts reach it, never what residents wrote.
 */
final class SaturationView {
    /** The last this many residents make the "why" of the verdict. */
    static final int RECENT = 20;
    /** Segment fields that are not groups of residents (the question block), left out of "who we have not heard". */
    static final Set<String> NOT_PEOPLE = Set.of("block", "channel");

    record Verdict(String key, String css, String words, String why) {
    }

    record Point(long residents, int themes) {
    }

    record Curve(String svg, List<Point> points) {
    }

    record SegmentRow(String group, long residents, int themes, String verdict, String css, String recent) {
    }

    record SegmentField(String field, String label, Curve curve, List<SegmentRow> rows) {
    }

    record Gap(String kind, String css, String sentence) {
    }

    record Measure(String name, String value) {
    }

    record Page(Verdict verdict, List<String> estimate, Curve curve, List<SegmentField> segments, List<Gap> gaps,
                boolean makeUpGiven, List<Measure> measures, List<Measure> thresholds) {
    }

    private SaturationView() {
    }

    static Verdict verdict(Measures m, SaturationThresholds th, SaturationTexts t) {
        String key = switch (m.status()) {
            case TOO_FEW -> "tooFew";
            case HEARING_NEW -> "hearingNew";
            case SATURATED -> "saturated";
        };
        String css = switch (m.status()) {
            case TOO_FEW -> "warn";
            case HEARING_NEW -> "info";
            case SATURATED -> "good";
        };
        String why;
        if (m.status() == Status.TOO_FEW) {
            why = t.t("saturation.why.tooFew", m.respondents(), m.mentions(), th.minRespondents(), th.minMentions());
            if (m.respondents() > 0) {
                why += " " + recent(m, t);
            }
        } else {
            why = recent(m, t);
        }
        return new Verdict(key, css, t.t("saturation.verdict." + key), why);
    }

    /** "The last 20 residents brought 1 new theme." */
    static String recent(Measures m, SaturationTexts t) {
        int[] c = m.curve();
        int n = c.length;
        if (n == 0) {
            return t.t("saturation.why.nobody");
        }
        int window = Math.min(RECENT, n);
        int before = n - window - 1 >= 0 ? c[n - window - 1] : 0;
        return t.t("saturation.why.recent", window, c[n - 1] - before);
    }

    static List<String> estimate(Measures m, SaturationThresholds th, SaturationTexts t) {
        List<String> out = new ArrayList<>();
        if (m.respondents() == 0 || m.themesSeen() == 0) {
            return out;
        }
        int seen = m.themesSeen();
        long about = Math.round(Math.max(0, m.chao2() - seen));
        double hiRaw = m.chao2Upper() - seen;
        if (Double.isFinite(m.chao2()) && about == 0 && Double.isFinite(hiRaw) && hiRaw < 1) {
            out.add(t.t("saturation.estimate.none", seen));
        } else if (Double.isFinite(m.chao2()) && Double.isFinite(hiRaw)) {
            long lo = (long) Math.floor(Math.max(0, m.chao2Lower() - seen) + 1e-9);
            long hi = (long) Math.ceil(Math.max(0, hiRaw) - 1e-9);
            out.add(t.t("saturation.estimate.unheard", seen, about, lo, Math.max(hi, about)));
        } else {
            out.add(t.t("saturation.estimate.unknown", seen));
        }
        String target = t.percent(th.coverageTarget());
        double needed = m.respondentsNeeded();
        if (Double.isInfinite(needed) || Double.isNaN(needed)) {
            out.add(t.t("saturation.estimate.neededUnknown", target));
        } else if (needed <= 0) {
            out.add(t.t("saturation.estimate.neededNone", target));
        } else {
            out.add(t.t("saturation.estimate.needed", (long) needed, target));
        }
        if (Double.isFinite(m.coverage())) {
            out.add(t.t("saturation.estimate.coverage", t.percent(m.coverage())));
        }
        return out;
    }

    static Page page(String questionnaire, SaturationReport report, Expectations expectations,
                     SaturationThresholds th, SaturationTexts t) {
        Measures all = report.overall();
        Curve curve = curve("curve-all", t.t("saturation.chart.title"), List.of(new AccumulationChart.Series(
                t.t("saturation.chart.everyone"), all.curve())), all, t);
        List<SegmentField> segments = new ArrayList<>();
        report.segments().forEach((field, values) -> {
            if ("block".equals(field)) {
                return;
            }
            List<SegmentReport> heard = new ArrayList<>(values.values().stream()
                    .filter(s -> s.measures().respondents() > 0).toList());
            if (heard.isEmpty()) {
                return;
            }
            heard.sort(Comparator.comparingLong((SegmentReport s) -> s.measures().respondents()).reversed());
            List<AccumulationChart.Series> series = new ArrayList<>();
            List<SegmentRow> rows = new ArrayList<>();
            for (SegmentReport s : heard) {
                Measures sm = s.measures();
                series.add(new AccumulationChart.Series(t.value(field, s.value()), sm.curve()));
                Verdict v = verdict(sm, th, t);
                rows.add(new SegmentRow(t.value(field, s.value()), sm.respondents(), sm.themesSeen(), v.words(),
                        v.css(), recent(sm, t)));
            }
            String label = t.field(field);
            String desc = t.t("saturation.chart.segmentDesc", label, heard.size());
            // one group alone would only repeat the overall curve: its table says enough
            String svg = heard.size() < 2 ? null : AccumulationChart.svg("curve-" + field,
                    t.t("saturation.chart.segmentTitle", label), desc, series, null, "",
                    t.t("saturation.chart.x"), t.t("saturation.chart.y"));
            segments.add(new SegmentField(field, label, new Curve(svg, List.of()), rows));
        });
        List<Gap> gaps = gaps(report, expectations, th, t);
        return new Page(verdict(all, th, t), estimate(all, th, t), curve, segments, gaps,
                expectations.shares().keySet().stream().anyMatch(f -> !NOT_PEOPLE.contains(f)),
                measures(all, t), thresholds(th, expectations, t));
    }

    private static Curve curve(String id, String title, List<AccumulationChart.Series> series, Measures m,
                               SaturationTexts t) {
        int[] c = m.curve();
        String desc = c.length == 0 ? t.t("saturation.chart.empty")
                : t.t("saturation.chart.desc", c.length, c[c.length - 1], recent(m, t));
        Double estimate = m.themesSeen() > 0 && Double.isFinite(m.chao2()) ? m.chao2() : null;
        String svg = AccumulationChart.svg(id, title, desc, series, estimate,
                estimate == null ? "" : t.t("saturation.chart.estimate", t.number(estimate, 0)),
                t.t("saturation.chart.x"), t.t("saturation.chart.y"));
        return new Curve(svg, samples(c));
    }

    /** About ten rows for the data table: evenly spaced residents, always the last. */
    static List<Point> samples(int[] c) {
        List<Point> out = new ArrayList<>();
        if (c.length == 0) {
            return out;
        }
        int step = Math.max(1, (int) Math.ceil(c.length / 10.0));
        for (int i = step; i < c.length; i += step) {
            out.add(new Point(i, c[i - 1]));
        }
        out.add(new Point(c.length, c[c.length - 1]));
        return out;
    }

    /** Who we have not heard: silent, then under-represented, then thin groups, over every field of residents. */
    static List<Gap> gaps(SaturationReport report, Expectations expectations, SaturationThresholds th,
                          SaturationTexts t) {
        Representation.Rule rule = Representation.Rule.of(th);
        List<Gap> silent = new ArrayList<>();
        List<Gap> under = new ArrayList<>();
        List<Gap> thin = new ArrayList<>();
        List<String> fields = new ArrayList<>(report.segments().keySet());
        expectations.shares().keySet().forEach(f -> {
            if (!fields.contains(f)) {
                fields.add(f);
            }
        });
        for (String field : fields) {
            if (NOT_PEOPLE.contains(field)) {
                continue;
            }
            Map<String, Long> heard = new LinkedHashMap<>();
            report.segments().getOrDefault(field, Map.of()).forEach((v, s) -> {
                if (s.measures().respondents() > 0) {
                    heard.put(v, s.measures().respondents());
                }
            });
            for (Representation.Row r : Representation.compare(expectations.shares().getOrDefault(field, Map.of()),
                    heard, rule)) {
                String group = t.group(field, r.value());
                switch (r.verdict()) {
                    case SILENT -> silent.add(new Gap("silent", "error", t.t("saturation.gap.silent", group,
                            t.percent(r.expectedShare()))));
                    case UNDER_REPRESENTED -> under.add(new Gap("under", "warn", t.t("saturation.gap.under", group,
                            r.heard(), t.number(r.expectedResidents(), 0), t.percent(r.expectedShare()),
                            t.percent(r.heardShare()))));
                    case THIN -> thin.add(new Gap("thin", "warn", t.t("saturation.gap.thin", group, r.heard(),
                            rule.thinBelow())));
                    case HEARD -> {
                    }
                }
            }
        }
        List<Gap> out = new ArrayList<>(silent);
        out.addAll(under);
        out.addAll(thin);
        return out;
    }

    static List<Measure> measures(Measures m, SaturationTexts t) {
        List<Measure> out = new ArrayList<>();
        out.add(new Measure(t.t("saturation.tech.respondents"), Long.toString(m.respondents())));
        out.add(new Measure(t.t("saturation.tech.answers"), Long.toString(m.answers())));
        out.add(new Measure(t.t("saturation.tech.mentions"), Long.toString(m.mentions())));
        out.add(new Measure(t.t("saturation.tech.themes"), Integer.toString(m.themesSeen())));
        out.add(new Measure(t.t("saturation.tech.q1"), Integer.toString(m.singletons())));
        out.add(new Measure(t.t("saturation.tech.q2"), Integer.toString(m.doubletons())));
        out.add(new Measure(t.t("saturation.tech.chao2"), finite(m.chao2(), t) + " (" + t.t("saturation.tech.interval",
                finite(m.chao2Lower(), t), finite(m.chao2Upper(), t)) + ", SE " + finite(m.chao2Se(), t) + ")"));
        out.add(new Measure(t.t("saturation.tech.chao1"), finite(m.chao1(), t)));
        out.add(new Measure(t.t("saturation.tech.coverage"), Double.isFinite(m.coverage())
                ? t.number(m.coverage(), 3) : "–"));
        out.add(new Measure(t.t("saturation.tech.expectedNew", m.lookahead()), finite(m.expectedNew(), t)));
        out.add(new Measure(t.t("saturation.tech.needed"), Double.isFinite(m.respondentsNeeded())
                ? t.number(m.respondentsNeeded(), 0) : "∞"));
        out.add(new Measure(t.t("saturation.tech.held"), m.coverageHeldFor() + " / " + m.holdWindow()));
        out.add(new Measure(t.t("saturation.tech.guest"), m.newShareLastRun() == null ? "–"
                : t.percent(m.newShareLastRun()) + " %" + (m.guestSaturatedAt() == null ? ""
                : " (" + t.t("saturation.tech.guestAt", m.guestSaturatedAt()) + ")")));
        out.add(new Measure(t.t("saturation.tech.unconfirmed"), t.percent(m.unconfirmedShare()) + " %"));
        out.add(new Measure(t.t("saturation.tech.detectable"), t.percent(m.detectableShare()) + " %"));
        out.add(new Measure(t.t("saturation.tech.saturatedAt"), m.saturatedAt() == null ? "–"
                : Integer.toString(m.saturatedAt())));
        return out;
    }

    static List<Measure> thresholds(SaturationThresholds th, Expectations e, SaturationTexts t) {
        List<Measure> out = new ArrayList<>();
        out.add(new Measure("min_respondents", Integer.toString(th.minRespondents())));
        out.add(new Measure("min_mentions", Long.toString(th.minMentions())));
        out.add(new Measure("coverage", t.number(th.coverageTarget(), 3)));
        out.add(new Measure("hold_minimum", Integer.toString(th.holdMinimum())));
        out.add(new Measure("hold_fraction", t.number(th.holdFraction(), 3)));
        out.add(new Measure("chao2_tolerance", t.number(th.chao2Tolerance(), 3)));
        out.add(new Measure("lookahead", Integer.toString(th.lookahead())));
        out.add(new Measure("guest (base, run, threshold)", th.guestBase() + ", " + th.guestRun() + ", "
                + t.number(th.guestThreshold(), 3)));
        out.add(new Measure("under_represented_ratio", t.number(th.underRepresentedRatio(), 3)));
        out.add(new Measure("silence_after", e.silenceAfter() == null ? "–" : e.silenceAfter().toString()));
        return out;
    }

    private static String finite(double d, SaturationTexts t) {
        return Double.isFinite(d) ? t.number(d, 1) : "–";
    }
}
