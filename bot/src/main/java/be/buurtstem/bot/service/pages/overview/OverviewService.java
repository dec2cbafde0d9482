package be.buurtstem.bot.service.pages.overview;

import be.buurtstem.analysis.overview.Filter;
import be.buurtstem.analysis.overview.Overview;
import be.buurtstem.analysis.overview.OverviewCounter;
import be.buurtstem.analysis.overview.SessionFact;
import be.buurtstem.analysis.overview.SmallCounts;
import be.buurtstem.bot.service.store.OverviewReads;
import be.buurtstem.bot.service.store.Store;
import be.buurtstem.bot.service.survey.Survey;
import be.buurtstem.bot.service.survey.SurveyCatalog;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Computes a questionnaire's overview from the store (streamed, see {@link OverviewReads}) and keeps each result a
 * few seconds, so that a page refreshing itself every 30 s, or several organisers looking at once, cost one pass;
 * a result a little older is shown while it is counted again in the background ({@link #compute}).
 */
@Service
public class OverviewService {
    /** Language is every resident's segment too: the conversation's language. */
    static final String LANGUAGE = "language";
    private final OverviewReads reads;
    private final SurveyCatalog catalog;
    private final Duration idle;
    private final Duration keep;
    private final ZoneId zone;
    /** An overview older than this is never shown: it is counted again while the page waits. */
    static final Duration STALE_AT_MOST = Duration.ofMinutes(2);
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(OverviewService.class);
    private final Map<String, Computed> cache = new ConcurrentHashMap<>();
    private final Map<String, java.util.concurrent.CompletableFuture<Computed>> inflight = new ConcurrentHashMap<>();
    private final Duration wait;
    /** One recount at a time: the residents' conversations keep the other core. */
    private final java.util.concurrent.ExecutorService recounts = java.util.concurrent.Executors.newSingleThreadExecutor(
            Thread.ofVirtual().name("overview-recount").factory());

    public OverviewService(Store store, SurveyCatalog catalog,
                           @Value("${buurtstem.overview.idle:24h}") Duration idle,
                           @Value("${buurtstem.overview.cache:10s}") Duration keep,
                           @Value("${buurtstem.overview.zone:}") String zone,
                           @Value("${buurtstem.overview.wait:5s}") Duration wait) {
        this.wait = wait;
        this.reads = new OverviewReads(store);
        this.catalog = catalog;
        this.idle = idle;
        this.keep = keep;
        this.zone = zone == null || zone.isBlank() ? ZoneId.systemDefault() : ZoneId.of(zone);
    }

    /**
     * @param fields     segment field → its values that may be named (as a filter), with how many residents
     * @param breakdown  every segment field the residents carry (the closed answers may be split by each)
     * @param versions   the versions residents are in
     * @param shape      the questions and segment fields of the version shown
     */
    public record Computed(String questionnaire, Survey survey, Filter filter, Overview overview,
                           Map<String, Map<String, Integer>> fields, List<String> breakdown, List<Integer> versions,
                           QuestionnaireShape shape,
                           Instant at, long millis) {
    }

    @jakarta.annotation.PreDestroy
    void close() {
        recounts.shutdownNow();
    }

    /** Residents per questionnaire and status, for the list of questionnaires (kept as long as an overview). */
    public Map<String, Map<String, Integer>> statusCounts() {
        StatusCounts last = statusCounts;
        Instant now = Instant.now();
        if (last != null && last.at().plus(keep).isAfter(now)) {
            return last.counts();
        }
        Map<String, Map<String, Integer>> counts = reads.statusCounts();
        statusCounts = new StatusCounts(counts, now);
        return counts;
    }

    private record StatusCounts(Map<String, Map<String, Integer>> counts, Instant at) {
    }

    private volatile StatusCounts statusCounts;

    public List<Survey> questionnaires() {
        return catalog.current();
    }

    public Optional<Survey> questionnaire(String id) {
        return catalog.current(id);
    }

    /**
     * The overview, counted at most {@code keep} ago. An older one still younger than {@link #STALE_AT_MOST} is
     * shown at once while one background recount brings it up to date (the page says when it was counted). Never
     * counted (or too old): it is counted in the background and waited for up to {@code wait}; empty when that is
     * not enough (100,000 residents on a busy machine), so that the page says "being counted" instead of hanging.
     */
    public Optional<Computed> compute(String questionnaire, Filter filter) {
        String key = questionnaire + "|" + filter;
        Computed c = cache.get(key);
        Instant now = Instant.now();
        if (c != null && c.at().plus(keep).isAfter(now)) {
            return Optional.of(c);
        }
        java.util.concurrent.CompletableFuture<Computed> counting = recount(key, questionnaire, filter);
        if (c != null && c.at().plus(STALE_AT_MOST).isAfter(now)) {
            return Optional.of(c);
        }
        try {
            return Optional.of(counting.get(wait.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS));
        } catch (java.util.concurrent.TimeoutException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }

    /** One count per key at a time, in the background. */
    private java.util.concurrent.CompletableFuture<Computed> recount(String key, String questionnaire, Filter filter) {
        return inflight.computeIfAbsent(key, k -> java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                Computed done = run(questionnaire, filter, Instant.now());
                if (cache.size() > 64) {
                    cache.clear();
                }
                cache.put(key, done);
                return done;
            } catch (RuntimeException e) {
                log.warn("overview not counted questionnaire={}: {}", questionnaire, e.toString());
                throw e;
            } finally {
                inflight.remove(key);
            }
        }, recounts));
    }

    private Computed run(String questionnaire, Filter filter, Instant now) {
        long t0 = System.nanoTime();
        Survey current = catalog.current(questionnaire).orElseThrow();
        Survey shown = filter.version() == null ? current
                : catalog.version(questionnaire, filter.version()).orElse(current);
        QuestionnaireShape shape = QuestionnaireShape.of(shown);

        // the respondents' segment values first (one map, values shared), then their sessions
        Map<String, Map<String, List<String>>> segments = new HashMap<>();
        Map<Map<String, List<String>>, Map<String, List<String>>> shared = new HashMap<>();
        reads.segments((respondent, values) -> {
            Map<String, List<String>> parsed = new TreeMap<>();
            values.forEach((field, v) -> parsed.put(field, split(v)));
            segments.put(respondent, shared.computeIfAbsent(parsed, k -> k));
        });
        List<SessionFact> sessions = new ArrayList<>();
        reads.sessions(questionnaire, sessions::add);
        Set<Integer> versions = new TreeSet<>();
        Set<String> fields = new LinkedHashSet<>(shape.segmentQuestions().keySet());
        for (SessionFact s : sessions) {
            versions.add(s.version());
            Map<String, List<String>> held = segments.getOrDefault(s.respondent(), Map.of());
            fields.addAll(held.keySet()); // values from the start link too (a flyer's area)
            if (s.language() != null) {
                Map<String, List<String>> m = new TreeMap<>(held);
                m.put(LANGUAGE, List.of(s.language()));
                segments.put(s.respondent(), shared.computeIfAbsent(m, k -> k));
            }
        }
        fields.remove(LANGUAGE);
        List<String> allFields = new ArrayList<>();
        allFields.add(LANGUAGE);
        allFields.addAll(fields);
        Set<String> open = new LinkedHashSet<>(shape.open());
        fields.stream().filter(f -> !shape.segmentQuestions().containsKey(f)).forEach(open::add);
        java.util.function.Function<String, Map<String, List<String>>> segmentsOf = segments::get;
        OverviewCounter counter = new OverviewCounter(shape.questions(), filter, segmentsOf, allFields, open, now,
                idle, zone);
        sessions.forEach(counter::add);
        reads.answers(questionnaire, counter::add);
        Overview overview = counter.result();

        // the values each field may be filtered by: named only when at least 5 residents share a typed one
        Map<String, Map<String, Integer>> values = new LinkedHashMap<>();
        for (String f : allFields) {
            Map<String, Integer> counts = new TreeMap<>();
            for (SessionFact s : sessions) {
                for (String v : segments.getOrDefault(s.respondent(), Map.of()).getOrDefault(f, List.of())) {
                    counts.merge(v, 1, Integer::sum);
                }
            }
            if (open.contains(f)) {
                counts.values().removeIf(n -> n < SmallCounts.MIN);
            }
            if (!counts.isEmpty()) {
                values.put(f, counts);
            }
        }
        if (filter.version() != null) {
            versions.add(filter.version());
        }
        return new Computed(questionnaire, shown, filter, overview, values, List.copyOf(allFields),
                List.copyOf(versions), shape, now,
                (System.nanoTime() - t0) / 1_000_000);
    }

    /** A multiple-choice segment is stored as its list ({@code [nl, ar]}): a resident is in each of its values. */
    static List<String> split(String v) {
        if (v.length() >= 2 && v.startsWith("[") && v.endsWith("]")) {
            List<String> out = new ArrayList<>();
            for (String part : v.substring(1, v.length() - 1).split(",")) {
                if (!part.isBlank()) {
                    out.add(part.strip());
                }
            }
            return List.copyOf(out);
        }
        return List.of(v);
    }
}
