package be.buurtstem.bot.service.reminders;

import be.buurtstem.bot.service.privacy.RespondentIds;
import be.buurtstem.bot.service.store.Leases;
import be.buurtstem.bot.service.store.ReminderRecords;
import be.buurtstem.bot.service.store.Respondent;
import be.buurtstem.bot.service.store.SessionRecord;
import be.buurtstem.bot.service.store.Store;
import be.buurtstem.bot.service.survey.Survey;
import be.buurtstem.bot.service.survey.SurveyCatalog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Every {@code interval}: for each questionnaire whose reminder is on, the residents who stopped halfway on a channel
 * that may be written to first (Telegram) get the one polite reminder in their language, once the chosen delay has
 * passed since their last message. Never twice per resident and questionnaire version (a mark in
 * {@code reminders_sent} under a deterministic id, written before the message is queued), never to a resident who
 * said "stop" (paused, or a {@code declined} mark from then on), refused, completed, was blocked or whose data was
 * deleted (no session then). With several
 * instances on one store one runs the job at a time (the lease {@value #LEASE}); should two ever overlap, the
 * unique mark and the outbox's deterministic item id still let one reminder through.
 */
public final class ReminderJob implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ReminderJob.class);
    static final String LEASE = "reminders";
    static final String CHANNEL = "telegram";
    /**
     * Kept addresses looked at per questionnaire and run (residents halfway with the reminder on); the outbox's rate
     * limits spread the reminders, the next run takes the rest.
     */
    static final int SCANNED_PER_RUN = 5000;

    /** Queues one message to a chat through the channel's outbox (its limits and retries). */
    @FunctionalInterface
    public interface Channel {
        void send(String respondent, String chat, String id, String language, String text);
    }

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("reminders").daemon(true).factory());
    private final Store store;
    private final ReminderSettingsStore settings;
    private final ReminderAddresses addresses;
    private final SurveyCatalog catalog;
    private final Channel channel;
    private final Leases leases;
    private final Clock clock;
    private final Duration interval;
    private final ReminderRecords sent;

    public ReminderJob(Store store, ReminderSettingsStore settings, ReminderAddresses addresses, SurveyCatalog catalog,
                       Channel channel, Leases leases, Clock clock, Duration interval) {
        this.store = store;
        this.settings = settings;
        this.addresses = addresses;
        this.catalog = catalog;
        this.channel = channel;
        this.leases = leases;
        this.clock = clock;
        this.interval = interval;
        this.sent = store.reminderRecords();
    }

    public void start() {
        long every = interval.toMillis();
        timer.scheduleWithFixedDelay(this::runSafely, Math.min(every, 30_000), every, TimeUnit.MILLISECONDS);
    }

    private void runSafely() {
        try {
            runOnce();
        } catch (RuntimeException e) {
            log.warn("reminder run failed: {}", e.toString());
        }
    }

    /** One round as of the clock's now: how many reminders were queued (0 while another instance holds the lease). */
    public int runOnce() {
        Instant now = clock.instant();
        Duration hold = interval.multipliedBy(3).compareTo(Duration.ofMinutes(1)) > 0 ? interval.multipliedBy(3)
                : Duration.ofMinutes(1);
        if (!leases.hold(LEASE, hold, now)) {
            return 0;
        }
        int queued = 0;
        List<ReminderSettings> on = settings.enabled();
        // Driven by the kept addresses, which exist only for residents halfway while the reminder is on: a resident who
        // cannot or must not be reminded loses theirs here, so they never fill a run's window and hold back the
        // residents who stall later (as the oldest quiet sessions did when the job read those).
        for (ReminderSettings s : on) {
            Instant cutoff = now.minus(s.delay());
            for (String rid : addresses.respondentsOf(s.questionnaire(), SCANNED_PER_RUN)) {
                Optional<SessionRecord> session = store.session(rid);
                if (session.isEmpty() || !session.get().active()
                        || !s.questionnaire().equals(session.get().questionnaire())
                        || !CHANNEL.equals(session.get().channel())) {
                    addresses.forget(rid); // ended, or went on to another questionnaire: no reminder for this one
                    continue;
                }
                if (session.get().updatedAt() == null || !session.get().updatedAt().isBefore(cutoff)) {
                    continue; // still within the delay
                }
                if (remind(session.get(), now)) {
                    queued++;
                } else {
                    addresses.forget(rid); // said stop, blocked, a retired version, or reminded before
                }
            }
        }
        forgetUnneededAddresses(on);
        if (queued > 0) {
            log.info("reminders queued: {}", queued);
        }
        return queued;
    }

    private boolean remind(SessionRecord session, Instant now) {
        if (session.paused()) {
            return false; // they said stop
        }
        Optional<Survey> survey = catalog.version(session.questionnaire(), session.questionnaireVersion());
        if (survey.isEmpty()) {
            return false; // a retired version: a reminder could not be answered
        }
        String rid = session.respondent();
        if (store.respondent(rid).map(Respondent::blocked).orElse(false)) {
            return false;
        }
        Optional<String> chat = addresses.chat(rid, CHANNEL);
        if (chat.isEmpty()) {
            return false; // started before reminders were switched on and not written since
        }
        String mark = markId(session);
        if (!markSent(mark, session, now)) {
            return false; // reminded before (or by the other instance just now)
        }
        Survey s = survey.get();
        String language = ReminderTexts.languageFor(session.language(), s.defaultLanguage());
        channel.send(rid, chat.get(), "reminder:" + mark, language,
                ReminderTexts.text(language, s.defaultLanguage(), s.title(session.language())));
        addresses.forget(rid);
        log.info("reminder queued questionnaire={} version={} language={} respondent={}", s.id(), s.version(),
                language, RespondentIds.logTag(rid));
        return true;
    }

    static String markId(SessionRecord session) {
        return markId(session.respondent(), session.questionnaire(), session.questionnaireVersion());
    }

    static String markId(String respondent, String questionnaire, int version) {
        return respondent + ":" + questionnaire + ":" + version;
    }

    private boolean markSent(String id, SessionRecord session, Instant now) {
        return mark(id, session.respondent(), session.questionnaire(), session.questionnaireVersion(), "sent", now);
    }

    /** The resident said stop: the mark that keeps any reminder for this version away (kind {@code declined}). */
    public void declined(String respondent, String questionnaire, int version, Instant now) {
        mark(markId(respondent, questionnaire, version), respondent, questionnaire, version, "declined", now);
    }

    private boolean mark(String id, String respondent, String questionnaire, int version, String kind, Instant now) {
        return sent.putMark(new ReminderRecords.Mark(id, respondent, questionnaire, version, kind, now));
    }

    /** Addresses of questionnaires whose reminder is off (or gone): not kept a moment longer than needed. */
    private void forgetUnneededAddresses(List<ReminderSettings> on) {
        addresses.forgetAllBut(on.stream().map(ReminderSettings::questionnaire).toList());
    }

    /** A resident's data was deleted: their marks go too (the address is forgotten by the caller). */
    void forgetMarks(String respondent) {
        sent.deleteMarksOf(respondent);
    }

    /** How many reminders went out for a questionnaire (for the page). */
    public long sentFor(String questionnaire) {
        return sent.countMarks(questionnaire, "sent");
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
