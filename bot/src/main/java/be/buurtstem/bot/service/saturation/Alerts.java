package be.buurtstem.bot.service.saturation;

import be.buurtstem.analysis.saturation.SaturationEvent;
import be.buurtstem.bot.service.ops.OrganiserNotifier;
import be.buurtstem.bot.service.store.Store;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.Locale;

/**
 * Saturation events to the organisers, each once. An event has a key made of what it says (questionnaire, segment,
 * kind, the new theme or the last time the segment was heard) and never of counts, so replaying the answers after a
 * restart or a rebuild produces the same keys. The key is inserted into {@code alerts} (unique {@code _id}) first;
 * only the one insert that succeeds hands the text to {@link OrganiserNotifier} (the durable Telegram outbox), and
 * the alert is then marked sent. An alert whose insert succeeded but that was not marked sent (a crash in between)
 * is handed over again at the next start — the only window where an organiser could see one twice.
 */
public final class Alerts {
    private static final Logger log = LoggerFactory.getLogger(Alerts.class);
    private static final java.time.format.DateTimeFormatter LAST =
            java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(java.time.ZoneOffset.UTC);
    private final MongoCollection<Document> alerts;
    private final Store store;
    private final OrganiserNotifier notifier;
    private final Clock clock;

    public Alerts(Store store, OrganiserNotifier notifier, Clock clock) {
        this.alerts = store.database().getCollection("alerts");
        this.store = store;
        this.notifier = notifier;
        this.clock = clock;
    }

    /** Sends the event unless its key was sent before; true when sent now. */
    public boolean send(String questionnaire, SaturationEvent e) {
        String key = key(questionnaire, e);
        String text = text(questionnaire, e);
        try {
            alerts.insertOne(new Document("_id", key).append("questionnaire", questionnaire)
                    .append("type", e.getClass().getSimpleName()).append("field", e.field()).append("value", e.value())
                    .append("text", text).append("at", Date.from(clock.instant())).append("sent", false));
        } catch (MongoWriteException dup) {
            if (dup.getError().getCode() == 11000) {
                return false;
            }
            throw dup;
        }
        store.durability().sync(); // the key is on disk before the message can leave
        deliver(key, text);
        return true;
    }

    private void deliver(String key, String text) {
        notifier.notifyOrganisers(text);
        alerts.updateOne(Filters.eq("_id", key), Updates.set("sent", true));
        store.durability().sync();
        log.info("saturation alert sent: {}", key);
    }

    /** Hands over alerts recorded but not marked sent (a crash between the two). */
    public void resendUnsent() {
        for (Document d : alerts.find(Filters.eq("sent", false))) {
            deliver(d.getString("_id"), d.getString("text"));
        }
    }

    public long count() {
        return alerts.countDocuments();
    }

    static String key(String questionnaire, SaturationEvent e) {
        String segment = e.field() + "=" + e.value();
        return switch (e) {
            case SaturationEvent.SegmentSaturated s -> questionnaire + "|" + segment + "|saturated";
            case SaturationEvent.NewThemeAfterSaturation n -> questionnaire + "|" + segment + "|new-theme|" + n.theme();
            case SaturationEvent.SegmentSilent s -> questionnaire + "|" + segment + "|silent|"
                    + (s.lastHeard() == null ? "never" : s.lastHeard().toString());
        };
    }

    /** The segment in words: "everyone", or "area = noord". */
    static String who(SaturationEvent e) {
        return SaturationEvent.OVERALL.equals(e.field()) ? "everyone" : "the group " + e.field() + " = " + e.value();
    }

    /** A short message in plain words. */
    static String text(String questionnaire, SaturationEvent e) {
        return switch (e) {
            case SaturationEvent.SegmentSaturated s -> String.format(Locale.ROOT,
                    "Buurtstem, %s: among %s we now hear the same themes again (%d themes from %d residents, "
                            + "coverage %d%%). New voices are more likely to come from other groups.",
                    questionnaire, who(e), s.themesSeen(), s.respondents(), Math.round(100 * s.coverage()));
            case SaturationEvent.NewThemeAfterSaturation n -> String.format(Locale.ROOT,
                    "Buurtstem, %s: %s brought up a theme not heard from them before: %s (after %d residents).",
                    questionnaire, who(e), n.theme(), n.respondents());
            case SaturationEvent.SegmentSilent s -> String.format(Locale.ROOT,
                    "Buurtstem, %s: nobody from %s has answered for %s (%s). Go and find these voices.",
                    questionnaire, who(e), days(s.silentFor()), s.lastHeard() == null ? "not heard from yet"
                            : "last answer " + LAST.format(s.lastHeard()));
        };
    }

    private static String days(Duration d) {
        long days = d.toDays();
        if (days >= 1) {
            return days + (days == 1 ? " day" : " days");
        }
        if (d.toHours() >= 1) {
            return d.toHours() + (d.toHours() == 1 ? " hour" : " hours");
        }
        if (d.toMinutes() >= 1) {
            return d.toMinutes() + (d.toMinutes() == 1 ? " minute" : " minutes");
        }
        return d.toSeconds() + (d.toSeconds() == 1 ? " second" : " seconds");
    }
}
