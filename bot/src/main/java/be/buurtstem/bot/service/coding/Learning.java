package be.buurtstem.bot.service.coding;

import be.buurtstem.analysis.coding.AnalystDecision;
import be.buurtstem.analysis.coding.CoderTrainer;
import be.buurtstem.analysis.coding.LabelledAnswer;
import be.buurtstem.analysis.coding.Promotion;
import be.buurtstem.analysis.coding.PromotionRule;
import be.buurtstem.analysis.coding.RetrainPolicy;
import be.buurtstem.analysis.coding.TrainerSettings;
import be.buurtstem.bot.service.privacy.ErasureStep;
import be.buurtstem.bot.service.store.AnswerRecord;
import be.buurtstem.bot.service.store.Answers;
import be.buurtstem.bot.service.store.Store;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Learning from analysts: after {@code retrainAfter} new decisions, or on request, a new model version is trained in
 * the background (one thread; never two trainings at once) on the answers analysts decided on — their themes as the
 * analysts left them — plus the content module's synthetic seed examples (trained on, never scored). The version is
 * saved ({@link ModelRegistry}) with the {@link PromotionRule}'s verdict: only when it codes the same held-out answers
 * at least as well as the coder in use is it put in use ({@link ModelInUse}) and are the answers no analyst decided on
 * re-coded with it; otherwise it is kept aside and nothing is re-coded. An analyst may put any stored version (or the
 * keywords alone) in use by hand ({@link #promote}), which re-codes with that one.
 */
public final class Learning implements ErasureStep, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Learning.class);

    private final Answers answers;
    private final Store store;
    private final Coders coders;
    private final DecisionStore decisions;
    private final ModelRegistry registry;
    private final ModelInUse inUse;
    private final CodingService coding;
    private final CodingSettings settings;
    private final Clock clock;
    private final ExecutorService trainer = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "retrain");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        return t;
    });
    private final AtomicBoolean running = new AtomicBoolean();
    private final RetrainPolicy policy;
    private final AtomicLong sinceLastTraining = new AtomicLong();
    private volatile String lastError;
    private volatile Long lastMillis;
    private volatile Trained lastTrained;
    private volatile String runningWhy;
    private volatile String queuedWhy;

    /** The last training that finished: its version, why it ran, whether the rule put it in use and why. */
    public record Trained(int version, String why, boolean promoted, String verdict, Instant at) {
    }

    public Learning(Store store, Coders coders, DecisionStore decisions, ModelRegistry registry, ModelInUse inUse,
                    CodingService coding, CodingSettings settings, Clock clock) {
        this.store = store;
        this.answers = store.answerRepository();
        this.coders = coders;
        this.decisions = decisions;
        this.registry = registry;
        this.inUse = inUse;
        this.coding = coding;
        this.settings = settings;
        this.clock = clock;
        this.policy = new RetrainPolicy(settings.retrainAfter());
        Instant last = registry.list().stream().findFirst().map(d -> trainedAt(d.trainedAt())).orElse(null);
        sinceLastTraining.set(decisions.countSince(last));
    }

    private static Instant trainedAt(Object at) {
        try {
            if (at instanceof Number n) {
                return Instant.ofEpochMilli(Math.round(n.doubleValue() * (n.doubleValue() < 1e11 ? 1000 : 1)));
            }
            return at == null ? null : Instant.parse(String.valueOf(at));
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** Counts a new decision; starts a retraining when enough have come in. */
    public void decisionRecorded() {
        if (policy.due(sinceLastTraining.incrementAndGet(), false)) {
            retrain("after " + settings.retrainAfter() + " new decisions", false);
        }
    }

    /** Why a retraining did not start. */
    public enum Refusal { NONE, RUNNING, NOTHING_NEW }

    /**
     * Starts a retraining in the background when {@link RetrainPolicy} says it is due (an analyst's request is due
     * as soon as there is any new decision); tells why not otherwise.
     */
    public Refusal retrain(String why, boolean requested) {
        if (!policy.due(sinceLastTraining.get(), requested)) {
            return Refusal.NOTHING_NEW;
        }
        return startTraining(why);
    }

    /**
     * Starts a retraining now, whatever the count of new decisions (the codebook changed: the coder must learn its
     * themes). When one is running (it may have read the codebook before the change), this one starts right after it;
     * returns false then.
     */
    public boolean retrainNow(String why) {
        if (startTraining(why) == Refusal.NONE) {
            return true;
        }
        queuedWhy = why;
        // the running one may have finished between the refusal and the line above, and found nothing queued
        if (!running.get() && queuedWhy != null) {
            String again = queuedWhy;
            queuedWhy = null;
            return startTraining(again) == Refusal.NONE || retrainNow(again);
        }
        return false;
    }

    /** Why the next training will run once the running one is done (null: none waiting). */
    public String queuedWhy() {
        return queuedWhy;
    }

    /** The last training that finished (null: none since the start). */
    public Trained lastTrained() {
        return lastTrained;
    }

    /** Why the running training runs (null: none running). */
    public String runningWhy() {
        return running.get() ? runningWhy : null;
    }

    private Refusal startTraining(String why) {
        if (!running.compareAndSet(false, true)) {
            return Refusal.RUNNING;
        }
        runningWhy = why;
        sinceLastTraining.set(0);
        try {
            trainer.execute(() -> {
                try {
                    train(why);
                } catch (Throwable t) {
                    lastError = t.getClass().getSimpleName() + ": " + t.getMessage();
                    log.error("retraining failed: {}", lastError);
                } finally {
                    running.set(false);
                    String next = queuedWhy;
                    if (next != null) {
                        queuedWhy = null;
                        try {
                            startTraining(next);
                        } catch (java.util.concurrent.RejectedExecutionException stopping) {
                            log.info("retraining ({}) not started: the service stops", next);
                        }
                    }
                }
            });
        } catch (RuntimeException e) {
            running.set(false);
            throw e;
        }
        return Refusal.NONE;
    }

    public boolean running() {
        return running.get();
    }

    public Map<String, Object> status() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("training", running.get());
        s.put("decisions_since_last_training", sinceLastTraining.get());
        s.put("retrain_after", settings.retrainAfter());
        s.put("current_model", coders.current().modelVersion());
        s.put("last_training_ms", lastMillis);
        s.put("last_error", lastError);
        return s;
    }

    private void train(String why) throws Exception {
        long t0 = System.nanoTime();
        Coders.Book book = coders.book(); // one codebook throughout, also if an analyst edits it meanwhile
        Map<String, List<AnalystDecision>> byAnswer = decisions.byAnswer(null);
        List<LabelledAnswer> data = new ArrayList<>();
        if (!byAnswer.isEmpty()) {
            for (AnswerRecord d : answers.find(byAnswer.keySet())) {
                data.add(LabelledAnswer.fromDecisions(AnswerDocs.toAnswer(d.answer()), d.machineThemes(),
                        byAnswer.get(d.id())));
            }
        }
        int analyst = data.size();
        for (LabelledAnswer seed : Coders.seeds()) {
            if (settings.seedLanguages().isEmpty() || settings.seedLanguages().contains(seed.answer().language())) {
                data.add(relabelled(seed, book));
            }
        }
        TrainerSettings d = TrainerSettings.DEFAULT;
        TrainerSettings ts = new TrainerSettings(d.features(), d.scheme(), d.algorithm(), settings.iterations(),
                d.cutoff(), settings.folds(), d.seed()).withThreads(settings.threads());
        int version = registry.nextVersion(); // never one given before, also to a version since dropped
        log.info("training model version {} ({}) on {} analysed answers and {} seed examples", version, why, analyst,
                data.size() - analyst);
        CoderTrainer.Validated validated = new CoderTrainer(coders.pipeline()).trainValidated(data, book.coder(),
                ts, version, clock.instant(), null);
        Set<String> trainedOn = new HashSet<>();
        byAnswer.keySet().forEach(id -> trainedOn.add(ModelRegistry.fingerprint(id)));
        Promotion verdict = decideAndSave(validated, trainedOn, book);
        if (dropTrainedOnDeleted() > 0) {
            // a resident deleted their answers while this version trained on them: it is gone again; train anew
            train(why);
            return;
        }
        lastMillis = (System.nanoTime() - t0) / 1_000_000;
        lastError = null;
        Map<String, Object> trained = new LinkedHashMap<>();
        trained.put("version", version);
        trained.put("analysed_answers", analyst);
        trained.put("examples", data.size());
        trained.put("millis", lastMillis);
        trained.put("reason", why);
        trained.put("promoted", verdict.promoted());
        store.audit("model_trained", trained, clock.instant());
        lastTrained = new Trained(version, why, verdict.promoted(), verdict.reason(), clock.instant());
        log.info("model version {} trained in {} ms; {}", version, lastMillis, verdict.reason());
        if (verdict.promoted()) {
            int recoded = coding.recodeUnreviewed().get(10, TimeUnit.MINUTES);
            log.info("model version {}: {} answers re-coded", version, recoded);
        }
    }

    /**
     * Compares the new version with the coder in use (the {@link PromotionRule}), saves it with the verdict and, when
     * promoted, puts it in use. Under the lock an analyst's promotion takes, so the comparison is with what is in use.
     */
    private synchronized Promotion decideAndSave(CoderTrainer.Validated validated, Set<String> trainedOn,
                                                 Coders.Book book) throws java.io.IOException {
        Coders.Current current = coders.current();
        Set<String> currentLearnt = registry.trainedOn(current.modelVersion());
        int version = validated.trained().info().version();
        Promotion verdict = PromotionRule.DEFAULT.decide(version, validated.cv(), current.modelVersion(),
                a -> new HashSet<>(current.coder().code(a).coding().themes().stream().map(coders::canonical)
                        .toList()),
                // a version that does not say what it learnt from may have learnt from any answer
                a -> currentLearnt == null || currentLearnt.contains(ModelRegistry.fingerprint(a.id())));
        Instant now = clock.instant();
        registry.save(validated.trained(), book.codebook(), trainedOn, ModelInUse.promotionFields(verdict, now));
        if (verdict.promoted()) {
            inUse.put(version, ModelInUse.BY_RULE, now);
        }
        store.durability().sync();
        if (verdict.promoted()) {
            coders.use(validated.trained());
        }
        return verdict;
    }

    /** A seed example's themes as the edited codebook names them (a merged theme by the one it went into). */
    private static LabelledAnswer relabelled(LabelledAnswer seed, Coders.Book book) {
        if (book.merged().isEmpty() || seed.labels().stream().noneMatch(book.merged()::containsKey)) {
            return seed;
        }
        Set<String> labels = new java.util.LinkedHashSet<>();
        seed.labels().forEach(t -> labels.add(book.merged().getOrDefault(t, t)));
        return new LabelledAnswer(seed.answer(), labels, seed.source());
    }

    /** What an analyst's promotion did. */
    public enum Promoted { PROMOTED, ALREADY_IN_USE, NO_SUCH_VERSION, UNREADABLE }

    /**
     * Puts a stored version (0: the codebook's keywords alone) in use by an analyst's choice, whatever the rule said —
     * also an earlier one (a rollback) — and re-codes the answers no analyst decided on with it, in the background.
     */
    public synchronized Promoted promote(int version, String by) {
        if (version == coders.current().modelVersion()) {
            return Promoted.ALREADY_IN_USE;
        }
        CoderTrainer.Trained trained = null;
        if (version != 0) {
            if (registry.record(version).isEmpty()) {
                return Promoted.NO_SUCH_VERSION;
            }
            trained = registry.load(version).orElse(null);
            if (trained == null) {
                return Promoted.UNREADABLE;
            }
        }
        int previous = coders.current().modelVersion();
        Instant now = clock.instant();
        inUse.put(version, by, now);
        store.durability().sync();
        if (trained == null) {
            coders.useKeywordsOnly();
        } else {
            coders.use(trained);
        }
        store.audit("model_promoted", Map.of("version", version, "previous", previous, "by", by), now);
        log.info("model version {} put in use by {} (was {}); re-coding answers no analyst decided on", version, by,
                previous);
        coding.recodeUnreviewed().whenComplete((n, e) -> {
            if (e == null) {
                log.info("model version {}: {} answers re-coded", version, n);
            }
        });
        return Promoted.PROMOTED;
    }

    /**
     * Drops every model version that learnt from an analysed answer since deleted (file and record), puts the newest
     * remaining one in use (or the keywords alone), and retrains in the background on what is left when analysts'
     * decisions remain. Run by {@code Erasure} after deletions.
     */
    @Override
    public int eraseDerived() {
        int dropped = dropTrainedOnDeleted();
        if (dropped > 0 && decisions.countSince(null) > 0) {
            startTraining("model versions dropped after a deletion");
        }
        return dropped;
    }

    private synchronized int dropTrainedOnDeleted() {
        Set<String> present = new HashSet<>();
        Set<String> reviewed = decisions.reviewedAnswers();
        if (!reviewed.isEmpty()) {
            for (String id : answers.present(reviewed)) {
                present.add(ModelRegistry.fingerprint(id));
            }
        }
        List<Integer> stale = registry.trainedOnDeleted(present);
        for (int version : stale) {
            try {
                registry.remove(version);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException("cannot remove model version " + version, e);
            }
        }
        if (!stale.isEmpty()) {
            inUse.load().ifPresentOrElse(coders::use, coders::useKeywordsOnly);
            store.audit("models_dropped", Map.of("versions", stale.size()), clock.instant());
            log.info("{} model versions dropped: they learnt from deleted answers; model in use: {}", stale.size(),
                    coders.current().modelVersion());
        }
        return stale.size();
    }

    @Override
    public void close() {
        trainer.shutdownNow();
    }
}
