package be.buurtstem.bot.it;

import be.buurtstem.bot.service.reminders.ReminderAddresses;
import be.buurtstem.bot.service.reminders.ReminderJob;
import be.buurtstem.bot.service.reminders.ReminderSettings;
import be.buurtstem.bot.service.reminders.ReminderSettingsStore;
import be.buurtstem.bot.service.store.Leases;
import be.buurtstem.bot.service.survey.SurveyCatalog;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The one polite reminder through the fake Telegram server: residents who stopped halfway get exactly one, in their
 * language, once the organiser's delay has passed (the delay is made to pass by dating their last message back);
 * none for a resident who said stop, completed, was blocked, had their data deleted or wrote recently; none a
 * second time; and a second instance on the same store sends none of its own.
 */
class ReminderTest {
    static final Duration WAIT = Duration.ofSeconds(30);
    static final String Q = "herinnering";

    @TempDir
    static Path dataDir;
    @TempDir
    static Path folder;
    static FakeTelegram telegram;
    static Harness service;

    @BeforeAll
    static void start() throws IOException {
        Harness.copyResource("/reach/herinnering.yaml", folder);
        telegram = new FakeTelegram();
        Map<String, Object> p = Harness.properties(dataDir, telegram);
        p.put("buurtstem.questionnaires", folder.toString());
        p.put("buurtstem.reminders.interval", "500ms");
        service = Harness.start(p, false);
    }

    @AfterAll
    static void stop() {
        if (service != null) {
            service.close();
        }
        if (telegram != null) {
            telegram.close();
        }
    }

    static List<String> reminders(long chat) {
        List<String> out = new ArrayList<>();
        for (String t : telegram.textsTo(chat)) {
            if (t.contains("Merhaba!") || t.contains("مرحباً!") || t.contains("Goedendag!") || t.contains("Bonjour !")
                    || t.contains("Hello! You started")) {
                out.add(t);
            }
        }
        return out;
    }

    /** Starts the questionnaire through its deep link and gives consent: at the first question. */
    static void consent(long chat, String language, String question) {
        telegram.text(chat, "/start " + Q, language);
        Harness.awaitTexts(telegram, chat, 1, WAIT);
        telegram.press(chat, "yes", language);
        Harness.awaitText(telegram, chat, question, WAIT);
    }

    static void dateBack(long chat, Duration by) {
        service.db().getCollection("sessions").updateOne(Filters.eq("_id", service.rid(chat)),
                Updates.set("updatedAt", Date.from(Instant.now().minus(by))));
    }

    @Test
    void oneReminderInTheResidentsLanguageOnlyToThoseWhoStoppedHalfway() throws Exception {
        service.context.getBean(ReminderSettingsStore.class)
                .save(new ReminderSettings(Q, true, Duration.ofDays(2)), "test", Instant.now());

        long turkish = 8101;
        consent(turkish, "tr", "Meydana sık gelir misiniz?");
        telegram.press(turkish, "often", "tr");
        Harness.awaitText(telegram, turkish, "Meydanda neyi değiştirirdiniz?", WAIT);
        long arabic = 8102;
        consent(arabic, "ar", "هل تأتي إلى الساحة كثيراً؟");
        long saidStop = 8103;
        consent(saidStop, "nl", "Komt u vaak op het plein?");
        int beforeStop = telegram.textsTo(saidStop).size();
        telegram.text(saidStop, "stop", "nl");
        Harness.awaitTexts(telegram, saidStop, beforeStop + 1, WAIT);
        // ... and went on later: having said stop once, they are not reminded either
        int beforeResume = telegram.textsTo(saidStop).size();
        telegram.text(saidStop, "verder", "nl");
        Harness.await("resumed", WAIT, () -> telegram.textsSince(saidStop, beforeResume).stream().anyMatch(t -> t.contains("Komt u vaak op het plein?")));
        long paused = 8108;
        consent(paused, "nl", "Komt u vaak op het plein?");
        int beforePause = telegram.textsTo(paused).size();
        telegram.text(paused, "stop", "nl");
        Harness.awaitTexts(telegram, paused, beforePause + 1, WAIT);
        long completed = 8104;
        consent(completed, "nl", "Komt u vaak op het plein?");
        telegram.press(completed, "seldom", "nl");
        Harness.awaitText(telegram, completed, "Wat zou u veranderen aan het plein?", WAIT);
        telegram.text(completed, "Meer bomen en bankjes", "nl");
        Harness.awaitText(telegram, completed, "Bedankt!", WAIT);
        long blocked = 8105;
        consent(blocked, "fr", "Venez-vous souvent sur la place ?");
        long deleted = 8106;
        consent(deleted, "en", "Do you often come to the square?");
        String deletedRid = service.rid(deleted);
        telegram.text(deleted, "delete my answers", "en");
        Harness.awaitTexts(telegram, deleted, 3, WAIT);
        telegram.press(deleted, "yes", "en");
        Harness.awaitText(telegram, deleted, "deleted", WAIT);
        long recent = 8107;
        consent(recent, "nl", "Komt u vaak op het plein?");
        Harness.await("sessions written", WAIT, () -> service.db().getCollection("sessions")
                .countDocuments(Filters.eq("questionnaire", Q)) == 7);
        // the one who said stop is paused, not ended; the one who completed is completed
        for (long chat : new long[] {saidStop, paused}) {
            assertEquals("active", service.db().getCollection("sessions").find(Filters.eq("_id", service.rid(chat)))
                    .first().getString("status"), "said stop: paused, not ended");
        }
        assertEquals("completed", service.db().getCollection("sessions").find(Filters.eq("_id", service.rid(completed)))
                .first().getString("status"));
        // Telegram refused messages to this one (403), as the outbox records it
        service.store().markStopped(service.rid(blocked), "blocked", Instant.now());

        // the addresses of the residents halfway are kept, sealed: no chat id in the store
        for (Document d : service.all("reminder_addresses")) {
            assertTrue(!d.toJson().contains("\"8101\"") && !d.toJson().contains("8101"), d.toJson());
        }
        assertTrue(service.db().getCollection("reminder_addresses").countDocuments(
                Filters.eq("_id", service.rid(turkish))) == 1);

        // within the delay: nothing, however many runs
        Thread.sleep(1500);
        assertEquals(0, service.context.getBean(ReminderJob.class).runOnce(), "a run within the delay reminds no one");
        for (long chat : new long[] {turkish, arabic, saidStop, paused, completed, blocked, deleted, recent}) {
            assertEquals(List.of(), reminders(chat), "no reminder before the delay to " + chat);
        }

        // two days and a bit later for all but the recent one
        for (long chat : new long[] {turkish, arabic, saidStop, paused, completed, blocked, deleted}) {
            dateBack(chat, Duration.ofDays(2).plusHours(1));
        }
        Harness.await("a reminder in Turkish", WAIT, () -> reminders(turkish).size() == 1);
        Harness.await("a reminder in Arabic", WAIT, () -> reminders(arabic).size() == 1);
        String tr = reminders(turkish).getFirst();
        assertTrue(tr.contains("„Meydan”") && tr.contains("cevaplarımı sil"), tr);
        String ar = reminders(arabic).getFirst();
        assertTrue(ar.contains("«الساحة»") && ar.contains("احذف إجاباتي"), ar);
        Thread.sleep(2000); // several more runs
        assertEquals(1, reminders(turkish).size(), "never a second reminder");
        assertEquals(1, reminders(arabic).size());
        for (long chat : new long[] {saidStop, paused, completed, blocked, deleted, recent}) {
            assertEquals(List.of(), reminders(chat), "no reminder to " + chat);
        }
        // the address went with the reminder; the deleted resident left no trace in the reminders' collections
        assertNull(service.db().getCollection("reminder_addresses").find(Filters.eq("_id", service.rid(turkish))).first());
        // nor is a chat id kept for those who must not be reminded (they would also fill the job's window and hold
        // back the residents who stall later): only the recent resident's address is left
        assertEquals(List.of(service.rid(recent)), service.all("reminder_addresses").stream()
                .map(d -> d.getString("_id")).toList(), "addresses kept after the reminders");
        service.assertNoTraceOf(deleted, deletedRid);

        // the resident goes on after the reminder, then stops again: no second reminder for this version
        int before = telegram.textsTo(turkish).size();
        telegram.text(turkish, "devam", "tr");
        Harness.await("the question again", WAIT, () -> telegram.textsSince(turkish, before).stream().anyMatch(t -> t.contains("Meydanda neyi değiştirirdiniz?")));
        Thread.sleep(600);
        dateBack(turkish, Duration.ofDays(3));
        Thread.sleep(2000);
        assertEquals(1, reminders(turkish).size(), "once per resident and questionnaire version");

        // a second instance on the same store: the lease keeps it out; with the lease gone, the marks do
        List<String> sentByOther = new ArrayList<>();
        ReminderJob other = new ReminderJob(service.store(), new ReminderSettingsStore(service.store()),
                service.context.getBean(ReminderAddresses.class), service.context.getBean(SurveyCatalog.class),
                (respondent, chat, id, language, text) -> sentByOther.add(chat),
                new Leases(service.store(), "other-instance"), Clock.systemUTC(), Duration.ofSeconds(1));
        dateBack(arabic, Duration.ofDays(3));
        assertEquals(0, other.runOnce(), "the lease is the running instance's");
        assertNotEquals("other-instance", service.db().getCollection("leases").find(Filters.eq("_id", "reminders"))
                .first().getString("holder"), "the second instance did not take the running instance's lease");
        service.context.getBean(ReminderJob.class).close(); // the running instance stops, its lease is let go
        service.db().getCollection("leases").deleteOne(Filters.eq("_id", "reminders"));
        assertEquals(0, other.runOnce(), "with the lease free, the second instance takes it");
        assertEquals("other-instance", service.db().getCollection("leases").find(Filters.eq("_id", "reminders"))
                .first().getString("holder"));
        // the Arabic resident's address kept again (as the other instance's own hook would), while it holds the lease:
        // the mark of the reminder already sent keeps a second one away, and the address is let go
        ReminderAddresses kept = service.context.getBean(ReminderAddresses.class);
        kept.remember(service.rid(arabic), "telegram", String.valueOf(arabic), Q, Instant.now().minus(Duration.ofDays(3)));
        assertEquals(1, service.db().getCollection("reminder_addresses").countDocuments(
                Filters.eq("_id", service.rid(arabic))));
        assertEquals(0, other.runOnce(), "reminded before: not again");
        assertEquals(List.of(), sentByOther);
        assertEquals(0, service.db().getCollection("reminder_addresses").countDocuments(
                Filters.eq("_id", service.rid(arabic))), "the second instance looked at the resident and let go");
        other.close();
    }
}
