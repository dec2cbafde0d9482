package be.buurtstem.bot.service.coding;

import be.buurtstem.bot.service.ops.Metrics;
import be.buurtstem.analysis.coding.AnalystDecision;
import be.buurtstem.analysis.coding.AnswerCoder;
import be.buurtstem.analysis.coding.Coding;
import be.buurtstem.analysis.coding.Decisions;
import be.buurtstem.bot.service.conversation.AnswerListener;
import be.buurtstem.bot.service.saturation.SaturationService;
import be.buurtstem.bot.service.store.Store;
import be.buurtstem.bot.service.survey.Survey;
import be.buurtstem.bot.service.survey.SurveyCatalog;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
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
 * the batch's codes on the answer documents in one bulk write and counts them in the questionnaire's saturation
 * state: three store round trips per batch (which are still uncoded, the write, the analysts' decisions), not two
 * per answer, which bounded the service to 50–80 answers a second while the coder does 24,000. The worker is also the only thread that changes saturation states (rebuilds,
 * the silence tick), so they need no further locking.
 *
 * <p>Nothing is lost when the queue is full or the service stops: an answer without {@code coding} is found by the
 * sweep that runs at start-up (after the saturation states are rebuilt from the coded answers) and after any overflow
 * or failure. Writing the codes is conditional on the answer not being coded yet, so an answer queued twice is coded
 * and counted once; an answer deleted meanwhile (delete my answers) is not recreated.
 */
public final class CodingService implements AnswerListener, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(CodingService.class);
    /** Answers coded and written together. */
    static final int BATCH = 256;

    private final MongoCollection<Document> answers;
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
    private final java.util.concurrent.BlockingQueue<Document> incoming;
    private final AtomicBoolean drainQueued = new AtomicBoolean();
    private final AtomicBoolean started = new AtomicBoolean();
    private final AtomicLong codedCount = new AtomicLong();
    private final AtomicLong lastLatencyMicros = new AtomicLong(-1);
    private final Object holdLock = new Object();
    private int holds;

    public CodingService(Store store, Coders coders, DecisionStore decisions, SaturationService saturation,
                         SurveyCatalog catalog, CodingSettings settings, Clock clock) {
        this.answers = store.database().getCollection("answers");
        answers.createIndex(com.mongodb.client.model.Indexes.ascending("kind", "receivedAt"));
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
    public void answerStored(Document answer) {
        try {
            if (!shouldCode(answer)) {
                return;
            }
            // the stored document itself is queued (no second read); the conditional write keeps it coded once
            if (!incoming.offer(new Document(answer))) {
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
        List<Document> batch = new ArrayList<>(BATCH);
        while (incoming.drainTo(batch, BATCH) > 0) {
            codeBatch(batch, true);
            batch.clear();
        }
    }

    @Override
    public void respondentDeleted(String respondent) {
        saturation.markDirty();
    }

    /** Free-text answers of questions with coding on. */
    boolean shouldCode(Document answer) {
        if (!AnswerDocs.FREE_TEXT.equals(answer.getString("kind"))) {
            return false;
        }
        String q = answer.getString("questionnaire");
        Integer v = answer.getInteger("version");
        Optional<Survey> survey = v == null ? catalog.current(q) : catalog.version(q, v).or(() -> catalog.current(q));
        return survey.map(s -> s.coded(answer.getString("question"))).orElse(true);
    }

    /** What the coder made of one answer, as written on its document. */
    private record CodedAnswer(Document answer, Coding coding, Bson update) {
    }

    /**
     * Codes a batch of answers and writes their codes in one bulk write. {@code first}: only answers not coded yet,
     * and those are then counted in saturation; otherwise (re-coding with a new model) the codes are replaced.
     * Returns how many were written. Only this worker writes {@code coding}, so the answers found uncoded before the
     * write are the ones the write codes; one deleted in between (delete my answers) is not recreated (no upsert),
     * and its count in saturation goes at the rebuild the deletion marks due.
     */
    private int codeBatch(List<Document> docs, boolean first) {
        Map<String, Document> byId = new java.util.LinkedHashMap<>();
        for (Document d : docs) {
            String id = d.getString("_id");
            if (id != null && !(first && AnswerDocs.isCoded(d))) {
                byId.putIfAbsent(id, d); // queued twice (the sweep and the hook): coded once
            }
        }
        if (byId.isEmpty()) {
            return 0;
        }
        if (first) {
            Set<String> uncoded = new java.util.HashSet<>();
            answers.find(Filters.and(Filters.in("_id", byId.keySet()), Filters.exists("coding", false)))
                    .projection(new Document("_id", 1)).forEach(d -> uncoded.add(d.getString("_id")));
            byId.keySet().retainAll(uncoded);
            if (byId.isEmpty()) {
                return 0;
            }
        }
        Coders.Current cur = coders.current();
        Instant now = clock.instant();
        List<CodedAnswer> coded = new ArrayList<>(byId.size());
        List<com.mongodb.client.model.WriteModel<Document>> writes = new ArrayList<>(byId.size());
        for (Document d : byId.values()) {
            CodedAnswer c = code(cur, d, now);
            coded.add(c);
            Bson filter = first ? Filters.and(Filters.eq("_id", d.getString("_id")), Filters.exists("coding", false))
                    : Filters.eq("_id", d.getString("_id"));
            writes.add(new com.mongodb.client.model.UpdateOneModel<>(filter, c.update()));
        }
        answers.bulkWrite(writes, new com.mongodb.client.model.BulkWriteOptions().ordered(false));
        if (first) {
            Map<String, List<AnalystDecision>> ds = decisions.byAnswer(byId.keySet());
            for (CodedAnswer c : coded) {
                Document d = c.answer();
                codedCount.incrementAndGet();
                Instant received = AnswerDocs.receivedAt(d);
                if (received != null) {
                    lastLatencyMicros.set(java.time.Duration.between(received, now).toNanos() / 1000);
                    Metrics.coded(java.time.Duration.between(received, now));
                }
                List<AnalystDecision> mine = ds.getOrDefault(d.getString("_id"), List.of());
                List<String> themes = List.copyOf(Decisions.resolve(List.copyOf(c.coding().themes()), mine));
                saturation.counted(d, themes, Decisions.reviewed(mine));
            }
        }
        return coded.size();
    }

    /** Codes one answer with the current coder: the update that writes its codes. */
    private static CodedAnswer code(Coders.Current cur, Document d, Instant now) {
        AnswerCoder.Coded c = cur.coder().code(AnswerDocs.toAnswer(d));
        Coding coding = c.coding();
        List<Document> codes = new ArrayList<>();
        for (String theme : coding.themes()) {
            codes.add(new Document("theme", theme).append("confidence", round(coding.score(theme)))
                    .append("coder", coding.coderId()).append("version", coding.coderVersion()));
        }
        Document scores = new Document();
        AnswerCoder.reportedScores(coding).forEach((t, s) -> scores.append(t, round(s)));
        Document meta = new Document("coder", coding.coderId()).append("version", coding.coderVersion())
                .append("model", cur.modelVersion()).append("at", Date.from(now))
                .append("language", c.language().language())
                .append("languageConfidence", round(c.language().confidence()))
                .append("languageMismatch", c.language().mismatch());
        return new CodedAnswer(d, coding, Updates.combine(Updates.set("codes", codes), Updates.set("scores", scores),
                Updates.set("coding", meta)));
    }

    private static double round(double v) {
        return Math.round(v * 10000) / 10000.0;
    }

    /** Codes every free-text answer that has no codes yet, oldest first, a batch at a time. */
    private void sweep() {
        long t0 = System.nanoTime();
        int n = 0;
        List<String> ids = new ArrayList<>();
        for (Document d : answers.find(Filters.and(Filters.eq("kind", AnswerDocs.FREE_TEXT),
                Filters.exists("coding", false))).projection(new Document("text", 0))
                .sort(Sorts.ascending("receivedAt", "_id"))) {
            if (shouldCode(d)) {
                ids.add(d.getString("_id"));
            }
        }
        for (int i = 0; i < ids.size(); i += BATCH) {
            awaitRelease();
            n += codeBatch(read(ids.subList(i, Math.min(ids.size(), i + BATCH))), true);
        }
        if (n > 0) {
            log.info("coded {} answer(s) left uncoded, in {} ms", n, (System.nanoTime() - t0) / 1_000_000);
        }
    }

    /** The answers with these ids as they are now, in the order given (deleted ones left out): one query. */
    private List<Document> read(List<String> ids) {
        Map<String, Document> found = new java.util.HashMap<>();
        answers.find(Filters.in("_id", ids)).forEach(d -> found.put(d.getString("_id"), d));
        List<Document> out = new ArrayList<>(found.size());
        for (String id : ids) {
            Document d = found.get(id);
            if (d != null) {
                out.add(d);
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
                for (Document d : answers.find(Filters.and(Filters.eq("kind", AnswerDocs.FREE_TEXT),
                        Filters.exists("coding", true))).projection(new Document("_id", 1))) {
                    if (!reviewed.contains(d.getString("_id"))) {
                        ids.add(d.getString("_id"));
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
