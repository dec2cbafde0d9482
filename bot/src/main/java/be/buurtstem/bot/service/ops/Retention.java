package be.buurtstem.bot.service.ops;

import be.buurtstem.bot.service.conversation.AnswerListener;
import be.buurtstem.bot.service.privacy.Erasure;
import be.buurtstem.bot.service.store.Answers;
import be.buurtstem.bot.service.store.Store;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
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
    public synchronized Map<String, Long> run(Instant now) {
        markedThisRun = false;
        // what the conversation has queued but not yet written counts too (WriteBehind): a resident who answered a
        // moment ago must not be taken for one with nothing left
        store.writeQueued();
        Answers answers = store.answerRepository();
        Set<String> touched = new LinkedHashSet<>();
        long answersDeleted = 0;
        long unplacedDeleted = 0;
        long decisionsDeleted = 0;

        // the last answer of each resident to each questionnaire
        for (var byResident : answers.lastAnswered().entrySet()) {
            for (var e : byResident.getValue().entrySet()) {
                if (!e.getValue().isBefore(settings.answersOf(e.getKey()).before(now))) {
                    continue;
                }
                String rid = byResident.getKey();
                erasureAhead();
                answersDeleted += answers.deleteOf(rid, e.getKey());
                unplacedDeleted += store.deleteUnplacedOf(rid, e.getKey());
                decisionsDeleted += store.decisions().deleteOf(rid, e.getKey());
                touched.add(rid);
            }
        }

        // sessions: idle past their questionnaire's retention, or past the short one when they never consented
        long sessionsDeleted = 0;
        long unconsentedDeleted = 0;
        Set<String> consentedIds = store.consentedRespondents(); // read once for the run, not once per session
        for (Store.SessionStamp s : store.sessionStamps()) {
            boolean consented = consentedIds.contains(s.respondent());
            RetentionPeriod keep = consented ? settings.answersOf(s.questionnaire()) : settings.unconsented();
            if (s.updatedAt().isBefore(keep.before(now)) && erasureAhead() && store.deleteSessionIfUnchanged(s)) {
                if (consented) {
                    sessionsDeleted++;
                } else {
                    unconsentedDeleted++;
                }
                touched.add(s.respondent());
            }
        }

        // respondent records with nothing left to keep them for (also those left behind by older runs)
        touched.addAll(store.respondentsUnchangedSince(settings.unconsented().before(now)));
        long respondentsDeleted = 0;
        store.writeQueued(); // and what came in during this run
        for (String rid : touched) {
            if (store.answerCount(rid) == 0 && !store.hasSession(rid)) {
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

        Instant parkedCutoff = settings.parked().before(now);
        long parkedDeleted = 0;
        if (store.parkedBefore(parkedCutoff) > 0) {
            erasureAhead();
            parkedDeleted = store.forgetParkedBefore(parkedCutoff);
        }

        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("answers", answersDeleted);
        counts.put("unplaced_replies", unplacedDeleted);
        counts.put("codings", decisionsDeleted);
        counts.put("sessions", sessionsDeleted);
        counts.put("unconsented_sessions", unconsentedDeleted);
        counts.put("respondents", respondentsDeleted);
        counts.put("parked_updates", parkedDeleted);
        store.audit("retention_run", counts, now);
        boolean deleted = counts.values().stream().anyMatch(v -> v > 0);
        if (deleted) {
            erasure.deleted();
        }
        log.info("retention run: {}", counts);
        return counts;
    }
}
