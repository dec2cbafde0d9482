package be.buurtstem.bot.service.saturation;

import be.buurtstem.bot.service.ops.Metrics;
import be.buurtstem.analysis.coding.AnalystDecision;
import be.buurtstem.analysis.coding.Decisions;
import be.buurtstem.analysis.saturation.CodedAnswer;
import be.buurtstem.analysis.saturation.Expectations;
import be.buurtstem.analysis.saturation.SaturationEvent;
import be.buurtstem.analysis.saturation.SaturationJson;
import be.buurtstem.analysis.saturation.SaturationReport;
import be.buurtstem.analysis.saturation.SaturationState;
import be.buurtstem.analysis.saturation.SaturationThresholds;
import be.buurtstem.bot.service.coding.AnswerDocs;
import be.buurtstem.bot.service.coding.DecisionStore;
import be.buurtstem.bot.service.store.Answers;
import be.buurtstem.bot.service.store.SaturationRecords;
import be.buurtstem.bot.service.store.Store;
import be.buurtstem.bot.service.store.StoredAnswer;
import be.buurtstem.bot.service.survey.Survey;
import be.buurtstem.bot.service.survey.SurveyCatalog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * One incremental {@link SaturationState} per questionnaire, overall and per segment (language, channel, question
 * block, the questionnaire's segment questions and the configured segment fields). Each newly coded answer is
 * added once ({@link #counted}: constant work per answer); the states are rebuilt by replaying the stored coded
 * answers in arrival order at start-up, after a new model version re-coded answers, and (debounced) after analyst
 * decisions or a deletion changed what counts. Machine codes and analyst-confirmed codes both count; an answer an
 * analyst decided on counts as confirmed, with its themes as the analyst left them.
 *
 * <p>All changes come from the coding worker's one thread; reads (the organiser API) take the same lock.
 */
public final class SaturationService {
    private static final Logger log = LoggerFactory.getLogger(SaturationService.class);
    private static final List<String> BASE_FIELDS = List.of("language", "channel", "block");

    private final Answers answers;
    private final SaturationRecords records;
    private final DecisionStore decisions;
    private final SurveyCatalog catalog;
    private final SaturationSettings settings;
    private final Expectations expectations;
    private final ScopeSettings scopes;
    private final Alerts alerts;
    private final Clock clock;
    private final Map<String, SaturationState> states = new LinkedHashMap<>();
    private volatile Instant dirtySince;
    private volatile Rebuild lastRebuild;
    private volatile String lastServed;

    /** How long the last replay took. */
    public record Rebuild(long answers, long millis, Instant at) {
    }

    public SaturationService(Store store, DecisionStore decisions, SurveyCatalog catalog, SaturationSettings settings,
                             Expectations expectations, Alerts alerts, Clock clock) {
        this(store, decisions, catalog, settings, expectations, null, alerts, clock);
    }

    /** With {@code scopes}: what organisers set per questionnaire in the saturation page (may be null: none). */
    public SaturationService(Store store, DecisionStore decisions, SurveyCatalog catalog, SaturationSettings settings,
                             Expectations expectations, ScopeSettings scopes, Alerts alerts, Clock clock) {
        this.scopes = scopes;
        this.answers = store.answerRepository();
        this.records = store.saturationRecords();
        this.decisions = decisions;
        this.catalog = catalog;
        this.settings = settings;
        this.expectations = new Expectations(expectations.shares(), settings.silenceAfter());
        this.alerts = alerts;
        this.clock = clock;
    }

    /** Counts a newly coded answer with its themes (machine codes adjusted by decisions, if any). */
    public synchronized void counted(StoredAnswer answer, List<String> themes, boolean confirmed) {
        String q = answer.questionnaire();
        if (q == null) {
            return;
        }
        send(q, state(q).add(toCoded(answer, themes, confirmed)));
    }

    /** Replays every stored coded answer into fresh states (alerts already sent are not sent again). */
    public synchronized void rebuild() {
        long t0 = System.nanoTime();
        alerts.resendUnsent();
        dirtySince = null;
        lastServed = servedSignature();
        states.clear();
        for (Survey s : catalog.current()) {
            state(s.id());
        }
        Map<String, List<AnalystDecision>> byAnswer = decisions.byAnswer(null);
        long[] n = {0};
        answers.eachWithoutWords(Answers.FreeText.all().coded(true), d -> {
            String q = d.answer().questionnaire();
            if (q == null) {
                return;
            }
            List<AnalystDecision> ds = byAnswer.getOrDefault(d.id(), List.of());
            List<String> themes = List.copyOf(Decisions.resolve(d.machineThemes(), ds));
            send(q, state(q).add(toCoded(d.answer(), themes, Decisions.reviewed(ds))));
            n[0]++;
        });
        lastRebuild = new Rebuild(n[0], (System.nanoTime() - t0) / 1_000_000, clock.instant());
        Metrics.saturationRebuilt(t0);
        log.info("saturation rebuilt from {} coded answers in {} ms", n[0], lastRebuild.millis());
    }

    private String servedSignature() {
        StringBuilder sb = new StringBuilder();
        for (Survey s : catalog.current()) {
            sb.append(s.id()).append('@').append(s.version()).append(';');
        }
        return sb.toString();
    }

    /** Something other than a new answer changed what counts: rebuild within the configured delay. */
    public void markDirty() {
        if (dirtySince == null) {
            dirtySince = clock.instant();
        }
    }

    public void rebuildIfDirty() {
        String served = servedSignature();
        if (!served.equals(lastServed)) {
            // a questionnaire was added or got a new version (hot reload): its state, segments and thresholds follow
            lastServed = served;
            if (lastRebuild != null) {
                rebuild();
                return;
            }
        }
        Instant since = dirtySince;
        if (since != null && !clock.instant().isBefore(since.plus(settings.rebuildDelay()))) {
            rebuild();
        }
    }

    /** The silence rule for every questionnaire. */
    public synchronized void tick(Instant now) {
        if (lastTick != null && now.isBefore(lastTick.plus(settings.tickInterval()))) {
            return;
        }
        lastTick = now;
        states.forEach((q, state) -> send(q, state.tick(now)));
    }

    private Instant lastTick;

    /** The DESIGN.md saturation JSON of a questionnaire, or empty when it is unknown. */
    public synchronized Optional<Map<String, Object>> report(String questionnaire) {
        SaturationState s = states.get(questionnaire);
        if (s == null) {
            return Optional.empty();
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("questionnaire", questionnaire);
        out.putAll(SaturationJson.toMap(s.report()));
        return Optional.of(out);
    }

    public synchronized Set<String> questionnaires() {
        return new TreeSet<>(states.keySet());
    }

    public Rebuild lastRebuild() {
        return lastRebuild;
    }

    private void send(String questionnaire, List<SaturationEvent> events) {
        for (SaturationEvent e : events) {
            try {
                alerts.send(questionnaire, e);
            } catch (RuntimeException ex) {
                log.error("saturation alert not sent: {}", ex.toString());
            }
        }
    }

    private SaturationState state(String q) {
        SaturationState s = states.get(q);
        if (s == null) {
            Optional<Survey> survey = catalog.current(q);
            Expectations exp = expectationsOf(q);
            Set<String> fields = new LinkedHashSet<>(BASE_FIELDS);
            survey.ifPresent(v -> fields.addAll(v.segmentQuestions()));
            fields.addAll(settings.segments());
            fields.addAll(exp.shares().keySet());
            s = new SaturationState(List.copyOf(fields), thresholdsOf(q), exp, startedAt(q));
            states.put(q, s);
        }
        return s;
    }

    private ScopeSettings.Entry scope(String q) {
        return scopes == null ? ScopeSettings.Entry.EMPTY : scopes.get(q);
    }

    /** The make-up used for a questionnaire: the service's file, each field the organisers set replaced by theirs. */
    public Expectations expectationsOf(String q) {
        ScopeSettings.Entry e = scope(q);
        Map<String, Map<String, Double>> shares = new LinkedHashMap<>(expectations.shares());
        shares.putAll(e.shares());
        Double days = e.thresholds().get(ScopeSettings.SILENCE_AFTER_DAYS);
        java.time.Duration silence = days == null ? settings.silenceAfter()
                : java.time.Duration.ofMinutes(Math.round(days * 24 * 60));
        return new Expectations(shares, silence);
    }

    /** The silence rule's delay before the organisers' own ({@code BUURTSTEM_SATURATION_SILENCE_AFTER}). */
    public java.time.Duration defaultSilenceAfter() {
        return settings.silenceAfter();
    }

    /** The thresholds before the organisers' own: the service's with the questionnaire file's block applied. */
    public SaturationThresholds defaultThresholdsOf(String q) {
        return thresholds(catalog.current(q).map(Survey::saturationSettings).orElse(Map.of()), q);
    }

    /** The thresholds in use: the defaults with what organisers set in the saturation page applied. */
    public SaturationThresholds thresholdsOf(String q) {
        Map<String, Double> page = new LinkedHashMap<>(scope(q).thresholds());
        page.remove(ScopeSettings.SILENCE_AFTER_DAYS);
        return thresholds(defaultThresholdsOf(q), page, q);
    }

    /** The report of a questionnaire as the analysis gives it, or empty when unknown. */
    public synchronized Optional<SaturationReport> saturationReport(String questionnaire) {
        SaturationState s = states.get(questionnaire);
        return s == null ? Optional.empty() : Optional.of(s.report());
    }

    /** The organisers changed a questionnaire's make-up or thresholds: the states are replayed with them now. */
    public void reconfigured() {
        rebuild();
    }

    /** When collection started for a questionnaire (kept, so the silence rule survives restarts). */
    private Instant startedAt(String q) {
        return records.startedAt(q, clock.instant());
    }

    SaturationThresholds thresholds(Map<String, Double> file, String q) {
        return thresholds(settings.thresholds(), file, q);
    }

    /** The service's thresholds with the questionnaire's {@code saturation:} block applied (refused as a whole if invalid). */
    static SaturationThresholds thresholds(SaturationThresholds t, Map<String, Double> file, String q) {
        if (file.isEmpty()) {
            return t;
        }
        int minR = t.minRespondents();
        long minM = t.minMentions();
        double cov = t.coverageTarget();
        int holdMin = t.holdMinimum();
        double holdFr = t.holdFraction();
        double chao = t.chao2Tolerance();
        int look = t.lookahead();
        double under = t.underRepresentedRatio();
        for (Map.Entry<String, Double> e : file.entrySet()) {
            double v = e.getValue();
            switch (e.getKey()) {
                case "min_respondents" -> minR = (int) v;
                case "min_mentions" -> minM = (long) v;
                case "coverage", "coverage_target" -> cov = v;
                case "hold_minimum" -> holdMin = (int) v;
                case "hold_fraction" -> holdFr = v;
                case "chao2_tolerance" -> chao = v;
                case "lookahead" -> look = (int) v;
                case "under_represented_ratio" -> under = v;
                default -> log.warn("questionnaire {}: unknown saturation setting '{}' ignored", q, e.getKey());
            }
        }
        try {
            return new SaturationThresholds(minR, minM, cov, holdMin, holdFr, chao, look, t.guestBase(), t.guestRun(),
                    t.guestThreshold(), under);
        } catch (IllegalArgumentException ex) {
            log.warn("questionnaire {}: saturation settings refused ({}); using the service's", q, ex.getMessage());
            return t;
        }
    }

    static CodedAnswer toCoded(StoredAnswer d, List<String> themes, boolean confirmed) {
        // (StoredAnswer keeps times to the millisecond, as stored: a live answer and its replay give the same keys)
        return new CodedAnswer(d.id(), d.respondent(), d.questionnaire(), d.question(), d.block(),
                AnswerDocs.fields(d), themes, d.receivedAt(), confirmed);
    }
}
