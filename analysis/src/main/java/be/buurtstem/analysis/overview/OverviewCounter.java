package be.buurtstem.analysis.overview;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Counts one questionnaire's sessions and answers into an {@link Overview}, one record at a time: the store streams
 * them in (100,000 residents need no list of them in memory), {@link #result} sums up. Pure: no I/O, time passed in.
 * Not thread-safe: one counter per computation.
 */
public final class OverviewCounter {
    private final List<Question> order;
    private final Map<String, Integer> position = new HashMap<>();
    private final Map<String, Question> questions = new HashMap<>();
    private final Filter filter;
    private final Function<String, Map<String, List<String>>> segmentsOf;
    private final List<String> fields;
    private final Set<String> openFields;
    private final Instant now;
    private final Duration idle;
    private final ZoneId zone;

    private int started, inProgress, stopped, completed, refused;
    private final Map<String, Integer> languages = new HashMap<>();
    private final Map<String, Integer> channels = new HashMap<>();
    private final SortedMap<LocalDate, Integer> perDay = new TreeMap<>();
    /** residents whose furthest point is question i (index), per state */
    private final int[] atWaiting, atStopped, atPassed;
    private final Map<String, Integer> answered = new HashMap<>();
    private final Map<String, Map<String, Integer>> values = new HashMap<>();
    /** question → field → segment value → [answers, then per value key] */
    private final Map<String, Map<String, Map<String, Row>>> segmentRows = new HashMap<>();

    /**
     * @param order      the questions in the questionnaire's order
     * @param segmentsOf a resident's segment values (field → values; a multiple choice has several)
     * @param fields     the segment fields to break the closed answers down by
     * @param openFields fields whose values residents typed themselves: a value fewer than 5 share is not named
     * @param idle       an open conversation silent for longer than this counts as stopped
     */
    public OverviewCounter(List<Question> order, Filter filter, Function<String, Map<String, List<String>>> segmentsOf,
                           List<String> fields, Set<String> openFields, Instant now, Duration idle, ZoneId zone) {
        this.order = List.copyOf(order);
        for (int i = 0; i < this.order.size(); i++) {
            position.putIfAbsent(this.order.get(i).id(), i);
            questions.putIfAbsent(this.order.get(i).id(), this.order.get(i));
        }
        this.filter = filter;
        this.segmentsOf = segmentsOf;
        this.fields = List.copyOf(fields);
        this.openFields = Set.copyOf(openFields);
        this.now = now;
        this.idle = idle;
        this.zone = zone;
        this.atWaiting = new int[this.order.size()];
        this.atStopped = new int[this.order.size()];
        this.atPassed = new int[this.order.size() + 1]; // the last slot: went past every question (completed)
    }

    private Map<String, List<String>> segments(String respondent) {
        Map<String, List<String>> s = segmentsOf.apply(respondent);
        return s == null ? Map.of() : s;
    }

    public void add(SessionFact s) {
        if (!filter.version(s.version()) || !filter.segments(segments(s.respondent()))) {
            return;
        }
        started++;
        languages.merge(s.language() == null ? Overview.NONE : s.language(), 1, Integer::sum);
        channels.merge(s.channel() == null ? Overview.NONE : s.channel(), 1, Integer::sum);
        switch (s.status()) {
            case COMPLETED -> {
                completed++;
                atPassed[order.size()]++;
            }
            case REFUSED -> refused++;
            case OPEN -> {
                boolean gone = s.paused() || s.updatedAt() == null
                        || Duration.between(s.updatedAt(), now).compareTo(idle) > 0;
                Integer at = s.node() == null ? null : position.get(s.node());
                if (gone) {
                    stopped++;
                } else {
                    inProgress++;
                }
                if (at != null) {
                    (gone ? atStopped : atWaiting)[at]++;
                }
            }
        }
    }

    public void add(AnswerFact a) {
        if (!filter.version(a.version())) {
            return;
        }
        Map<String, List<String>> segments = segments(a.respondent());
        if (!filter.segments(segments)) {
            return;
        }
        if (a.receivedAt() != null) {
            perDay.merge(LocalDate.ofInstant(a.receivedAt(), zone), 1, Integer::sum);
        }
        Question q = questions.get(a.question());
        if (q == null) {
            return; // a question of another version: counted per day, not shown
        }
        answered.merge(q.id(), 1, Integer::sum);
        if (!q.type().closed() || a.values().isEmpty()) {
            return;
        }
        Map<String, Integer> counts = values.computeIfAbsent(q.id(), k -> new HashMap<>());
        for (String v : a.values()) {
            counts.merge(v, 1, Integer::sum);
        }
        Map<String, Map<String, Row>> byField = segmentRows.computeIfAbsent(q.id(), k -> new HashMap<>());
        for (String field : fields) {
            List<String> held = segments.get(field);
            Map<String, Row> rows = byField.computeIfAbsent(field, k -> new HashMap<>());
            for (String sv : held == null || held.isEmpty() ? List.of(Overview.NONE) : held) {
                rows.computeIfAbsent(sv, k -> new Row()).add(a.values());
            }
        }
    }

    public Overview result() {
        List<Overview.FunnelStep> funnel = new ArrayList<>();
        int[] furthest = new int[order.size()];
        for (int i = 0; i < order.size(); i++) {
            furthest[i] = atWaiting[i] + atStopped[i];
        }
        int beyond = atPassed[order.size()];
        int[] reached = new int[order.size()];
        for (int i = order.size() - 1; i >= 0; i--) {
            reached[i] = beyond + furthest[i];
            beyond = reached[i];
        }
        List<Overview.QuestionCounts> counts = new ArrayList<>();
        for (int i = 0; i < order.size(); i++) {
            Question q = order.get(i);
            funnel.add(new Overview.FunnelStep(q.id(), reached[i], atWaiting[i], atStopped[i]));
            if (q.type() == Question.Type.STEP) {
                continue;
            }
            int n = answered.getOrDefault(q.id(), 0);
            int passed = reached[i] - furthest[i];
            counts.add(question(q, n, Math.max(0, passed - n)));
        }
        SortedMap<LocalDate, Integer> days = new TreeMap<>();
        if (!perDay.isEmpty()) {
            for (LocalDate d = perDay.firstKey(); !d.isAfter(perDay.lastKey()); d = d.plusDays(1)) {
                days.put(d, perDay.getOrDefault(d, 0));
            }
        }
        return new Overview(new Overview.Totals(started, inProgress, stopped, completed, refused), mostFirst(languages),
                mostFirst(channels), java.util.Collections.unmodifiableSortedMap(days), List.copyOf(funnel),
                List.copyOf(counts));
    }

    private Overview.QuestionCounts question(Question q, int n, int passedWithout) {
        if (!q.type().closed()) {
            return new Overview.QuestionCounts(q, n, passedWithout, List.of(), List.of());
        }
        Map<String, Integer> raw = values.getOrDefault(q.id(), Map.of());
        Columns columns = Columns.of(q, raw.keySet());
        List<Overview.ValueCount> totals = new ArrayList<>();
        for (String col : columns.keys()) {
            totals.add(new Overview.ValueCount(col, columns.sum(col, raw)));
        }
        List<Overview.SegmentTable> tables = new ArrayList<>();
        Map<String, Map<String, Row>> byField = segmentRows.getOrDefault(q.id(), Map.of());
        for (String field : fields) {
            Map<String, Row> rows = byField.getOrDefault(field, Map.of());
            if (rows.isEmpty()) {
                continue;
            }
            tables.add(table(field, rows, columns));
        }
        return new Overview.QuestionCounts(q, n, passedWithout, List.copyOf(totals), List.copyOf(tables));
    }

    private Overview.SegmentTable table(String field, Map<String, Row> rows, Columns columns) {
        Map<String, Row> named = new LinkedHashMap<>();
        Row other = new Row();
        rows.entrySet().stream().sorted(Map.Entry.<String, Row>comparingByValue(Comparator.comparingInt(r -> -r.answers))
                .thenComparing(Map.Entry.comparingByKey())).forEach(e -> {
            boolean rare = e.getValue().answers < SmallCounts.MIN && !Overview.NONE.equals(e.getKey());
            if (rare && openFields.contains(field)) {
                other.merge(e.getValue()); // a value a resident typed, held by so few: not named
            } else {
                named.put(e.getKey(), e.getValue());
            }
        });
        if (other.answers > 0) {
            named.put(Overview.OTHER, other);
        }
        List<Overview.SegmentRow> out = new ArrayList<>();
        named.forEach((value, row) -> {
            List<Integer> cells = new ArrayList<>();
            for (String col : columns.keys()) {
                cells.add(columns.sum(col, row.values));
            }
            Overview.Count total = SmallCounts.one(row.answers);
            // a group of fewer than 5: every cell hidden, zeros too ("0, 0, fewer than 5" would say what all chose)
            List<Overview.Count> shown = total.hidden()
                    ? cells.stream().map(c -> new Overview.Count(c, true)).toList() : SmallCounts.row(cells);
            out.add(new Overview.SegmentRow(value, total, shown));
        });
        return new Overview.SegmentTable(field, columns.keys(), List.copyOf(out));
    }

    private static Map<String, Integer> mostFirst(Map<String, Integer> m) {
        Map<String, Integer> out = new LinkedHashMap<>();
        m.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()
                .thenComparing(Map.Entry.comparingByKey())).forEach(e -> out.put(e.getKey(), e.getValue()));
        return java.util.Collections.unmodifiableMap(out);
    }

    /** One segment value's answers to a question: how many, and how many per value key. */
    private static final class Row {
        int answers;
        final Map<String, Integer> values = new HashMap<>();

        void add(List<String> keys) {
            answers++;
            for (String k : keys) {
                values.merge(k, 1, Integer::sum);
            }
        }

        void merge(Row other) {
            answers += other.answers;
            other.values.forEach((k, v) -> values.merge(k, v, Integer::sum));
        }
    }
}
