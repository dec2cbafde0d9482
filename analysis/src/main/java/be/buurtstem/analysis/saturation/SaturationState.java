package be.buurtstem.analysis.saturation;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Saturation kept up to date as answers are coded: {@link #add} costs work proportional to the themes of the answer
 * and the number of segment fields, not to the answers seen. {@link #report()} gives the same report as
 * {@link Saturation#report} on the same answers in the same order. {@link #add} and {@link #tick} return the
 * alert-worthy transitions as pure events, each produced once.
 *
 * <p>Not thread-safe: the service keeps one state per questionnaire (or question block) behind its own lock, and
 * rebuilds it at start-up by replaying the stored coded answers in arrival order.
 */
public final class SaturationState {

    private final List<String> fields;
    private final SaturationThresholds th;
    private final Expectations expectations;
    private final Instant startedAt;
    private final Map<String, Integer> themeIds = new HashMap<>();
    private final Map<String, Integer> respondentIds = new HashMap<>();
    private final List<String> themeNames = new ArrayList<>();
    private final Tally overall;
    private final Map<String, Map<String, Tally>> segments = new LinkedHashMap<>();
    private final Set<String> silenceAlerted = new HashSet<>();
    private int[] scratch = new int[8];

    /**
     * @param fields        segment fields to follow (may be empty)
     * @param thresholds    the status thresholds
     * @param expectations  expected make-up and silence alerting ({@link Expectations#NONE} for none)
     * @param startedAt     when collection started: a target segment never heard is silent since then (may be null)
     */
    public SaturationState(List<String> fields, SaturationThresholds thresholds, Expectations expectations,
                           Instant startedAt) {
        this.fields = List.copyOf(fields);
        this.th = thresholds;
        this.expectations = expectations == null ? Expectations.NONE : expectations;
        this.startedAt = startedAt;
        this.overall = new Tally(thresholds);
        for (String f : this.fields) {
            segments.put(f, new LinkedHashMap<>());
        }
    }

    public SaturationState(List<String> fields) {
        this(fields, SaturationThresholds.DEFAULTS, Expectations.NONE, null);
    }

    /** Counts one coded answer; returns the events it triggers (usually none). */
    public List<SaturationEvent> add(CodedAnswer answer) {
        int n = 0;
        for (String theme : answer.themes()) {
            if (theme == null || theme.isBlank()) {
                continue;
            }
            Integer id = themeIds.get(theme);
            if (id == null) {
                id = themeNames.size();
                themeIds.put(theme, id);
                themeNames.add(theme);
            }
            boolean dup = false;
            for (int i = 0; i < n; i++) {
                if (scratch[i] == id) {
                    dup = true;
                    break;
                }
            }
            if (!dup) {
                if (n == scratch.length) {
                    scratch = java.util.Arrays.copyOf(scratch, n * 2);
                }
                scratch[n++] = id;
            }
        }
        String key = answer.respondentKey();
        Integer rid = respondentIds.get(key);
        if (rid == null) {
            rid = respondentIds.size();
            respondentIds.put(key, rid);
        }
        List<SaturationEvent> events = null;
        events = collect(events, SaturationEvent.OVERALL, SaturationEvent.OVERALL, overall,
                overall.add(rid, scratch, n, answer.confirmed(), answer.receivedAt()));
        for (String field : fields) {
            String value = answer.field(field);
            if (value == null || value.isBlank()) {
                continue;
            }
            Map<String, Tally> byValue = segments.get(field);
            Tally t = byValue.get(value);
            if (t == null) {
                t = new Tally(th);
                byValue.put(value, t);
            }
            events = collect(events, field, value, t, t.add(rid, scratch, n, answer.confirmed(), answer.receivedAt()));
            silenceAlerted.remove(field + "=" + value);
        }
        return events == null ? List.of() : events;
    }

    private List<SaturationEvent> collect(List<SaturationEvent> events, String field, String value, Tally t,
                                          Tally.Change change) {
        if (change.becameSaturated()) {
            events = events == null ? new ArrayList<>() : events;
            Measures.Counts c = t.counts();
            events.add(new SaturationEvent.SegmentSaturated(field, value, t.respondents(),
                    Estimators.coverage(c.respondents(), c.incidences(), c.q1(), c.q2()),
                    Estimators.chao2(c.respondents(), c.themesSeen(), c.q1(), c.q2()), c.themesSeen()));
        } else if (t.saturatedAt != null && change.newThemes().length > 0) {
            events = events == null ? new ArrayList<>() : events;
            for (int id : change.newThemes()) {
                events.add(new SaturationEvent.NewThemeAfterSaturation(field, value, themeNames.get(id),
                        t.respondents()));
            }
        }
        return events;
    }

    /**
     * The silence rule at time {@code now}: a target segment (one with an expected share) that has not been heard for
     * {@link Expectations#silenceAfter()} — counted from its last answer, or from {@code startedAt} when never heard —
     * yields one event; it yields another only after it has been heard again and fallen silent again.
     */
    public List<SaturationEvent> tick(Instant now) {
        Duration after = expectations.silenceAfter();
        if (after == null) {
            return List.of();
        }
        List<SaturationEvent> events = new ArrayList<>();
        expectations.shares().forEach((field, values) -> {
            if (!segments.containsKey(field)) {
                return;
            }
            values.forEach((value, share) -> {
                if (share <= 0) {
                    return;
                }
                Tally t = segments.get(field).get(value);
                Instant last = t == null ? null : t.lastHeard;
                Instant since = last != null ? last : startedAt;
                if (since == null) {
                    return;
                }
                Duration quiet = Duration.between(since, now);
                if (quiet.compareTo(after) >= 0 && silenceAlerted.add(field + "=" + value)) {
                    events.add(new SaturationEvent.SegmentSilent(field, value, last, quiet));
                }
            });
        });
        return events;
    }

    /** The overall measures now (cheap: no segment bookkeeping). */
    public Measures overall() {
        return overall.measures();
    }

    /** The full report now: work proportional to themes × segment values, not to answers. */
    public SaturationReport report() {
        Map<String, Map<String, Measures>> measures = new LinkedHashMap<>();
        Map<String, Map<String, Set<String>>> themes = new LinkedHashMap<>();
        segments.forEach((field, values) -> {
            Map<String, Measures> m = new LinkedHashMap<>();
            Map<String, Set<String>> heardBy = new LinkedHashMap<>();
            values.forEach((value, tally) -> {
                m.put(value, tally.measures());
                Set<String> heard = new LinkedHashSet<>();
                for (int id = 0; id < themeNames.size(); id++) {
                    if (tally.hasTheme(id)) {
                        heard.add(themeNames.get(id));
                    }
                }
                heardBy.put(value, heard);
            });
            measures.put(field, m);
            themes.put(field, heardBy);
        });
        return ReportBuilder.build(th, expectations, fields, overall.measures(), measures, themes);
    }
}
