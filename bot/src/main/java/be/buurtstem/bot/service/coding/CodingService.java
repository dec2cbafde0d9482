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
 * Codes free-text answers off the resident's path. {@link #answerStored} only puts the answer on a bounded queue;
 * one worker thread takes what is queued in batches (up to {@link #BATCH}), codes each with the current coder, writes
 * the batch's codes in one bulk write and counts them in the questionnaire's saturation state: three store round
 * trips per batch (which are still uncoded, the write, the analysts' decisions), not two per answer, which bounded
 * the service to 50–80 answers a second while the coder does 24,000. The worker is also the only thread that changes
 * saturation states (rebuilds, the silence tick), so they need no further locking.
 *
 * <p>Nothing is lost when the queue is full or the service stops: an answer without {@code coding} is found by the
 * sweep that runs at start-up (after the saturation states are rebuilt from the coded answers) and after any overflow
 * or failure. Writing the codes is conditional on the answer not being coded yet, so an answer queued twice is coded
 * and counted once; an answer deleted meanwhile (delete my answers) is not recreated. A stopping service (interrupted
 * worker) starts no further batch: what is left is the next start's sweep, which reads each batch of uncoded answers
 * once and asks nothing else about them before the write.
 */
public final class CodingService implements AnswerListener, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(CodingService.class);
    /** Answers coded and written together. */
    static final int BATCH = 256;

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
    /** Answers stored and not coded yet, in the order stored; bounded (over it, the sweep finds them). */
    private final java.util.concurrent.BlockingQueue<StoredAnswer> incoming;
    private final AtomicBoolean drainQueued = new AtomicBoolean();
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
        this.incoming = new ArrayBlockingQueue<>(settings.queueCapacity());
        this.worker = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(settings.queueCapacity()), r -> daemon(r, "coding"),
                (r, executor) -> {
                    if (r instanceof Tick) {
                        tickQueued.set(false); // the next tick tries again
                    } else if (r instanceof Drain) {
                        drainQueued.set(false); // what is queued stays queued: the next answer or tick drains it
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
            if (!incoming.offer(answer)) {
                sweepNeeded.set(true); // full: the answer stays uncoded in the database until the next sweep
                return;
            }
            scheduleDrain();
        } catch (Throwable t) {
            // never disturb the resident's path: the sweep will find the answer
            sweepNeeded.set(true);
        }
    }

    /** One drain task at a time on the worker: it takes everything queued when it runs. */
    private void scheduleDrain() {
        if (drainQueued.compareAndSet(false, true)) {
            try {
                worker.execute(new Drain());
            } catch (RuntimeException e) {
                drainQueued.set(false);
            }
        }
    }

    /** The worker's task for stored answers: codes what {@link #incoming} holds, a batch at a time. */
    private final class Drain implements Runnable {
        @Override
        public void run() {
            drainQueued.set(false); // an answer queued from now on schedules another drain
            guarded("coding", CodingService.this::drain);
        }
    }

    private void drain() {
        if (incoming.isEmpty()) {
            return;
        }
        awaitRelease();
        List<StoredAnswer> batch = new ArrayList<>(BATCH);
        // interrupted: the service is stopping (close); what is still queued is found by the next start's sweep
        while (!Thread.currentThread().isInterrupted() && incoming.drainTo(batch, BATCH) > 0) {
            codeBatch(batch, true);
            batch.clear();
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

    /**
     * Codes a batch of answers and writes their codes in one bulk write. {@code first}: only answers not coded yet,
     * and those are then counted in saturation; otherwise (re-coding with a new model) the codes are replaced.
     * Returns how many were written. Only this worker writes codings, so the answers found uncoded before the write
     * are the ones the write codes; one deleted in between (delete my answers) is not recreated (no upsert), and its
     * count in saturation goes at the rebuild the deletion marks due.
     */
    private int codeBatch(List<StoredAnswer> list, boolean first) {
        return codeBatch(list, first, false);
    }

    /** {@code readUncoded}: the answers were just read from the store and had no coding (the sweep): not asked again. */
    private int codeBatch(List<StoredAnswer> list, boolean first, boolean readUncoded) {
        Map<String, StoredAnswer> byId = new LinkedHashMap<>();
        for (StoredAnswer a : list) {
            if (a.id() != null) {
                byId.putIfAbsent(a.id(), a); // queued twice (the sweep and the hook): coded once
            }
        }
        if (first && !readUncoded && !byId.isEmpty()) {
            byId.keySet().retainAll(answers.uncodedAmong(byId.keySet()));
        }
        if (byId.isEmpty()) {
            return 0;
        }
        Coders.Current cur = coders.current();
        Instant now = clock.instant();
        Map<String, StoredCoding> codings = new LinkedHashMap<>();
        Map<String, Coding> byCoder = new java.util.HashMap<>();
        for (StoredAnswer a : byId.values()) {
            AnswerCoder.Coded c = cur.coder().code(AnswerDocs.toAnswer(a));
            byCoder.put(a.id(), c.coding());
            codings.put(a.id(), stored(cur, c, now, coders::canonical));
        }
        if (answers.writeCodings(codings, first) < codings.size()) {
            // some were coded meanwhile by another instance, or deleted: count them from the store, not from here
            saturation.markDirty();
        }
        if (first) {
            try {
                count(byId.values(), byCoder, now);
            } catch (RuntimeException | Error e) {
                // coded in the store but maybe not counted: the next tick rebuilds saturation from the store
                saturation.markDirty();
                throw e;
            }
        }
        return codings.size();
    }

    /** Counts answers just coded for the first time in saturation (with the analysts' decisions on them). */
    private void count(java.util.Collection<StoredAnswer> coded, Map<String, Coding> byCoder, Instant now) {
        Map<String, List<AnalystDecision>> ds = decisions.byAnswer(coded.stream().map(StoredAnswer::id).toList());
        for (StoredAnswer a : coded) {
            codedCount.incrementAndGet();
            Instant received = a.receivedAt();
            if (received != null) {
                lastLatencyMicros.set(java.time.Duration.between(received, now).toNanos() / 1000);
                Metrics.coded(java.time.Duration.between(received, now));
            }
            List<AnalystDecision> mine = ds.getOrDefault(a.id(), List.of());
            List<String> machine = byCoder.get(a.id()).themes().stream().map(coders::canonical).distinct().toList();
            List<String> themes = List.copyOf(Decisions.resolve(machine, mine));
            saturation.counted(a, themes, Decisions.reviewed(mine));
        }
    }

    /** What the coder made of one answer, as stored on it. */
    private static StoredCoding stored(Coders.Current cur, AnswerCoder.Coded c, Instant now,
                                       java.util.function.UnaryOperator<String> canonical) {
        Coding coding = c.coding();
        // a model version trained before a codebook merge still names the theme merged away: stored as the new one
        Map<String, StoredCoding.Code> codes = new LinkedHashMap<>();
        for (String theme : coding.themes()) {
            StoredCoding.Code code = new StoredCoding.Code(canonical.apply(theme), round(coding.score(theme)),
                    coding.coderId(), coding.coderVersion());
            codes.merge(code.theme(), code, (x, y) -> x.confidence() >= y.confidence() ? x : y);
        }
        Map<String, Double> scores = new LinkedHashMap<>();
        AnswerCoder.reportedScores(coding).forEach((t, s) -> scores.merge(canonical.apply(t), round(s), Math::max));
        return new StoredCoding(List.copyOf(codes.values()), scores, coding.coderId(), coding.coderVersion(),
                cur.modelVersion(), now,
                c.language().language(), round(c.language().confidence()), c.language().mismatch());
    }

    private static double round(double v) {
        return Math.round(v * 10000) / 10000.0;
    }

    /** Codes every free-text answer that has no codes yet, oldest first, a batch at a time. */
    private void sweep() {
        long t0 = System.nanoTime();
        int n = 0;
        List<String> ids = new ArrayList<>();
        answers.eachWithoutWords(Answers.FreeText.all().coded(false), d -> {
            if (shouldCode(d.answer())) {
                ids.add(d.id());
            }
        });
        for (int i = 0; i < ids.size() && !Thread.currentThread().isInterrupted(); i += BATCH) {
            awaitRelease();
            if (Thread.currentThread().isInterrupted()) {
                break; // stopping: the rest stays uncoded for the next start's sweep
            }
            n += codeBatch(read(ids.subList(i, Math.min(ids.size(), i + BATCH)), true), true, true);
        }
        if (n > 0) {
            log.info("coded {} answer(s) left uncoded, in {} ms", n, (System.nanoTime() - t0) / 1_000_000);
        }
    }

    /** The answers with these ids as they are now, in the order given (deleted ones left out): one query. */
    private List<StoredAnswer> read(List<String> ids) {
        return read(ids, false);
    }

    /** The same; {@code uncodedOnly}: those coded meanwhile (by the in-memory queue) left out too. */
    private List<StoredAnswer> read(List<String> ids, boolean uncodedOnly) {
        Map<String, StoredAnswer> found = new java.util.HashMap<>();
        for (var r : answers.find(ids)) {
            if (!uncodedOnly || !r.coded()) {
                found.put(r.id(), r.answer());
            }
        }
        List<StoredAnswer> out = new ArrayList<>(found.size());
        for (String id : ids) {
            StoredAnswer a = found.get(id);
            if (a != null) {
                out.add(a);
            }
        }
        return out;
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
                for (int i = 0; i < ids.size(); i += BATCH) {
                    n += codeBatch(read(ids.subList(i, Math.min(ids.size(), i + BATCH))), false);
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
                drain(); // what a rejected drain task left queued
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
        return Map.of("queued", incoming.size() + worker.getQueue().size(), "coded_since_start", codedCount.get(),
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
