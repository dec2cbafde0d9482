package be.buurtstem.bot.service.pages.overview;

import be.buurtstem.analysis.overview.Filter;
import be.buurtstem.analysis.overview.Overview;
import be.buurtstem.analysis.overview.Question;
import be.buurtstem.analysis.overview.SmallCounts;
import be.buurtstem.bot.service.pages.charts.DayBars;
import be.buurtstem.bot.service.pages.charts.HorizontalBars;
import be.buurtstem.bot.service.pages.charts.StackedBars;
import be.buurtstem.bot.service.store.OverviewReads;
import org.springframework.web.util.UriComponentsBuilder;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns a computed overview into the pages' words and charts. Under a segment filter every count of 1 to 4 is shown
 * as "fewer than 5" (the filter makes the whole page one segment's cell); the bars of such counts are not drawn.
 */
final class OverviewPage {
    private final OverviewService.Computed c;
    private final OverviewTexts texts;
    private final Locale locale;
    private final ZoneId zone;

    OverviewPage(OverviewService.Computed c, OverviewTexts texts, Locale locale, ZoneId zone) {
        this.c = c;
        this.texts = texts;
        this.locale = locale;
        this.zone = zone;
    }

    private boolean protect() {
        return c.filter().bySegment();
    }

    /**
     * A count as shown: "fewer than 5" for 1 to 4 under a segment filter, and for every count, zeros too, when the
     * group itself is fewer than 5 ("0, 0, fewer than 5" would tell what all of them did).
     */
    String count(int n) {
        return count(n, c.overview().totals().started());
    }

    String count(int n, int group) {
        return hidden(n, group) ? texts.message("overview.fewer") : Integer.toString(n);
    }

    private boolean hidden(int n, int group) {
        return protect() && (SmallCounts.small(n) || SmallCounts.small(group) || group == 0 && n > 0);
    }

    private int drawn(int n) {
        return drawn(n, c.overview().totals().started());
    }

    private int drawn(int n, int group) {
        return hidden(n, group) ? 0 : n;
    }

    OverviewViews.Head head() {
        String at = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withLocale(locale).withZone(zone)
                .format(c.at());
        return new OverviewViews.Head(c.questionnaire(), texts.title(), at, c.millis(), filters(), protect());
    }

    private OverviewViews.Filters filters() {
        Filter f = c.filter();
        List<OverviewViews.Option> versions = new ArrayList<>();
        versions.add(new OverviewViews.Option("", texts.message("overview.filter.allVersions"), f.version() == null));
        for (int v : c.versions()) {
            versions.add(new OverviewViews.Option(Integer.toString(v), texts.message("overview.filter.version", v),
                    f.version() != null && f.version() == v));
        }
        List<OverviewViews.OptionGroup> groups = new ArrayList<>();
        c.fields().forEach((field, values) -> {
            List<OverviewViews.Option> options = new ArrayList<>();
            values.keySet().forEach(v -> options.add(new OverviewViews.Option(field + ":" + v,
                    texts.segmentValue(field, v), f.bySegment() && field.equals(f.field()) && v.equals(f.value()))));
            groups.add(new OverviewViews.OptionGroup(texts.field(field), options));
        });
        String describe = f.bySegment()
                ? texts.message("overview.filter.only", texts.field(f.field()), texts.segmentValue(f.field(), f.value()))
                : texts.message("overview.filter.describeEveryone");
        if (f.version() != null) {
            describe = describe + " " + texts.message("overview.filter.inVersion", f.version());
        }
        UriComponentsBuilder q = UriComponentsBuilder.newInstance();
        if (f.version() != null) {
            q.queryParam("version", f.version());
        }
        if (f.bySegment()) {
            q.queryParam("segment", f.field() + ":" + f.value());
        }
        return new OverviewViews.Filters(versions, groups, describe, q.encode().build().toUriString());
    }

    OverviewViews.Page overview() {
        Overview o = c.overview();
        Overview.Totals t = o.totals();
        List<OverviewViews.Tile> tiles = List.of(
                new OverviewViews.Tile(texts.message("overview.started"), count(t.started()), texts.message("overview.started.hint")),
                new OverviewViews.Tile(texts.message("overview.inProgress"), count(t.inProgress()), texts.message("overview.inProgress.hint")),
                new OverviewViews.Tile(texts.message("overview.stopped"), count(t.stopped()), texts.message("overview.stopped.hint")),
                new OverviewViews.Tile(texts.message("overview.completed"), count(t.completed()), texts.message("overview.completed.hint")),
                new OverviewViews.Tile(texts.message("overview.refused"), count(t.refused()), texts.message("overview.refused.hint")));

        List<OverviewViews.FunnelLine> funnel = new ArrayList<>();
        List<HorizontalBars.Bar> funnelBars = new ArrayList<>();
        for (Overview.FunnelStep s : o.funnel()) {
            if (OverviewReads.FIRST_LANGUAGE.equals(s.question()) && s.waiting() + s.stopped() == 0) {
                continue; // the language asked first: only a step when someone is there
            }
            String label = texts.question(s.question());
            funnel.add(new OverviewViews.FunnelLine(label, count(s.reached()), count(s.waiting()), count(s.stopped())));
            String valueText = texts.message("overview.funnel.barText", count(s.reached()), count(s.stopped()));
            funnelBars.add(new HorizontalBars.Bar(label, drawn(s.reached()), valueText, drawn(s.stopped())));
        }
        String funnelChart = HorizontalBars.render(texts.message("overview.funnel.title"),
                texts.message("overview.funnel.desc"), funnelBars, texts.message("overview.funnel.legend"));

        List<OverviewViews.Line> languages = new ArrayList<>();
        List<HorizontalBars.Bar> languageBars = new ArrayList<>();
        o.languages().forEach((lang, n) -> {
            languages.add(new OverviewViews.Line(texts.language(lang), count(n)));
            languageBars.add(new HorizontalBars.Bar(texts.language(lang), drawn(n), count(n)));
        });
        List<OverviewViews.Line> channels = new ArrayList<>();
        List<HorizontalBars.Bar> channelBars = new ArrayList<>();
        o.channels().forEach((ch, n) -> {
            channels.add(new OverviewViews.Line(texts.channel(ch), count(n)));
            channelBars.add(new HorizontalBars.Bar(texts.channel(ch), drawn(n), count(n)));
        });
        List<OverviewViews.Line> days = new ArrayList<>();
        List<DayBars.Day> dayBars = new ArrayList<>();
        DateTimeFormatter dayLong = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale);
        DateTimeFormatter dayShort = DateTimeFormatter.ofPattern("d/M", locale);
        o.answersPerDay().forEach((day, n) -> {
            days.add(new OverviewViews.Line(dayLong.format(day), count(n)));
            dayBars.add(new DayBars.Day(dayShort.format(day), drawn(n)));
        });
        return new OverviewViews.Page(head(), tiles, funnelChart, funnel,
                HorizontalBars.render(texts.message("overview.languages"), texts.message("overview.languages.desc"),
                        languageBars, null), languages,
                HorizontalBars.render(texts.message("overview.channels"), texts.message("overview.channels.desc"),
                        channelBars, null), channels,
                DayBars.render(texts.message("overview.days"), texts.message("overview.days.desc"), dayBars), days);
    }

    OverviewViews.AnswersPage answers(String by) {
        List<String> fields = new ArrayList<>(c.breakdown());
        String chosen = by != null && fields.contains(by) ? by : fields.stream()
                .filter(f -> !OverviewService.LANGUAGE.equals(f)).findFirst().orElse(fields.isEmpty() ? null : fields.getFirst());
        List<OverviewViews.Option> byOptions = new ArrayList<>();
        byOptions.add(new OverviewViews.Option("", texts.message("overview.by.none"), chosen == null));
        for (String f : fields) {
            byOptions.add(new OverviewViews.Option(f, texts.field(f), f.equals(chosen)));
        }
        List<OverviewViews.QuestionView> questions = new ArrayList<>();
        for (Overview.QuestionCounts q : c.overview().questions()) {
            questions.add(question(q, chosen));
        }
        return new OverviewViews.AnswersPage(head(), byOptions, questions);
    }

    private OverviewViews.QuestionView question(Overview.QuestionCounts q, String by) {
        Question spec = q.question();
        String text = texts.question(spec.id());
        String kind = texts.message("overview.kind." + spec.type().name().toLowerCase(Locale.ROOT));
        if (!spec.type().closed()) {
            return new OverviewViews.QuestionView(spec.id(), text, kind, true, count(q.answered()),
                    count(q.passedWithout()), null, List.of(), null);
        }
        List<OverviewViews.ValueLine> values = new ArrayList<>();
        List<HorizontalBars.Bar> bars = new ArrayList<>();
        int answered = q.answered();
        for (Overview.ValueCount v : q.counts()) {
            String label = texts.value(spec.id(), v.value());
            String share = answered == 0 || hidden(v.count(), answered) ? ""
                    : Math.round(100.0 * v.count() / answered) + " %";
            values.add(new OverviewViews.ValueLine(label, count(v.count(), answered), share));
            bars.add(new HorizontalBars.Bar(label, drawn(v.count(), answered), count(v.count(), answered)));
        }
        String chart = HorizontalBars.render(text, texts.message("overview.answers.desc", count(answered)), bars, null);
        OverviewViews.SegmentView segment = null;
        if (by != null) {
            for (Overview.SegmentTable table : q.bySegment()) {
                if (table.field().equals(by)) {
                    segment = segment(spec, text, table);
                }
            }
        }
        return new OverviewViews.QuestionView(spec.id(), text, kind, false, count(answered), count(q.passedWithout()),
                chart, values, segment);
    }

    private OverviewViews.SegmentView segment(Question spec, String text, Overview.SegmentTable table) {
        List<String> columns = table.values().stream().map(v -> texts.value(spec.id(), v)).toList();
        List<OverviewViews.SegmentLine> lines = new ArrayList<>();
        List<StackedBars.Row> rows = new ArrayList<>();
        String fewer = texts.message("overview.fewer");
        for (Overview.SegmentRow r : table.rows()) {
            String label = texts.segmentValue(table.field(), r.value());
            List<String> cells = new ArrayList<>();
            List<Integer> drawnCells = new ArrayList<>();
            int hiddenSum = 0;
            for (Overview.Count cell : r.cells()) {
                cells.add(cell.hidden() ? fewer : Integer.toString(cell.n()));
                drawnCells.add(cell.hidden() ? null : cell.n());
                hiddenSum += cell.hidden() ? cell.n() : 0;
            }
            String total = r.answered().hidden() ? fewer : Integer.toString(r.answered().n());
            lines.add(new OverviewViews.SegmentLine(label, total, cells));
            rows.add(new StackedBars.Row(label, drawnCells, hiddenSum, r.answered().hidden()));
        }
        String chart = StackedBars.render(texts.message("overview.segment.title", text, texts.field(table.field())),
                texts.message("overview.segment.desc"), columns, rows, spec.type() == Question.Type.SCALE, fewer);
        return new OverviewViews.SegmentView(texts.field(table.field()), columns, lines, chart);
    }

    static Filter filter(String version, String segment) {
        Integer v = null;
        if (version != null && !version.isBlank()) {
            try {
                v = Integer.valueOf(version.strip());
            } catch (NumberFormatException e) {
                v = null; // not a version: everyone
            }
        }
        String field = null;
        String value = null;
        if (segment != null) {
            int colon = segment.indexOf(':');
            if (colon > 0 && colon < segment.length() - 1) {
                field = segment.substring(0, colon);
                value = segment.substring(colon + 1);
            }
        }
        return new Filter(v, field, value);
    }

}
