package be.buurtstem.bot.service.saturation;

import be.buurtstem.analysis.saturation.SaturationEvent;
import be.buurtstem.bot.service.ops.OrganiserNotifier;
import be.buurtstem.bot.service.store.SaturationRecords;
import be.buurtstem.bot.service.store.Store;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.Locale;
import java.util.Map;

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
    private final SaturationRecords alerts;
    private final Store store;
    private final OrganiserNotifier notifier;
    private final String language;
    private final Clock clock;

    public Alerts(Store store, OrganiserNotifier notifier, String language, Clock clock) {
        this.language = language;
        this.alerts = store.saturationRecords();
        this.store = store;
        this.notifier = notifier;
        this.clock = clock;
    }

    /** Sends the event unless its key was sent before; true when sent now. */
    public boolean send(String questionnaire, SaturationEvent e) {
        String key = key(questionnaire, e);
        String text = text(questionnaire, e, language);
        if (!alerts.recordAlert(key, questionnaire, e.getClass().getSimpleName(), e.field(), e.value(), text,
                Map.of("nl", text(questionnaire, e, "nl"), "fr", text(questionnaire, e, "fr"),
                        "en", text(questionnaire, e, "en")), clock.instant())) {
            return false;
        }
        store.durability().sync(); // the key is on disk before the message can leave
        deliver(key, text);
        return true;
    }

    private void deliver(String key, String text) {
        notifier.notifyOrganisers(text);
        alerts.alertSent(key);
        store.durability().sync();
        log.info("saturation alert sent: {}", key);
    }

    /** Hands over alerts recorded but not marked sent (a crash between the two). */
    public void resendUnsent() {
        for (SaturationRecords.Alert a : alerts.unsentAlerts()) {
            deliver(a.key(), a.text());
        }
    }

    /**
     * The latest alerts of a questionnaire, newest first, in {@code language} (nl, fr, en) when the alert was kept in
     * it, else as sent to the organisers' chat.
     */
    public java.util.List<SaturationRecords.Sent> recent(String questionnaire, String language, int limit) {
        return alerts.recentAlerts(questionnaire, language, limit);
    }

    public long count() {
        return alerts.alertCount();
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

    /** A short message in plain words, in the organisers' language ({@code nl}, {@code fr}, else English). */
    static String text(String questionnaire, SaturationEvent e, String language) {
        String lang = language == null ? "en" : language.toLowerCase(Locale.ROOT);
        boolean all = SaturationEvent.OVERALL.equals(e.field());
        String segment = e.field() + " = " + e.value();
        return switch (lang) {
            case "nl" -> switch (e) {
                case SaturationEvent.SegmentSaturated s -> String.format(Locale.ROOT,
                        "Buurtstem, %s: bij %s horen we nu dezelfde thema's terug (%d thema's van %d bewoners, "
                                + "dekking %d%%). Nieuwe stemmen komen eerder uit andere groepen.", questionnaire,
                        all ? "iedereen" : "de groep " + segment, s.themesSeen(), s.respondents(),
                        Math.round(100 * s.coverage()));
                case SaturationEvent.NewThemeAfterSaturation n -> String.format(Locale.ROOT,
                        "Buurtstem, %s: %s bracht een thema aan dat we van hen nog niet hoorden: %s (na %d bewoners).",
                        questionnaire, all ? "iemand" : "de groep " + segment, n.theme(), n.respondents());
                case SaturationEvent.SegmentSilent s -> String.format(Locale.ROOT,
                        "Buurtstem, %s: niemand uit de groep %s heeft geantwoord in %s (%s). Ga die stemmen zoeken.",
                        questionnaire, segment, duration(s.silentFor(), lang), s.lastHeard() == null
                                ? "nog nooit gehoord" : "laatste antwoord " + LAST.format(s.lastHeard()));
            };
            case "fr" -> switch (e) {
                case SaturationEvent.SegmentSaturated s -> String.format(Locale.ROOT,
                        "Buurtstem, %s : chez %s, nous entendons à nouveau les mêmes thèmes (%d thèmes de %d "
                                + "habitants, couverture %d %%). De nouvelles voix viendront plutôt d'autres groupes.",
                        questionnaire, all ? "tout le monde" : "le groupe " + segment, s.themesSeen(),
                        s.respondents(), Math.round(100 * s.coverage()));
                case SaturationEvent.NewThemeAfterSaturation n -> String.format(Locale.ROOT,
                        "Buurtstem, %s : %s a évoqué un thème jamais entendu avant : %s (après %d habitants).",
                        questionnaire, all ? "quelqu'un" : "le groupe " + segment, n.theme(), n.respondents());
                case SaturationEvent.SegmentSilent s -> String.format(Locale.ROOT,
                        "Buurtstem, %s : personne du groupe %s n'a répondu depuis %s (%s). Allez chercher ces voix.",
                        questionnaire, segment, duration(s.silentFor(), lang), s.lastHeard() == null
                                ? "jamais entendu" : "dernière réponse " + LAST.format(s.lastHeard()));
            };
            default -> switch (e) {
                case SaturationEvent.SegmentSaturated s -> String.format(Locale.ROOT,
                        "Buurtstem, %s: among %s we now hear the same themes again (%d themes from %d residents, "
                                + "coverage %d%%). New voices are more likely to come from other groups.",
                        questionnaire, all ? "everyone" : "the group " + segment, s.themesSeen(), s.respondents(),
                        Math.round(100 * s.coverage()));
                case SaturationEvent.NewThemeAfterSaturation n -> String.format(Locale.ROOT,
                        "Buurtstem, %s: %s brought up a theme we had not heard before: %s (after %d residents).",
                        questionnaire, all ? "someone" : "the group " + segment, n.theme(), n.respondents());
                case SaturationEvent.SegmentSilent s -> String.format(Locale.ROOT,
                        "Buurtstem, %s: nobody from the group %s has answered for %s (%s). Go and find these voices.",
                        questionnaire, segment, duration(s.silentFor(), lang), s.lastHeard() == null
                                ? "not heard from yet" : "last answer " + LAST.format(s.lastHeard()));
            };
        };
    }

    private static final Map<String, String[]> UNITS = Map.of(
            "en", new String[] {"day", "days", "hour", "hours", "minute", "minutes", "second", "seconds"},
            "nl", new String[] {"dag", "dagen", "uur", "uur", "minuut", "minuten", "seconde", "seconden"},
            "fr", new String[] {"jour", "jours", "heure", "heures", "minute", "minutes", "seconde", "secondes"});

    static String duration(Duration d, String lang) {
        String[] u = UNITS.getOrDefault(lang, UNITS.get("en"));
        long[] amounts = {d.toDays(), d.toHours(), d.toMinutes(), d.toSeconds()};
        for (int i = 0; i < amounts.length; i++) {
            if (amounts[i] >= 1 || i == amounts.length - 1) {
                return amounts[i] + " " + (amounts[i] == 1 ? u[2 * i] : u[2 * i + 1]);
            }
        }
        throw new AssertionError();
    }
}
