package be.buurtstem.engine;

import be.buurtstem.engine.ConversationState.Await;
import be.buurtstem.engine.ConversationState.Status;
import be.buurtstem.engine.Event.Reason;
import be.buurtstem.engine.model.Questionnaire;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Consent, commands, language change, back, skipping, stopping, deleting: what a resident would notice. */
class ConversationBehaviourTest {

    private static Fixtures.Driver consented(String lang) {
        return new Fixtures.Driver(Fixtures.buurtleven(), lang).press(lang).press("yes");
    }

    /** The last turn reprompted this question for this reason (whatever was typed). */
    private static boolean reprompted(Fixtures.Driver d, String question, Reason reason) {
        return d.last.events().stream().anyMatch(e -> e instanceof Event.Reprompted r
                && r.questionId().equals(question) && r.reason() == reason);
    }

    private static boolean has(Fixtures.Driver d, Class<? extends Event> type) {
        return d.last.events().stream().anyMatch(type::isInstance);
    }

    @Test
    void startShowsTheWelcomeAndTheFirstQuestion() {
        Turn t = new Conversation(Fixtures.buurtleven()).start("fr-BE", RespondentContext.of("web"), Fixtures.T0);
        assertEquals("fr", t.state().language(), "fr-BE falls back to fr");
        assertEquals(2, t.messages().size());
        assertTrue(t.messages().get(0).text().startsWith("Bonjour !"));
        assertEquals(List.of("nl", "fr", "ar", "tr", "en"), t.messages().get(1).buttons().stream().map(Button::id).toList());
        assertEquals("العربية", t.messages().get(1).buttons().get(2).label());
        assertEquals("lang", t.state().node());
        assertFalse(t.state().consented());
        assertEquals("web", t.state().context().get("channel"));
    }

    @Test
    void unknownLanguageStartsInTheDefault() {
        assertEquals("nl", new Conversation(Fixtures.buurtleven()).start("xx", RespondentContext.NONE, Fixtures.T0).state().language());
        assertEquals("nl", new Conversation(Fixtures.buurtleven()).start(null, null, Fixtures.T0).state().language());
    }

    @Test
    void refusingConsentRecordsOnlyTheRefusal() {
        Fixtures.Driver d = new Fixtures.Driver(Fixtures.buurtleven(), "nl").press("tr").say("hayır");
        assertEquals(Status.REFUSED, d.last.state().status());
        assertEquals(List.of(), d.last.state().answers());
        assertEquals(1, d.last.events().size());
        assertTrue(d.last.events().get(0) instanceof Event.ConsentRefused r && r.version() == 3);
        assertEquals("Hiç sorun değil. Teşekkürler, hoşça kalın!", d.lastText());
        assertTrue(d.events.stream().noneMatch(e -> e instanceof Event.AnswerRecorded));
        // Whatever comes next, the conversation stays closed.
        d.say("evet");
        assertEquals(Status.REFUSED, d.last.state().status());
        assertEquals("Bu anket bitti. Teşekkürler!", d.lastText());
    }

    @Test
    void consentIsAskedAgainWhenTheAnswerIsUnclear() {
        Fixtures.Driver d = new Fixtures.Driver(Fixtures.buurtleven(), "nl").press("nl").say("misschien");
        assertEquals("consent", d.node());
        assertEquals("Antwoord met ja of nee.", d.lastText());
        assertEquals(2, d.last.messages().get(0).buttons().size());
        d.say("JA!");
        assertTrue(d.last.state().consented());
        assertTrue(d.events.stream().anyMatch(e -> e instanceof Event.ConsentGiven));
    }

    @Test
    void changingLanguageReasksTheCurrentQuestionAndKeepsAnswers() {
        Fixtures.Driver d = consented("nl").say("12").say("2");
        assertEquals("area", d.node());
        d.say("taal");
        assertEquals(Await.LANGUAGE, d.last.state().await());
        d.say("Arabic");
        assertEquals("ar", d.last.state().language());
        assertEquals("في أي جزء من الحي تسكن؟", d.lastText());
        assertTrue(d.last.events().contains(new Event.LanguageChanged("nl", "ar")));
        assertEquals(12L, d.answer("years_here").value());
        assertEquals("a18_29", d.answer("age_band").value());
        d.press("park");
        assertEquals("park", d.answer("area").value());
        assertEquals("ar", d.answer("area").language());
        assertEquals("قرب الحديقة", d.answer("area").text());
    }

    @Test
    void backGoesToThePreviousQuestionAndTheNewAnswerReplacesTheOld() {
        Fixtures.Driver d = consented("en").say("12").say("2");
        d.say("/back");
        assertEquals("age_band", d.node());
        assertEquals("How old are you?", d.lastText());
        d.say("back");
        assertEquals("years_here", d.node());
        d.say("back");
        assertEquals("years_here", d.node());
        assertTrue(d.allText().contains("first question"));
        d.say("14").say("3");
        assertEquals(14L, d.answer("years_here").value());
        assertEquals("a30_49", d.answer("age_band").value());
        assertEquals(1, d.last.state().answers().stream().filter(a -> a.questionId().equals("years_here")).count());
    }

    @Test
    void threeMissesOfferToSkipARequiredQuestion() {
        Fixtures.Driver d = consented("nl");
        d.say("heel lang");
        assertEquals("Typ een getal van 0 tot 100.", d.lastText());
        assertTrue(d.last.events().contains(new Event.Reprompted("years_here", Reason.NOT_A_NUMBER, "heel lang")),
                "what was typed is kept in the event");
        d.say("500");
        assertTrue(reprompted(d, "years_here", Reason.OUT_OF_RANGE));
        d.say("2,5");
        assertEquals(Await.SKIP_OFFER, d.last.state().await());
        assertEquals("Dat lukt niet zo goed. Wilt u deze vraag overslaan?", d.lastText());
        d.say("nee");
        assertEquals("Hoeveel jaar woon je al in de buurt?", d.lastText());
        assertEquals(0, d.last.state().misses());
        d.say("x").say("y").say("z");
        d.say("ja");
        assertTrue(d.events.contains(new Event.Skipped("years_here", 0)));
        assertEquals("age_band", d.node());
        assertNull(d.answer("years_here"));
    }

    @Test
    void answeringInsteadOfYesOrNoAtTheSkipOfferCounts() {
        Fixtures.Driver d = consented("en").say("a").say("b").say("c");
        assertEquals(Await.SKIP_OFFER, d.last.state().await());
        d.say("7");
        assertEquals(7L, d.answer("years_here").value());
        assertEquals("age_band", d.node());
    }

    @Test
    void skipIsRefusedOnARequiredQuestionButWorksOnAnOptionalOne() {
        Fixtures.Driver d = consented("fr").say("skip");
        assertEquals("years_here", d.node());
        assertTrue(reprompted(d, "years_here", Reason.REQUIRED));
        d.say("3").say("2").say("1").press("kids").say("/passer");
        assertEquals("housing_type", d.node(), "kids_count is optional");
        assertTrue(d.events.contains(new Event.Skipped("kids_count", 0)));
    }

    @Test
    void stopPausesAndAnyMessageResumesWithAWelcomeBack() {
        Fixtures.Driver d = consented("tr").say("5");
        d.say("dur");
        assertEquals(Status.STOPPED, d.last.state().status());
        assertTrue(has(d, Event.Stopped.class));
        d.now = d.now.plusSeconds(3 * 24 * 3600);
        d.say("merhaba");
        assertEquals(Status.ACTIVE, d.last.state().status());
        assertEquals("Tekrar hoş geldiniz! Kaldığınız yerden devam ediyoruz.", d.last.messages().get(0).text());
        assertEquals("Kaç yaşındasınız?", d.lastText());
        assertEquals(5L, d.answer("years_here").value());
    }

    @Test
    void deleteAsksFirstThenForgetsEverything() {
        Fixtures.Driver d = consented("en").say("5").say("2");
        d.say("delete my answers");
        assertEquals(Await.DELETE_CONFIRM, d.last.state().await());
        d.say("no");
        assertEquals(2, d.last.state().answers().size());
        assertEquals("area", d.node());
        d.say("/delete").say("yes");
        assertEquals(Status.DELETED, d.last.state().status());
        assertEquals(List.of(), d.last.state().answers());
        assertTrue(has(d, Event.DeleteRequested.class));
    }

    @Test
    void myDataShowsWhatIsKept() {
        Fixtures.Driver d = consented("nl").say("5").say("2").say("mijn gegevens");
        assertTrue(has(d, Event.DataRequested.class));
        String shown = d.last.messages().get(0).text();
        assertTrue(shown.startsWith("Dit hebben we van u bewaard:"), shown);
        assertTrue(shown.contains("Hoeveel jaar woon je al in de buurt?: 5"), shown);
        assertEquals("area", d.node());
    }

    @Test
    void helpShowsTheQuestionsHelpThenTheQuestion() {
        Fixtures.Driver d = consented("en").say("help");
        assertEquals("Type a number. Less than a year? Type 0.", d.last.messages().get(0).text());
        assertEquals("How many years have you lived in the neighbourhood?", d.lastText());
        d.say("5").say("?help");
        assertEquals("age_band", d.node());
    }

    @ParameterizedTest
    @CsvSource({"stop,STOPPED", "/stop,STOPPED", "STOP,STOPPED", "arrêter,STOPPED", "توقف,STOPPED", "dur,STOPPED", "quit,STOPPED"})
    void stopWorksInEveryLanguageWithAndWithoutSlash(String word, Status expected) {
        assertEquals(expected, consented("nl").say(word).last.state().status());
    }

    @ParameterizedTest
    @ValueSource(strings = {"terug", "/terug", "retour", "رجوع", "/رجوع", "geri", "back", "Back", "/back"})
    void backWorksInEveryLanguage(String word) {
        Fixtures.Driver d = consented("nl").say("5").say(word);
        assertEquals("years_here", d.node());
    }

    @ParameterizedTest
    @ValueSource(strings = {"taal", "langue", "اللغة", "dil", "/language", "language"})
    void languageCommandWorksInEveryLanguage(String word) {
        assertEquals(Await.LANGUAGE, consented("nl").say(word).last.state().await());
    }

    @Test
    void aButtonCanSendACommandId() {
        assertEquals(Status.STOPPED, consented("nl").press("/stop").last.state().status());
        assertEquals(Await.LANGUAGE, consented("nl").press("language").last.state().await());
    }

    @Test
    void anUnknownSlashCommandIsExplained() {
        Fixtures.Driver d = consented("en").say("/start");
        assertTrue(reprompted(d, "years_here", Reason.UNKNOWN_COMMAND));
        assertTrue(d.lastText().contains("help"));
    }

    @Test
    void anOptionLabelThatIsACommandWordStaysAnAnswer() {
        // "Nooit"/"Never" are labels, not commands; "weet ik niet" is a label here, not "skip".
        Fixtures.Driver d = consented("nl").say("5").say("2").say("1").press("alone").say("1").say("3").say("1, 2")
                .say("tekst").say("3").say("3").say("Nooit");
        assertEquals("never", d.answer("green_use").value());
    }

    @Test
    void multipleChoiceRespectsExclusiveAndMax() {
        Fixtures.Driver d = consented("en").say("5").say("2").say("1").press("alone").say("1").say("3");
        d.say("1, no problems");
        assertTrue(reprompted(d, "housing_issue", Reason.EXCLUSIVE));
        assertTrue(d.lastText().contains("No problems"), d.lastText());
        d.press("damp").press("none");
        assertEquals(List.of("none"), d.last.state().selection(), "an exclusive option replaces the others");
        d.press("_done");
        assertEquals(List.of("none"), d.answer("housing_issue").value());
        assertEquals("feel_safe_day", d.node(), "route on contains: none skips the story");
        d.say("3").say("3").say("1").say("meer bomen");
        d.say("1, 2, 3, 4, 5");
        assertTrue(reprompted(d, "meet_places", Reason.TOO_MANY));
        assertEquals("Please choose at most 4.", d.lastText());
        d.press("_done");
        assertTrue(reprompted(d, "meet_places", Reason.TOO_FEW));
    }

    @Test
    void repeatGroupStopsAtMaxRounds() {
        Fixtures.Driver d = toMap("en");
        for (int round = 1; round <= 5; round++) {
            assertEquals("Place " + round + ": which place is it?", d.lastText());
            d.say("Place " + round).press("mixed").say("/skip").say("skip");
            if (round < 5) {
                assertEquals("Would you like to name another place?", d.lastText());
                d.say("yes");
            }
        }
        assertEquals(5, d.last.state().rounds().get("buurtkaart"));
        assertTrue(d.allText().contains("Thank you for those 5 places!"), d.allText());
        assertEquals("mobility", d.node());
        assertEquals(5, d.last.state().answers().stream().filter(a -> a.questionId().equals("place_name")).count());
    }

    /** The repeat node's own text introduces the group: shown when the group starts, not again before each round. */
    @Test
    void aRepeatGroupsTextIsShownOnceWhenTheGroupStarts() {
        LoadResult r = QuestionnaireLoader.parse("""
                id: t
                version: 1
                languages: [en]
                title: {en: T}
                nodes:
                  - id: places
                    kind: repeat
                    text: {en: "Name the places you like, one at a time."}
                    more: {en: "Another place?"}
                    nodes:
                      - {id: place, kind: free_text, text: {en: "Place {iteration}?"}}
                    next: bye
                  - {id: bye, kind: end, text: {en: "Bye"}}
                """, "t.yaml");
        assertFalse(r.hasErrors(), r.problems().toString());
        Fixtures.Driver d = new Fixtures.Driver(r.questionnaire(), "en");
        assertEquals("Name the places you like, one at a time.\nPlace 1?\n", d.allText());
        d.say("Park").say("yes");
        assertEquals("Place 2?\n", d.allText(), "round 2 starts without the group's text");
    }

    @Test
    void textArgumentsUseTheCurrentRoundsAnswer() {
        Fixtures.Driver d = toMap("en").say("Mosque on the corner");
        assertEquals("Is \u2068Mosque on the corner\u2069 a nice place?".replace("\u2068", "").replace("\u2069", ""), d.lastText());
        d.press("good").say("/skip").say("skip").say("yes").say("Station");
        assertEquals("Is Station a nice place?", d.lastText());
    }

    @Test
    void arabicTextIsolatesEmbeddedLatinNames() {
        Fixtures.Driver d = toMap("ar").say("Gare du Midi");
        assertEquals("هل \u2068Gare du Midi\u2069 مكان لطيف؟", d.lastText());
    }

    @Test
    void backFromAMapRoundGoesToThePreviousRoundsQuestion() {
        Fixtures.Driver d = toMap("en").say("Park").press("good").say("nice").say("skip").say("yes");
        assertEquals(2, d.last.state().round());
        // place_name is free text: a bare "back" would be the name of a place, "/back" is the command.
        d.say("/back");
        assertEquals("place_photo", d.node());
        assertEquals(1, d.last.state().round());
    }

    /** Answers everything up to the first question of the buurtkaart. */
    static Fixtures.Driver toMap(String lang) {
        return consented(lang).say("5").say("2").say("1").press("alone").say("1").say("3").press("none").press("_done")
                .say("4").say("4").say("1").say("trees").press("park").press("_done").say("3").say("2").say("1");
    }

    @Test
    void aStateFromAnOlderVersionResumesWhenItsNodeStillExists() {
        Fixtures.Driver d = consented("en").say("5");
        ConversationState old = d.last.state();
        String yaml = Fixtures.read("/questionnaires/buurtleven.yaml").replace("version: 3", "version: 4");
        Questionnaire v4 = QuestionnaireLoader.parse(yaml, "v4.yaml").questionnaire();
        Turn t = new Conversation(v4).reply(old, Input.text("2"), Fixtures.T0.plusSeconds(60));
        assertEquals(4, t.state().version());
        assertEquals("area", t.state().node());
        assertEquals(3, t.state().answers().get(0).version(), "earlier answers keep their version");
        assertEquals(4, t.state().latestAnswer("age_band").version());
    }

    @Test
    void aStateWhoseNodeWasRemovedEndsPolitely() {
        Fixtures.Driver d = consented("fr").say("5").say("2");
        assertEquals("area", d.node());
        String yaml = Fixtures.read("/questionnaires/buurtleven.yaml").replace("version: 3", "version: 4")
                .replace("- id: area\n", "- id: district\n").replace("next: area", "next: district")
                .replace("goto: area", "goto: district").replace("{area}", "{district}")
                .replace("segments: [age_band, area]", "segments: [age_band, district]");
        LoadResult r = QuestionnaireLoader.parse(yaml, "v4.yaml");
        assertFalse(Validator.hasErrors(Validator.validate(r.questionnaire())), () -> Validator.validate(r.questionnaire()).toString());
        Turn t = new Conversation(r.questionnaire()).reply(d.last.state(), Input.text("centre"), Fixtures.T0.plusSeconds(60));
        assertEquals(Status.ENDED, t.state().status());
        assertTrue(t.events().contains(new Event.Outdated(3, 4)));
        assertEquals("Ce questionnaire a changé entre-temps, alors on s'arrête ici. Merci pour vos réponses !", t.messages().get(0).text());
        assertEquals(2, t.state().answers().size(), "answers given so far are kept");
    }

    @Test
    void aStateOfAnotherQuestionnaireEndsPolitely() {
        ConversationState s = consented("en").last.state();
        ConversationState other = new ConversationState("other", 1, "en", Status.ACTIVE, "years_here", 0, Await.ANSWER, 0, true,
                List.of(), List.of(), List.of(), java.util.Map.of(), java.util.Map.of(), s.startedAt(), s.updatedAt());
        Turn t = new Conversation(Fixtures.buurtleven()).reply(other, Input.text("5"), Fixtures.T0);
        assertEquals(Status.ENDED, t.state().status());
    }

    @Test
    void photoQuestionAsksForAPhotoWhenTextArrives() {
        Fixtures.Driver d = toMap("nl").say("Het plein").press("good").say("mooi").say("hier is geen foto");
        assertTrue(reprompted(d, "place_photo", Reason.EXPECTED_PHOTO));
        assertEquals(Expect.PHOTO, d.last.messages().get(0).expect());
    }

    @Test
    void nothingIsRecordedBeforeConsent() {
        Fixtures.Driver d = new Fixtures.Driver(Fixtures.buurtleven(), "nl").press("fr");
        assertEquals(List.of(), d.last.state().answers());
        assertTrue(d.events.stream().noneMatch(e -> e instanceof Event.AnswerRecorded));
        assertNotNull(d.last.state().language());
    }

    @Test
    void anEmojiAloneChoosesTheOptionWithThatEmoji() {
        Fixtures.Driver d = toMap("tr").say("Cami").say("👎🏽");
        assertEquals("bad", d.last.state().answer("place_kind", 1).value());
        assertEquals("👎🏽", d.last.state().answer("place_kind", 1).text());
    }

    @Test
    void currentShowsTheQuestionAgainWithoutChangingAnything() {
        Fixtures.Driver d = consented("fr").say("5");
        List<OutboundMessage> again = d.conv.current(d.last.state());
        assertEquals("Quel âge avez-vous ?", again.get(0).text());
        assertEquals(6, again.get(0).buttons().size());
    }

    @Test
    void withoutAConsentNodeAnswersAreRecordedFromTheStart() {
        String yaml = """
                id: quick
                version: 1
                languages: [nl, en]
                title: {nl: Snel, en: Quick}
                nodes:
                  - id: mood
                    kind: scale
                    text: {nl: "Hoe gaat het?", en: "How are you?"}
                    next: bye
                  - id: bye
                    kind: end
                    text: {nl: "Dag!", en: "Bye {mood}!"}
                """;
        Conversation c = new Conversation(QuestionnaireLoader.parse(yaml, "quick.yaml").questionnaire());
        Turn t = c.start("en", RespondentContext.NONE, Fixtures.T0);
        assertTrue(t.state().consented());
        t = c.reply(t.state(), Input.text("😄"), Fixtures.T0);
        assertEquals(5L, t.state().answers().get(0).value());
        assertEquals("Bye 5!", t.messages().get(0).text());
        assertEquals(Status.COMPLETED, t.state().status());
        assertTrue(t.events().contains(new Event.Completed(Fixtures.T0)));
    }
}
