package be.buurtstem.bot.service.coding;

import be.buurtstem.analysis.coding.AnalystDecision;
import be.buurtstem.analysis.coding.CoderTrainer;
import be.buurtstem.analysis.coding.LabelledAnswer;
import be.buurtstem.analysis.coding.RetrainPolicy;
import be.buurtstem.analysis.coding.TrainerSettings;
import be.buurtstem.bot.service.privacy.ErasureStep;
import be.buurtstem.bot.service.store.Store;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import org.bson.Document;
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
 * saved ({@link ModelRegistry}), put in use for new answers, and the answers no analyst decided on are re-coded.
 */
public final class Learning implements ErasureStep, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Learning.class);

    private final MongoCollection<Document> answers;
    private final Store store;
    private final Coders coders;
    private final DecisionStore decisions;
    private final ModelRegistry registry;
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

    public Learning(Store store, Coders coders, DecisionStore decisions, ModelRegistry registry, CodingService coding,
                    CodingSettings settings, Clock clock) {
        this.store = store;
        this.answers = store.database().getCollection("answers");
        this.coders = coders;
        this.decisions = decisions;
        this.registry = registry;
        this.coding = coding;
        this.settings = settings;
        this.clock = clock;
        this.policy = new RetrainPolicy(settings.retrainAfter());
        Instant last = registry.list().stream().findFirst().map(d -> trainedAt(d.get("trainedAt"))).orElse(null);
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

    private Refusal startTraining(String why) {
        if (!running.compareAndSet(false, true)) {
            return Refusal.RUNNING;
        }
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
        Map<String, List<AnalystDecision>> byAnswer = decisions.byAnswer(null);
        List<LabelledAnswer> data = new ArrayList<>();
        if (!byAnswer.isEmpty()) {
            for (Document d : answers.find(Filters.in("_id", byAnswer.keySet()))) {
                data.add(LabelledAnswer.fromDecisions(AnswerDocs.toAnswer(d), AnswerDocs.machineThemes(d),
                        byAnswer.get(d.getString("_id"))));
            }
        }
        int analyst = data.size();
        for (LabelledAnswer seed : Coders.seeds()) {
            if (settings.seedLanguages().isEmpty() || settings.seedLanguages().contains(seed.answer().language())) {
                data.add(seed);
            }
        }
        TrainerSettings d = TrainerSettings.DEFAULT;
        TrainerSettings ts = new TrainerSettings(d.features(), d.scheme(), d.algorithm(), settings.iterations(),
                d.cutoff(), settings.folds(), d.seed()).withThreads(settings.threads());
        int version = registry.latestVersion() + 1;
        log.info("training model version {} ({}) on {} analysed answers and {} seed examples", version, why, analyst,
                data.size() - analyst);
        CoderTrainer.Trained trained = new CoderTrainer(coders.pipeline()).train(data, coders.keywords(), ts, version,
                clock.instant(), null);
        Set<String> trainedOn = new HashSet<>();
        byAnswer.keySet().forEach(id -> trainedOn.add(ModelRegistry.fingerprint(id)));
        registry.save(trained, coders.codebook(), trainedOn);
        store.durability().sync();
        coders.use(trained);
        if (dropTrainedOnDeleted() > 0) {
            // a resident deleted their answers while this version trained on them: it is gone again; train anew
            train(why);
            return;
        }
        lastMillis = (System.nanoTime() - t0) / 1_000_000;
        lastError = null;
        store.audit("model_trained", new Document("version", version).append("analysed_answers", analyst)
                .append("examples", data.size()).append("millis", lastMillis).append("reason", why), clock.instant());
        log.info("model version {} trained in {} ms; re-coding answers no analyst decided on", version, lastMillis);
        int recoded = coding.recodeUnreviewed().get(10, TimeUnit.MINUTES);
        log.info("model version {}: {} answers re-coded", version, recoded);
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
            for (Document d : answers.find(Filters.in("_id", reviewed)).projection(new Document("_id", 1))) {
                present.add(ModelRegistry.fingerprint(d.getString("_id")));
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
            registry.loadLatest().ifPresentOrElse(coders::use, coders::useKeywordsOnly);
            store.audit("models_dropped", new Document("versions", stale.size()), clock.instant());
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
