package be.buurtstem.engine;

import be.buurtstem.engine.ConversationState.Await;
import be.buurtstem.engine.ConversationState.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * At a free-text question a bare word is the resident's answer ("dil" answers "what makes work hard?"); only a
 * /command is a command there. Everywhere else bare command words keep working, unless the word is an answer
 * that fits the question (an option label).
 */
class FreeTextCommandWordsTest {

    /** At housing_story (free text, optional) in buurtleven. */
    private static Fixtures.Driver atFreeText(String lang) {
        Fixtures.Driver d = new Fixtures.Driver(Fixtures.buurtleven(), lang).press(lang).press("yes")
                .say("5").say("2").say("1").press("alone").say("1").say("3").say("1, 2");
        assertEquals("housing_story", d.node());
        return d;
    }

    @ParameterizedTest
    @ValueSource(strings = {"dil", "langue", "اللغة", "aide", "مساعدة", "yardım", "arrete"})
    void aCommandWordOfAnotherLanguageAtAFreeTextQuestionIsRecordedAsTheAnswer(String word) {
        Fixtures.Driver d = atFreeText("nl").say(word);
        assertEquals(word, d.answer("housing_story").text());
        assertEquals(word, d.answer("housing_story").value());
        assertEquals(Status.ACTIVE, d.last.state().status());
        assertEquals("feel_safe_day", d.node(), "the conversation goes on to the next question");
    }

    @ParameterizedTest
    @ValueSource(strings = {"taal", "hulp", "help", "stop", "terug", "overslaan", "weet niet", "pauze", "mijn antwoorden", "delete"})
    void aCommandWordOfTheConversationsLanguageIsAskedAboutAndCanStillBeTheAnswer(String word) {
        Fixtures.Driver d = atFreeText("nl").say(word);
        assertEquals(Await.COMMAND_CONFIRM, d.last.state().await());
        assertEquals(null, d.answer("housing_story"), "nothing is stored before the resident says what they meant");
        d.press("_answer");
        assertEquals(word, d.answer("housing_story").text());
        assertEquals("feel_safe_day", d.node(), "the conversation goes on to the next question");
    }

    @ParameterizedTest
    @CsvSource({"nl,/stop", "fr,/stop", "ar,/توقف", "tr,/dur", "en,/stop", "nl,/pauze"})
    void aSlashCommandStillStopsAtAFreeTextQuestion(String lang, String command) {
        Fixtures.Driver d = atFreeText(lang).say(command);
        assertEquals(Status.STOPPED, d.last.state().status());
        assertEquals(null, d.answer("housing_story"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/taal", "/langue", "/اللغة", "/dil", "/language"})
    void aSlashCommandStillChangesLanguageAtAFreeTextQuestion(String command) {
        Fixtures.Driver d = atFreeText("nl").say(command);
        assertEquals(Await.LANGUAGE, d.last.state().await());
        d.press("tr");
        assertEquals("housing_story", d.node());
        assertEquals("Bununla ilgili biraz daha anlatmak ister misiniz?", d.lastText());
        d.say("dil").press("_answer");
        assertEquals("dil", d.answer("housing_story").text());
    }

    @Test
    void slashBackAndSkipStillWorkAtAFreeTextQuestion() {
        assertEquals("housing_issue", atFreeText("fr").say("/retour").node());
        Fixtures.Driver d = atFreeText("en").say("/skip");
        assertEquals("feel_safe_day", d.node());
        assertTrue(d.events.stream().anyMatch(e -> e instanceof Event.Skipped s && s.questionId().equals("housing_story")));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "nl | /hulp  | /stop | /taal",
            "fr | /aide  | /stop | /langue",
            "ar | /مساعدة | /توقف | /اللغة",
            "tr | /yardım | /dur  | /dil",
            "en | /help  | /stop | /language"})
    void helpAndRepromptAtAFreeTextQuestionSayHowToStopAndChangeLanguage(String lang, String help, String stop, String language) {
        Fixtures.Driver d = atFreeText(lang).say(help);
        assertEquals("housing_story", d.node());
        String shown = d.allText();
        assertTrue(shown.contains(stop) && shown.contains(language), shown);
        // An empty message or a photo: the reprompt names the slash commands too.
        d.send(new Input.Photo("file-1", null));
        assertTrue(d.allText().contains(stop) && d.allText().contains(language), d.allText());
        assertEquals("housing_story", d.node());
        // And the slash commands they name work.
        assertEquals(Await.LANGUAGE, d.say(language).last.state().await());
    }

    @ParameterizedTest
    @ValueSource(strings = {"taal", "dil", "stop", "hulp", "aide"})
    void bareCommandWordsStillWorkAtChoiceNumberAndScaleQuestions(String word) {
        // number (years_here), single choice (age_band), scale (housing_sat)
        Fixtures.Driver number = new Fixtures.Driver(Fixtures.buurtleven(), "nl").press("nl").press("yes");
        Fixtures.Driver choice = new Fixtures.Driver(Fixtures.buurtleven(), "nl").press("nl").press("yes").say("5");
        Fixtures.Driver scale = new Fixtures.Driver(Fixtures.buurtleven(), "nl").press("nl").press("yes")
                .say("5").say("2").say("1").press("alone").say("1");
        assertEquals("housing_sat", scale.node());
        for (Fixtures.Driver d : new Fixtures.Driver[] {number, choice, scale}) {
            String at = d.node();
            d.say(word);
            assertTrue(d.last.events().stream().noneMatch(e -> e instanceof Event.AnswerRecorded), at + ": " + word);
            switch (word) {
                case "taal", "dil" -> assertEquals(Await.LANGUAGE, d.last.state().await(), at);
                case "stop" -> assertEquals(Status.STOPPED, d.last.state().status(), at);
                default -> assertEquals(at, d.node());
            }
        }
    }

    @Test
    void atALocationQuestionAStreetIsAnAnswerAndABareCommandWordStaysACommand() {
        // A typed place is accepted as the answer, but a command word alone is not a place: "stop" still pauses a
        // resident who has no button to type a street with.
        Fixtures.Driver d = atFreeText("nl").say("lawaai van de buren").say("3").say("1");
        assertEquals("unsafe_where", d.node());
        d.say("stop");
        assertEquals(Status.STOPPED, d.last.state().status());
        d.say("hallo");
        d.say("Stationsstraat bij de bushalte");
        assertEquals("Stationsstraat bij de bushalte", d.answer("unsafe_where").value());
    }

    @Test
    void atANumberQuestionANumberWinsOverAnythingElse() {
        Fixtures.Driver d = new Fixtures.Driver(Fixtures.buurtleven(), "tr").press("tr").press("yes");
        assertEquals("years_here", d.node());
        d.say("dur");
        assertEquals(Status.STOPPED, d.last.state().status());
        d.say("merhaba").say("12 yıl");
        assertEquals(12L, d.answer("years_here").value());
    }
}
