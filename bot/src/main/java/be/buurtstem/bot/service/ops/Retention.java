package be.buurtstem.bot.service.ops;

import be.buurtstem.bot.service.conversation.AnswerListener;
import be.buurtstem.bot.service.privacy.Erasure;
import be.buurtstem.bot.service.store.Store;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The retention job (run by {@link Housekeeping}): what a resident gave is not kept for ever.
 * <ul>
 * <li>a resident's answers to a questionnaire (with their kept unplaced replies and the analysts' decisions on
 * them) once their last answer to it is older than the questionnaire's retention;</li>
 * <li>a session idle longer than its questionnaire's retention; a session that never consented once idle longer than
 * the (much shorter) unconsented retention;</li>
 * <li>the respondent record (and everything else about them, as "delete my answers" does) once neither answers nor
 * a session are left;</li>
 * <li>parked updates older than their retention.</li>
 * </ul>
 * Each run is audited with counts only; a run that deleted anything hands over to {@link Erasure}, so the same
 * no-trace guarantee holds as for "delete my answers".
 */
public final class Retention {
    private static final Logger log = LoggerFactory.getLogger(Retention.class);

    private final Store store;
    private final RetentionSettings settings;
    private final Erasure erasure;
    private final Supplier<List<AnswerListener>> listeners;

    public Retention(Store store, RetentionSettings settings, Erasure erasure) {
        this(store, settings, erasure, List::of);
    }

    /**
     * {@code listeners} hear of each respondent removed whole, as after "delete my answers": files kept beside the
     * store (web chat photos) go with them and saturation is rebuilt without them.
     */
    public Retention(Store store, RetentionSettings settings, Erasure erasure,
                     Supplier<List<AnswerListener>> listeners) {
        this.store = store;
        this.settings = settings;
        this.erasure = erasure;
        this.listeners = listeners;
    }

    public RetentionSettings settings() {
        return settings;
    }

    /** Whether this run has marked the erasure pending (before its first deletion). */
    private boolean markedThisRun;

    /**
     * Marks the erasure pending before a deletion, not only after the run: a crash in the middle of a run would
     * otherwise leave deleted words in the file's old chunks with no pending erasure to remove them at the next start.
     * Always true (for use in a condition).
     */
    private boolean erasureAhead() {
        if (!markedThisRun) {
            erasure.deleted();
            markedThisRun = true;
        }
        return true;
    }

    /** One run as of {@code now}; returns the counts it audited. */
    public synchronized Document run(Instant now) {
        markedThisRun = false;
        // what the conversation has queued but not yet written counts too (WriteBehind): a resident who answered a
        // moment ago must not be taken for one with nothing left
        store.writeQueued();
        MongoCollection<Document> answers = col("answers");
        MongoCollection<Document> sessions = col("sessions");
        MongoCollection<Document> respondents = col("respondents");
        Set<String> touched = new LinkedHashSet<>();
        long answersDeleted = 0;
        long unplacedDeleted = 0;
        long decisionsDeleted = 0;

        // the last answer of each resident to each questionnaire
        Map<String, Map<String, Instant>> last = new HashMap<>();
        for (Document a : answers.find().projection(Projections.include("respondent", "questionnaire", "receivedAt",
                "at"))) {
            Date at = a.getDate("receivedAt") != null ? a.getDate("receivedAt") : a.getDate("at");
            if (a.getString("respondent") == null || a.getString("questionnaire") == null || at == null) {
                continue;
            }
            last.computeIfAbsent(a.getString("respondent"), k -> new HashMap<>())
                    .merge(a.getString("questionnaire"), at.toInstant(), (x, y) -> x.isAfter(y) ? x : y);
        }
        for (var byResident : last.entrySet()) {
            for (var e : byResident.getValue().entrySet()) {
                if (!e.getValue().isBefore(settings.answersOf(e.getKey()).before(now))) {
                    continue;
                }
                var which = Filters.and(Filters.eq("respondent", byResident.getKey()),
                        Filters.eq("questionnaire", e.getKey()));
                erasureAhead();
                answersDeleted += answers.deleteMany(which).getDeletedCount();
                unplacedDeleted += col("unplaced_replies").deleteMany(which).getDeletedCount();
                decisionsDeleted += col("codings").deleteMany(which).getDeletedCount();
                touched.add(byResident.getKey());
            }
        }

        // sessions: idle past their questionnaire's retention, or past the short one when they never consented
        long sessionsDeleted = 0;
        long unconsentedDeleted = 0;
        // who consented, read once for the run (not one query per session)
        Set<String> consentedIds = new java.util.HashSet<>();
        for (Document r : respondents.find().projection(Projections.include("_id", "consents"))) {
            if (consented(r)) {
                consentedIds.add(r.getString("_id"));
            }
        }
        for (Document s : sessions.find().projection(Projections.include("_id", "questionnaire", "updatedAt"))) {
            String rid = s.getString("_id");
            Date updated = s.getDate("updatedAt");
            if (rid == null || updated == null) {
                continue;
            }
            boolean consented = consentedIds.contains(rid);
            RetentionPeriod keep = consented ? settings.answersOf(s.getString("questionnaire")) : settings.unconsented();
            if (updated.toInstant().isBefore(keep.before(now))
                    && erasureAhead() && sessions.deleteOne(Filters.and(Filters.eq("_id", rid), Filters.eq("updatedAt", updated)))
                    .getDeletedCount() == 1) {
                if (consented) {
                    sessionsDeleted++;
                } else {
                    unconsentedDeleted++;
                }
                touched.add(rid);
            }
        }

        // respondent records with nothing left to keep them for (also those left behind by older runs)
        Instant oldest = settings.unconsented().before(now);
        for (Document r : respondents.find(Filters.lt("updatedAt", Date.from(oldest)))
                .projection(Projections.include("_id"))) {
            touched.add(r.getString("_id"));
        }
        long respondentsDeleted = 0;
        store.writeQueued(); // and what came in during this run
        for (String rid : touched) {
            if (answers.countDocuments(Filters.eq("respondent", rid)) == 0
                    && sessions.countDocuments(Filters.eq("_id", rid)) == 0) {
                erasureAhead();
                Map<String, Long> removed = store.deleteRespondent(rid, null);
                respondentsDeleted += removed.getOrDefault("respondents", 0L);
                for (AnswerListener listener : listeners.get()) {
                    try {
                        listener.respondentDeleted(rid);
                    } catch (RuntimeException e) {
                        log.warn("after a retention deletion, a listener failed: {}", e.getClass().getSimpleName());
                    }
                }
            }
        }

        var parkedExpired = Filters.lt("at", Date.from(settings.parked().before(now)));
        long parkedDeleted = 0;
        if (col("parked_updates").countDocuments(parkedExpired) > 0) {
            erasureAhead();
            parkedDeleted = col("parked_updates").deleteMany(parkedExpired).getDeletedCount();
        }

        Map<String, Object> counts = new LinkedHashMap<>();
        counts.put("answers", answersDeleted);
        counts.put("unplaced_replies", unplacedDeleted);
        counts.put("codings", decisionsDeleted);
        counts.put("sessions", sessionsDeleted);
        counts.put("unconsented_sessions", unconsentedDeleted);
        counts.put("respondents", respondentsDeleted);
        counts.put("parked_updates", parkedDeleted);
        Document details = new Document(counts);
        store.audit("retention_run", details, now);
        boolean deleted = counts.values().stream().anyMatch(v -> ((Long) v) > 0);
        if (deleted) {
            erasure.deleted();
        }
        log.info("retention run: {}", details.toJson());
        return details;
    }

    private static boolean consented(Document respondent) {
        if (respondent == null) {
            return false;
        }
        List<Document> consents = respondent.getList("consents", Document.class, List.of());
        return consents.stream().anyMatch(c -> Boolean.TRUE.equals(c.getBoolean("given")));
    }

    private MongoCollection<Document> col(String name) {
        return store.database().getCollection(name);
    }
}
