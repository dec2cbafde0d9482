package be.buurtstem.bot.it;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 10's understanding cases through the fake Telegram server and the real engine: bare yes/no words, command
 * words at a free-text question, the language before the consent, "my data" in the resident's words, a typed delete
 * after the end (confirmed first), resuming after stop, and answers of invisible characters.
 */
class TelegramUnderstandingTest {
    static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    static Path dataDir;
    @TempDir
    static Path folder;
    static FakeTelegram telegram;
    static Harness service;

    @BeforeAll
    static void start() throws IOException {
        telegram = new FakeTelegram();
        Files.writeString(folder.resolve("straat.yaml"), EngineServiceTest.resource("straat.yaml"));
        Map<String, Object> p = Harness.properties(dataDir, telegram);
        p.put("buurtstem.questionnaires", folder.toString());
        service = Harness.start(p, false);
    }

    @AfterAll
    static void stop() {
        if (service != null) {
            service.close();
        }
        telegram.close();
    }

    static void awaitText(long chat, String expected) {
        Harness.awaitText(telegram, chat, expected, WAIT);
    }

    static String rid(long chat) {
        return service.rid(chat);
    }

    static long answers(long chat, String question) {
        return service.db().getCollection("answers").countDocuments(and(eq("respondent", rid(chat)), eq("question", question)));
    }

    /** inclusieweb in Dutch up to area_share ("Ja, ik typ het / Zeg ik liever niet"). */
    static void toAreaShare(long chat) {
        telegram.text(chat, "/start inclusieweb", "nl");
        awaitText(chat, "Doet u mee?");
        telegram.press(chat, "yes", "nl");
        awaitText(chat, "In welke taal wilt u verder?");
        telegram.press(chat, "nl", "nl");
        awaitText(chat, "Hoe oud bent u?");
        telegram.press(chat, "age_45_64", "nl");
        awaitText(chat, "Wilt u uw postcode of straat geven?");
    }

    @Test
    void aBareNeeIsUnderstoodAtAYesNoShapedChoice() {
        long chat = 9101;
        toAreaShare(chat);
        telegram.text(chat, "Neen", "nl");
        awaitText(chat, "Hoe lang woont u al in deze buurt?");
        assertEquals(1, answers(chat, "area_share"));
        assertTrue(telegram.textsTo(chat).stream().noneMatch(t -> t.contains("nummer")), telegram.textsTo(chat).toString());
    }

    @Test
    void aCommandWordAtAFreeTextQuestionIsAskedAboutAndSlashCommandsActAtOnce() {
        long chat = 9102;
        telegram.text(chat, "/start straat", "nl");
        awaitText(chat, "Doet u mee?");
        telegram.press(chat, "yes", "nl");
        awaitText(chat, "In welke wijk woont u?");
        telegram.text(chat, "nee", "nl"); // two options, neither says no: not guessed
        telegram.press(chat, "noord", "nl");
        awaitText(chat, "Wat zou u veranderen in uw straat?");
        telegram.text(chat, "overslaan", "nl");
        awaitText(chat, "of is „overslaan” uw antwoord?");
        JsonNode ask = telegram.sentTo(chat).getLast();
        assertEquals(2, ask.path("reply_markup").path("inline_keyboard").findValues("callback_data").size(), ask.toString());
        assertEquals(0, answers(chat, "wish"), "not stored as the answer");
        telegram.press(chat, "_answer", "nl");
        awaitText(chat, "Bedankt voor uw antwoorden!");
        assertEquals(1, answers(chat, "wish"));
    }

    @Test
    void anUnknownPlatformLanguageGetsTheLanguagePickerBeforeTheConsent() {
        long chat = 9103;
        telegram.text(chat, "/start straat", "de");
        Harness.await("first reply", WAIT, () -> !telegram.sentTo(chat).isEmpty());
        JsonNode first = telegram.sentTo(chat).getFirst();
        assertFalse(first.path("text").asText().contains("Doet u mee?"), "no Dutch consent first: " + first);
        assertEquals(2, first.path("reply_markup").path("inline_keyboard").findValues("callback_data").size(), first.toString());
        telegram.press(chat, "ar", "de");
        awaitText(chat, "هل تشارك؟");
    }

    @Test
    void myDataAfterTheEndShowsTheResidentsWordsAndATypedDeleteIsConfirmedFirst() {
        long chat = 9104;
        telegram.text(chat, "/start straat", "ar");
        awaitText(chat, "هل تشارك؟");
        telegram.press(chat, "yes", "ar");
        awaitText(chat, "في أي حي تسكن؟");
        telegram.press(chat, "zuid", "ar");
        awaitText(chat, "ماذا تريد أن تغيّر في شارعك؟");
        telegram.text(chat, "wat meer bomen", "ar");
        awaitText(chat, "شكرًا على إجاباتك!");

        telegram.text(chat, "/mydata", "ar");
        awaitText(chat, "الجنوب");
        String shown = telegram.textsTo(chat).getLast();
        assertTrue(shown.contains("\u2068في أي حي تسكن؟\u2069: \u2068الجنوب\u2069"), shown);
        for (String internal : List.of("zuid", "area:", "consent straat", "wish:", "yes (")) {
            assertFalse(shown.contains(internal), internal + " in " + shown);
        }

        int before = telegram.sentTo(chat).size();
        telegram.text(chat, "احذف إجاباتي", "ar");
        Harness.await("confirmation asked", WAIT, () -> telegram.sentTo(chat).size() > before);
        assertTrue(telegram.sentTo(chat).getLast().path("reply_markup").has("inline_keyboard"), "asked first");
        assertEquals(1, answers(chat, "wish"), "nothing deleted before the resident confirms");
        telegram.text(chat, "نعم", "ar");
        awaitText(chat, "تم حذف جميع إجاباتك وبياناتك");
        service.assertNoTraceOf(chat, rid(chat));
    }

    @Test
    void aFrenchTypedDeleteAfterTheEndCanBeCancelled() {
        long chat = 9105;
        telegram.text(chat, "/start straat", "nl");
        awaitText(chat, "Doet u mee?");
        telegram.press(chat, "yes", "nl");
        awaitText(chat, "In welke wijk woont u?");
        telegram.press(chat, "noord", "nl");
        awaitText(chat, "Wat zou u veranderen in uw straat?");
        telegram.text(chat, "meer bankjes", "nl");
        awaitText(chat, "Bedankt voor uw antwoorden!");
        telegram.text(chat, "effacer mes réponses", "nl");
        awaitText(chat, "Wilt u echt al uw antwoorden wissen?");
        telegram.text(chat, "nee", "nl");
        awaitText(chat, "Oké, we wissen niets.");
        assertEquals(1, answers(chat, "wish"));
        telegram.text(chat, "wis mijn antwoorden", "nl");
        Harness.await("asked again", WAIT, () -> telegram.textsTo(chat).stream()
                .filter(t -> t.contains("Wilt u echt al uw antwoorden wissen?")).count() == 2);
        telegram.press(chat, "yes", "nl");
        awaitText(chat, "Al uw antwoorden en gegevens zijn gewist.");
        assertEquals(0, answers(chat, "wish"));
    }

    @Test
    void resumingAfterStopGreetsOnceAndAsksTheQuestion() {
        long chat = 9106;
        telegram.text(chat, "/start straat", "nl");
        awaitText(chat, "Doet u mee?");
        telegram.press(chat, "yes", "nl");
        awaitText(chat, "In welke wijk woont u?");
        telegram.text(chat, "/stop", "nl");
        awaitText(chat, "we pauzeren hier");
        int before = telegram.sentTo(chat).size();
        telegram.text(chat, "/start", "nl");
        Harness.await("resumed", WAIT, () -> telegram.textsSince(chat, before)
                .stream().anyMatch(t -> t.contains("In welke wijk woont u?")));
        List<String> after = telegram.textsSince(chat, before);
        assertEquals(1, after.stream().filter(t -> t.contains("Welkom terug")).count(), after.toString());
        assertTrue(after.stream().noneMatch(t -> t.contains("pauzeren")), after.toString());
    }

    @Test
    void anAnswerOfZeroWidthCharactersIsNotStored() {
        long chat = 9107;
        telegram.text(chat, "/start straat", "nl");
        awaitText(chat, "Doet u mee?");
        telegram.press(chat, "yes", "nl");
        awaitText(chat, "In welke wijk woont u?");
        telegram.press(chat, "noord", "nl");
        awaitText(chat, "Wat zou u veranderen in uw straat?");
        int before = telegram.sentTo(chat).size();
        telegram.text(chat, "\u200B\u200D\uFEFF", "nl");
        Harness.await("reprompted", WAIT, () -> telegram.sentTo(chat).size() > before);
        assertEquals(0, answers(chat, "wish"));
        assertTrue(telegram.textsTo(chat).getLast().contains("Typ uw antwoord"), telegram.textsTo(chat).getLast());
    }
}
