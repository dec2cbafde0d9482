package be.buurtstem.content;

import be.buurtstem.engine.ConversationState.Await;
import be.buurtstem.engine.ConversationState.Status;
import be.buurtstem.engine.Event;
import be.buurtstem.engine.model.Questionnaire;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Residents are understood the first time, in each of the five languages, on the bundled inclusieweb (its real
 * labels: "Ja, ik typ het / Zeg ik liever niet", "👍 Ja / Niet voor mij"). Each conversation is a transcript
 * through the engine API, as the service drives it.
 */
class UnderstandingTest {
    private static final Questionnaire Q = Content.questionnaire("inclusieweb");

    /** Consent, language, age: the resident is at area_share ("Yes, I'll type it / I'd rather not say"). */
    private static Driver atAreaShare(String lang) {
        Driver d = new Driver(Q, lang).press("yes").press(lang).press("age_30_44");
        assertEquals("area_share", d.state.node());
        return d;
    }

    /** ... and on to work_matters ("👍 Yes / Not for me"). */
    private static Driver atWorkMatters(String lang) {
        Driver d = atAreaShare(lang).press("rather_not_say").press("years_6_10").press("_done");
        assertEquals("work_matters", d.state.node());
        return d;
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "nl | nee   | ja",  "nl | neen | jawel", "nl | Nee! | JA.", "nl | neeee | jaaa",
            "fr | non   | oui", "fr | Non. | ouais", "fr | nan | Oui !",
            "ar | لا    | نعم", "ar | la | ah", "ar | لا. | ايه", "ar | lla | wah",
            "tr | hayır | evet", "tr | hayir | Evet!", "tr | Hayır. | tamam",
            "en | no    | yes", "en | nope | yeah", "en | No. | Yes!"})
    void aBareYesOrNoWordAnswersEveryYesNoShapedQuestion(String lang, String no, String yes) {
        Driver d = atAreaShare(lang).say(no);
        assertEquals("rather_not_say", d.answer("area_share").value(), "'" + no + "' at 'Yes, I'll type it / I'd rather not say'");
        d = atAreaShare(lang).say(yes);
        assertEquals("share", d.answer("area_share").value());
        assertEquals("area", d.state.node());

        d = atWorkMatters(lang).say(no);
        assertEquals("not_for_me", d.answer("work_matters").value(), "'" + no + "' at '👍 Yes / Not for me'");
        assertEquals("learning_matters", d.state.node());
        d.say(yes);
        assertEquals("matters", d.answer("learning_matters").value());
    }

    @ParameterizedTest
    @CsvSource({"nl,nummer", "fr,numéro", "ar,رقم", "tr,numara", "en,number"})
    void aRepromptAtAChoiceNeverAsksForANumberThatIsNotShown(String lang, String number) {
        Driver d = new Driver(Q, lang).press("yes").press(lang);
        d.repromptsAllowed = true;
        d.say("qwxz zzkq");
        assertEquals("age_band", d.state.node());
        assertTrue(d.has(Event.Reprompted.class));
        assertFalse(d.lastText().contains(number), d.lastText());
    }

    @ParameterizedTest
    @CsvSource({"nl,overslaan,stop", "fr,passer,stop", "ar,تخطي,توقف", "tr,atla,dur", "en,skip,stop"})
    void aCommandWordTypedAtAFreeTextQuestionIsAskedAbout(String lang, String skip, String stop) {
        Driver d = atWorkMatters(lang).press("matters");
        assertEquals("work", d.state.node());
        d.say(skip);
        assertEquals(Await.COMMAND_CONFIRM, d.state.await());
        assertNull(d.answer("work"), "not stored as the answer");
        assertEquals(2, d.prompt().buttons().size());
        assertTrue(d.lastText().contains(skip), d.lastText());
        d.press("/skip");
        assertNull(d.answer("work"));
        assertEquals("learning_matters", d.state.node());

        d.press("matters").say(stop);
        assertEquals(Await.COMMAND_CONFIRM, d.state.await());
        d.press("_answer");
        assertEquals(stop, d.answer("learning").text(), "'that is my answer' keeps the word");
        assertEquals(Status.ACTIVE, d.state.status());
    }

    @ParameterizedTest
    @ValueSource(strings = {"nl", "fr", "ar", "tr", "en"})
    void theLanguageIsAskedBeforeTheConsentWhenTheChannelDoesNotKnowIt(String lang) {
        Driver d = new Driver(Q, lang, null);
        assertEquals(5, d.prompt().buttons().size(), "the language picker comes first");
        assertFalse(d.turnText().contains(ConversationScriptTest.text(Q, "consent", "nl", Map.of())), "no Dutch consent");
        d.press(lang);
        assertTrue(d.turnText().contains(ConversationScriptTest.text(Q, "consent", lang, Map.of())), d.turnText());
        assertEquals(lang, d.state.language());
        d.press("yes");
        assertEquals("age_band", d.state.node(), "the language is not asked twice");
        assertEquals(lang, d.answer("language").value());
    }

    @ParameterizedTest
    @ValueSource(strings = {"bonjour", "salam", "merhaba", "hello", "ja"})
    void aReplyThatNamesNoLanguageAtTheFirstPickerIsAnsweredInEveryLanguage(String reply) {
        Driver d = new Driver(Q, "nl", null);
        d.say(reply);
        String text = d.turnText();
        for (String expected : List.of("Tik op de taal", "Touchez la langue", "اللغة المطلوبة", "dile dokunun",
                "Tap the language")) {
            assertTrue(text.contains(expected), expected + " missing in: " + text);
        }
        assertEquals(5, d.prompt().buttons().size(), "the picker again");
        d.press("fr");
        assertTrue(d.turnText().contains(ConversationScriptTest.text(Q, "consent", "fr", Map.of())), d.turnText());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "nl | mijn gegevens | 30 tot 44 jaar | Hoe oud bent u?",
            "fr | mes données   | 30 à 44 ans     | Quel âge avez-vous",
            "ar | بياناتي        | من 30 إلى 44 سنة | كم عمرك؟",
            "tr | verilerim     | 30–44 yaş       | Kaç yaşındasınız?",
            "en | my data       | 30 to 44        | How old are you?"})
    void myDataShowsTheQuestionsAndAnswersInTheResidentsWords(String lang, String command, String age, String question) {
        // The age typed as its number ("3"), the area answered with a bare no: the list shows what the options say.
        Driver d = new Driver(Q, lang).press("yes").press(lang).say("3").say(noWord(lang)).press("years_6_10")
                .press("_done").say(command);
        String shown = d.turnText();
        assertTrue(shown.contains(age) && shown.contains(question), shown);
        for (String internal : List.of("age_30_44", "age_band", "rather_not_say", "years_6_10", "area_share")) {
            assertFalse(shown.contains(internal), internal + " in: " + shown);
        }
        if (lang.equals("ar")) {
            assertTrue(shown.contains("\u2068" + age + "\u2069"), "answers are isolated in Arabic: " + shown);
        }
        assertFalse(shown.contains(": 3\n") || shown.endsWith(": 3") || shown.contains(": " + noWord(lang) + "\n"),
                "labels, not what was typed: " + shown);
    }

    private static String noWord(String lang) {
        return Map.of("nl", "nee", "fr", "non", "ar", "لا", "tr", "hayır", "en", "no").get(lang);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\u200B", "\uFEFF", "\u200B\u200C\u200D", "\u2060 \u200E", "\uFE0F", "\u3164"})
    void anAnswerOfInvisibleCharactersIsNotStored(String invisible) {
        for (String lang : Content.LANGUAGES) {
            Driver d = atWorkMatters(lang).press("matters");
            d.repromptsAllowed = true;
            d.say(invisible);
            assertNull(d.answer("work"), lang);
            assertEquals("work", d.state.node());
            assertTrue(d.has(Event.Reprompted.class));
            d.say("\uFEFFde bus\u200B");
            assertEquals("de bus", d.answer("work").text(), "invisible ends are dropped");
        }
    }
}
