package be.buurtstem.engine;

import be.buurtstem.engine.Event.Reason;
import be.buurtstem.engine.model.Questionnaire;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A resident who types more than an option at a choice question ("ja, de bus is altijd te laat") gets the option
 * they began with, and their words are kept as the answer's text; when it is unclear, they are asked again and
 * the Reprompted event carries what they typed.
 */
class TypedChoiceTest {
    private static final String YAML = """
            id: typed
            version: 1
            languages: [nl, fr, ar, tr, en]
            title: {nl: T, fr: T, ar: T, tr: T, en: T}
            nodes:
              - id: matters
                kind: single_choice
                text: {nl: "Werk. Is dit belangrijk voor u?", fr: "Le travail. Est-ce important pour vous ?", ar: "العمل. هل يهمّك هذا الموضوع؟", tr: "İş. Bu konu sizin için önemli mi?", en: "Work. Does this matter to you?"}
                options:
                  - {id: matters, label: {nl: "Ja", fr: "Oui", ar: "نعم", tr: "Evet", en: "Yes"}}
                  - {id: not_for_me, label: {nl: "Niet voor mij", fr: "Pas pour moi", ar: "لا يهمّني", tr: "Benim için değil", en: "Not for me"}}
                next: often
              - id: often
                kind: single_choice
                text: {nl: "Hoe vaak?", fr: "Combien de fois ?", ar: "كم مرة؟", tr: "Ne sıklıkla?", en: "How often?"}
                options:
                  - {id: daily, label: {nl: "Elke dag", fr: "Tous les jours", ar: "كل يوم", tr: "Her gün", en: "Every day"}}
                  - {id: sometimes, label: {nl: "Soms", fr: "Parfois", ar: "أحياناً", tr: "Bazen", en: "Sometimes"}}
                  - {id: never, label: {nl: "Nooit", fr: "Jamais", ar: "أبداً", tr: "Hiç", en: "Never"}}
                next: bye
              - id: bye
                kind: end
                text: {nl: "Bedankt!", fr: "Merci !", ar: "شكراً!", tr: "Teşekkürler!", en: "Thank you!"}
            """;

    private static Questionnaire questionnaire() {
        LoadResult r = QuestionnaireLoader.parse(YAML, "typed.yaml");
        assertTrue(Validator.validate(r.questionnaire()).isEmpty(), () -> Validator.validate(r.questionnaire()).toString());
        return r.questionnaire();
    }

    private static Fixtures.Driver start(String lang) {
        Fixtures.Driver d = new Fixtures.Driver(questionnaire(), lang);
        assertEquals("matters", d.node());
        return d;
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "nl | ja, de bus is altijd te laat",
            "nl | Jawel hoor, ik zoek al lang werk",
            "fr | oui, le bus est toujours en retard",
            "fr | Ouais le bus est toujours en retard",
            "ar | نعم، الحافلة متأخرة دائماً",
            "tr | evet, otobüs hep geç kalıyor",
            "en | yes, the bus is always late",
            "en | Yeah the bus is always late"})
    void aYesFollowedByWordsChoosesYesAndKeepsTheWords(String lang, String typed) {
        Fixtures.Driver d = start(lang).say(typed);
        assertEquals("matters", d.answer("matters").value());
        assertEquals(typed, d.answer("matters").text(), "the whole typed text is kept for coding");
        assertEquals("often", d.node());
        assertTrue(d.events.stream().noneMatch(e -> e instanceof Event.Reprompted));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "nl | niet voor mij, ik ben met pensioen",
            "nl | nee, ik ben met pensioen",
            "fr | Pas pour moi, je suis à la retraite",
            "fr | non je suis à la retraite",
            "ar | لا يهمّني، أنا متقاعد",
            "ar | لا، أنا متقاعد",
            "tr | benim için değil, emekliyim",
            "tr | hayır, emekliyim",
            "en | not for me, I'm retired",
            "en | no, I'm retired"})
    void theOtherOptionOrANoFollowedByWordsChoosesItAndKeepsTheWords(String lang, String typed) {
        Fixtures.Driver d = start(lang).say(typed);
        assertEquals("not_for_me", d.answer("matters").value());
        assertEquals(typed, d.answer("matters").text());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "nl | eigenlijk ga ik er nooit heen",
            "fr | en fait je n'y vais jamais",
            "ar | في الحقيقة لا أذهب أبداً",
            "tr | aslında hiç gitmiyorum",
            "en | actually I never go there"})
    void anOptionLabelInsideTheMessageAsAWholeWordChoosesIt(String lang, String typed) {
        Fixtures.Driver d = start(lang).press("matters").say(typed);
        assertEquals("never", d.answer("often").value());
        assertEquals(typed, d.answer("often").text());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "nl | misschien, dat weet ik niet goed",
            "nl | soms of nooit, het hangt ervan af",
            "fr | peut-être, je ne sais pas trop",
            "fr | parfois ou jamais, ça dépend",
            "ar | ربما، لست متأكداً",
            "tr | belki, emin değilim",
            "tr | bazen ya da hiç, duruma göre",
            "en | maybe, I am not sure",
            "en | sometimes or never, it depends"})
    void anUnclearMessageIsAskedAgainAndWhatWasTypedIsInTheEvent(String lang, String typed) {
        Fixtures.Driver d = start(lang).press("matters").say(typed);
        assertEquals("often", d.node());
        assertNull(d.answer("often"));
        assertTrue(d.last.events().contains(new Event.Reprompted("often", Reason.NOT_UNDERSTOOD, typed)), d.last.events()::toString);
    }

    @Test
    void aNoWhenNoOptionSaysNoIsNotGuessedFromTheRest() {
        // "often" has no option that says no: "nee, elke dag niet" must not become "every day".
        Fixtures.Driver d = start("nl").press("matters").say("nee, elke dag niet");
        assertNull(d.answer("often"));
        assertTrue(d.last.events().contains(new Event.Reprompted("often", Reason.NOT_UNDERSTOOD, "nee, elke dag niet")));
    }

    @Test
    void exactLabelsNumbersAndButtonsStillWorkAsBefore() {
        Fixtures.Driver d = start("tr").say("Evet");
        assertEquals("Evet", d.answer("matters").text());
        d.say("2");
        assertEquals("sometimes", d.answer("often").value());
        Fixtures.Driver b = start("en").press("not_for_me");
        assertEquals("Not for me", b.answer("matters").text());
    }
}
