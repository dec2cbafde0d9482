package be.buurtstem.bot.service.coding;

import be.buurtstem.bot.service.ops.Metrics;
import be.buurtstem.analysis.coding.AnalystDecision;
import be.buurtstem.analysis.coding.AnswerCoder;
import be.buurtstem.analysis.coding.Coding;
import be.buurtstem.analysis.coding.Decisions;
import be.buurtstem.bot.service.conversation.AnswerListener;
import be.buurtstem.bot.service.saturation.SaturationService;
import be.buurtstem.bot.service.store.Answers;
import be.buurtstem.bot.service.store.Store;
import be.buurtstem.bot.service.store.StoredAnswer;
import be.buurtstem.bot.service.store.StoredCoding;
import be.buurtstem.bot.service.survey.Survey;
import be.buurtstem.bot.service.survey.SurveyCatalog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Codes free-text answers off the resident's path. {@link #answerStored} only puts the answer id on a bounded queue;
 * one worker thread codes it with the current coder, writes the codes on the answer document and counts it in the
 * questionnaire's saturation state. The worker is also the only thread that changes saturation states (rebuilds,
 * the silence tick), so they need no further locking.
 *
 * <p>Nothing is lost when the queue is full or the service stops: an answer without {@code coding} is found by the
 * sweep that runs at start-up (after the saturation states are rebuilt from the coded answers) and after any overflow
 * or failure. Writing the codes is conditional on the answer not being coded yet, so an answer queued twice is coded
 * and counted once; an answer deleted meanwhile (delete my answers) is not recreated.
 */
public final class CodingService implements AnswerListener, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(CodingService.class);

    private final Answers answers;
    private final Coders coders;
    private final DecisionStore decisions;
    private final SaturationService saturation;
    private final SurveyCatalog catalog;
    private final Clock clock;
    private final ThreadPoolExecutor worker;
    private final ScheduledExecutorService ticker;
    private final CodingSettings settings;
    private final AtomicBoolean sweepNeeded = new AtomicBoolean(true);
    private final AtomicBoolean tickQueued = new AtomicBoolean();
    private final AtomicBoolean started = new AtomicBoolean();
    private final AtomicLong codedCount = new AtomicLong();
    private final AtomicLong lastLatencyMicros = new AtomicLong(-1);
    private final Object holdLock = new Object();
    private int holds;

    public CodingService(Store store, Coders coders, DecisionStore decisions, SaturationService saturation,
                         SurveyCatalog catalog, CodingSettings settings, Clock clock) {
        this.answers = store.answerRepository();
        this.coders = coders;
        this.decisions = decisions;
        this.saturation = saturation;
        this.catalog = catalog;
        this.settings = settings;
        this.clock = clock;
        this.worker = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(settings.queueCapacity()), r -> daemon(r, "coding"),
                (r, executor) -> {
                    if (r instanceof Tick) {
                        tickQueued.set(false); // the next tick tries again
                    } else {
                        // full (or stopping): the answer stays uncoded in the database until the next sweep
                        sweepNeeded.set(true);
                    }
                });
        this.ticker = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "coding-tick"));
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    /** Rebuilds the saturation states, codes what was not coded yet, then ticks regularly. Once. */
    public void start() {
        if (!started.compareAndSet(false, true)) {
            return;
        }
        worker.execute(() -> {
            guarded("start-up", () -> {
                saturation.rebuild();
                sweepNeeded.set(false);
                sweep();
            });
        });
        long every = Math.max(10, settings.tickInterval().toMillis());
        ticker.scheduleWithFixedDelay(this::tick, every, every, TimeUnit.MILLISECONDS);
    }

    @Override
    public void answerStored(StoredAnswer answer) {
        try {
            if (!shouldCode(answer)) {
                return;
            }
            // the stored answer itself is queued (no second read); the conditional write keeps it coded once
            worker.execute(() -> guarded("coding", () -> codeNew(answer)));
        } catch (Throwable t) {
            // never disturb the resident's path: the sweep will find the answer
            sweepNeeded.set(true);
        }
    }

    @Override
    public void respondentDeleted(String respondent) {
        saturation.markDirty();
    }

    /** Free-text answers of questions with coding on. */
    boolean shouldCode(StoredAnswer answer) {
        if (!AnswerDocs.FREE_TEXT.equals(answer.kind())) {
            return false;
        }
        String q = answer.questionnaire();
        Optional<Survey> survey = catalog.version(q, answer.version()).or(() -> catalog.current(q));
        return survey.map(s -> s.coded(answer.question())).orElse(true);
    }

    private void codeNew(StoredAnswer d) {
        awaitRelease();
        if (d.id() != null) {
            code(d, true);
        }
    }

    /**
     * Codes one answer and writes the codes. {@code first}: only if not coded yet, and then counted in saturation;
     * otherwise (re-coding with a new model) the codes are replaced.
     */
    private boolean code(StoredAnswer d, boolean first) {
        Coders.Current cur = coders.current();
        AnswerCoder.Coded c = cur.coder().code(AnswerDocs.toAnswer(d));
        Coding coding = c.coding();
        List<StoredCoding.Code> codes = new ArrayList<>();
        for (String theme : coding.themes()) {
            codes.add(new StoredCoding.Code(theme, round(coding.score(theme)), coding.coderId(),
                    coding.coderVersion()));
        }
        Map<String, Double> scores = new LinkedHashMap<>();
        AnswerCoder.reportedScores(coding).forEach((t, s) -> scores.put(t, round(s)));
        Instant now = clock.instant();
        StoredCoding stored = new StoredCoding(codes, scores, coding.coderId(), coding.coderVersion(),
                cur.modelVersion(), now, c.language().language(), round(c.language().confidence()),
                c.language().mismatch());
        if (!answers.writeCoding(d.id(), stored, first)) {
            return false;
        }
        if (first) {
            codedCount.incrementAndGet();
            Instant received = d.receivedAt();
            if (received != null) {
                lastLatencyMicros.set(java.time.Duration.between(received, now).toNanos() / 1000);
                Metrics.coded(java.time.Duration.between(received, now));
            }
            List<AnalystDecision> ds = decisions.forAnswer(d.id());
            List<String> themes = List.copyOf(Decisions.resolve(List.copyOf(coding.themes()), ds));
            saturation.counted(d, themes, Decisions.reviewed(ds));
        }
        return true;
    }

    private static double round(double v) {
        return Math.round(v * 10000) / 10000.0;
    }

    /** Codes every free-text answer that has no codes yet, oldest first. */
    private void sweep() {
        long t0 = System.nanoTime();
        int n = 0;
        List<String> ids = new ArrayList<>();
        answers.each(Answers.FreeText.all().coded(false), d -> {
            if (shouldCode(d.answer())) {
                ids.add(d.id());
            }
        });
        for (String id : ids) {
            awaitRelease();
            var d = answers.find(id);
            if (d.isPresent() && !d.get().coded() && code(d.get().answer(), true)) {
                n++;
            }
        }
        if (n > 0) {
            log.info("coded {} answer(s) left uncoded, in {} ms", n, (System.nanoTime() - t0) / 1_000_000);
        }
    }

    /**
     * Re-codes, with the current coder, every coded answer no analyst has decided on; then rebuilds the saturation
     * states (the themes of counted answers changed). Runs on the worker; completes with the number re-coded.
     */
    public CompletableFuture<Integer> recodeUnreviewed() {
        CompletableFuture<Integer> done = new CompletableFuture<>();
        Runnable task = () -> {
            try {
                Set<String> reviewed = decisions.reviewedAnswers();
                List<String> ids = new ArrayList<>();
                for (String id : answers.ids(Answers.FreeText.all().coded(true))) {
                    if (!reviewed.contains(id)) {
                        ids.add(id);
                    }
                }
                int n = 0;
                for (String id : ids) {
                    var d = answers.find(id);
                    if (d.isPresent() && code(d.get().answer(), false)) {
                        n++;
                    }
                }
                saturation.rebuild();
                done.complete(n);
            } catch (Throwable t) {
                log.error("re-coding failed: {}", t.toString());
                done.completeExceptionally(t);
            }
        };
        try {
            worker.getQueue().put(task); // waits for room rather than being dropped
            if (worker.getPoolSize() == 0) {
                worker.prestartCoreThread();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            done.completeExceptionally(e);
        }
        return done;
    }

    /** The worker's periodic task: sweep when needed, rebuild saturation when due, the silence rule. */
    private final class Tick implements Runnable {
        @Override
        public void run() {
            tickQueued.set(false);
            guarded("tick", () -> {
                if (sweepNeeded.getAndSet(false)) {
                    sweep();
                }
                saturation.rebuildIfDirty();
                saturation.tick(clock.instant());
            });
        }
    }

    private void tick() {
        if (!tickQueued.compareAndSet(false, true)) {
            return;
        }
        try {
            worker.execute(new Tick());
        } catch (RuntimeException e) {
            tickQueued.set(false);
        }
    }

    private void guarded(String what, Runnable r) {
        try {
            r.run();
        } catch (Throwable t) {
            sweepNeeded.set(true);
            log.error("{} failed: {}", what, t.toString());
        }
    }

    // ---- holding (tests and maintenance) -------------------------------------------------------------------------

    /** Holds the worker before its next answer until the returned handle is closed (answers keep being queued). */
    public AutoCloseable hold() {
        synchronized (holdLock) {
            holds++;
        }
        return () -> {
            synchronized (holdLock) {
                holds--;
                holdLock.notifyAll();
            }
        };
    }

    private void awaitRelease() {
        synchronized (holdLock) {
            while (holds > 0) {
                try {
                    holdLock.wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** For the health details and the analyst API. */
    public Map<String, Object> status() {
        return Map.of("queued", worker.getQueue().size(), "coded_since_start", codedCount.get(),
                "last_latency_ms", lastLatencyMicros.get() < 0 ? -1 : lastLatencyMicros.get() / 1000.0,
                "coder", coders.current().coder().coder().id() + " " + coders.current().coder().coder().version());
    }

    @Override
    public void close() {
        ticker.shutdownNow();
        worker.shutdown();
        try {
            if (!worker.awaitTermination(5, TimeUnit.SECONDS)) {
                worker.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            worker.shutdownNow();
        }
    }
}
