package be.buurtstem.engine;

import be.buurtstem.engine.input.Numbers;
import be.buurtstem.engine.input.OptionMatcher;
import be.buurtstem.engine.input.Words;
import be.buurtstem.engine.model.Node;
import be.buurtstem.engine.model.Questionnaire;
import be.buurtstem.engine.model.Text;
import be.buurtstem.engine.text.Fold;
import be.buurtstem.engine.text.Locales;
import be.buurtstem.engine.text.Renderer;
import be.buurtstem.engine.text.SystemTexts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Plurals, fallbacks, folding, numbers, labels, yes/no and command words. */
class TextsAndInputTest {

    private static final String PLURALS = """
            id: plurals
            version: 1
            languages: [nl, fr, ar, tr, en]
            default_language: nl
            title: {nl: T}
            nodes:
              - id: n
                kind: number
                text: {nl: "Hoeveel?"}
                next: r
              - id: r
                kind: message
                text:
                  nl: "{n, plural, one {# kind} other {# kinderen}}"
                  nl-BE: "{n, plural, one {# kindje} other {# kindjes}}"
                  ar: "{n, plural, zero {لا أطفال} one {طفل واحد} two {طفلان} few {# أطفال} many {# طفلاً} other {# طفل}}"
                  fr: "{n, plural, one {# enfant} other {# enfants}}"
                next: bye
              - id: bye
                kind: end
                text: {nl: "Dag", fr: "Au revoir"}
            """;

    private static Questionnaire plurals() {
        return QuestionnaireLoader.parse(PLURALS, "plurals.yaml").questionnaire();
    }

    private static String render(String lang, long n) {
        Questionnaire q = plurals();
        Text t = q.nodes().get(1).text();
        return new Renderer(q).render(t, lang, name -> name.equals("n") ? n : null);
    }

    @ParameterizedTest(name = "ar {0} → {1}")
    @CsvSource({"0, لا أطفال", "1, طفل واحد", "2, طفلان", "3, few", "10, few", "11, many", "99, many", "100, other", "102, other", "103, few"})
    void arabicHasItsSixPluralForms(long n, String expected) {
        String s = render("ar", n);
        switch (expected) {
            case "few" -> assertTrue(s.endsWith(" أطفال"), s);
            case "many" -> assertTrue(s.endsWith(" طفلاً"), s);
            case "other" -> assertTrue(s.endsWith(" طفل") && !s.contains("واحد"), s);
            default -> assertEquals(expected, s);
        }
    }

    @Test
    void pluralsAndFallbacksInOtherLanguages() {
        assertEquals("1 kind", render("nl", 1));
        assertEquals("3 kinderen", render("nl", 3));
        assertEquals("3 kindjes", render("nl-BE", 3), "nl-BE text wins for a nl-BE conversation");
        assertEquals("0 enfant", render("fr", 0), "French: 0 is singular");
        assertEquals("3 kinderen", render("tr", 3), "no Turkish text: falls back to the default language");
        assertEquals(List.of("nl-BE", "nl", "fr"), Locales.chain("nl-BE", "fr"));
    }

    @Test
    void aNlBeConversationIsKeptWhenTheFileHasNlBeTexts() {
        Turn t = new Conversation(plurals()).start("nl-BE", RespondentContext.NONE, Fixtures.T0);
        assertEquals("nl-BE", t.state().language());
        t = new Conversation(plurals()).reply(t.state(), Input.text("2"), Fixtures.T0);
        assertEquals("2 kindjes", t.messages().get(0).text());
        assertEquals("Dag", t.messages().get(1).text());
    }

    @ParameterizedTest
    @CsvSource({"Élève,eleve", "ＣＡＦＥ,cafe", "  Café!!  ,cafe", "hayır,hayir", "İSTANBUL,istanbul", "أحياناً,احيانا",
            "مدرسة,مدرسه", "١٢٣,123", "۴۵,45", "👍🏽,👍", "rue  du   Midi,rue du midi"})
    void foldingIgnoresWhatResidentsDoNotMean(String typed, String folded) {
        assertEquals(folded, Fold.key(typed));
    }

    @Test
    void typoDistanceIsBounded() {
        assertEquals(1, Fold.distance("elke dga", "elke dag", 2));
        assertEquals(3, Fold.distance("abcdefgh", "zyxwvuts", 2), "gives up above the bound");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            12                 | 12.0
            ١٢                 | 12.0
            ۱۲                 | 12.0
            2,5                | 2.5
            ٢٫٥                | 2.5
            ik ben 35 jaar     | 35.0
            -3                 | -3.0
            """)
    void numbersAreReadAsTyped(String typed, double expected) {
        assertEquals(expected, Numbers.parse(typed));
    }

    @Test
    void textsWithoutOrWithTwoNumbersAreNotNumbers() {
        assertNull(Numbers.parse("veel"));
        assertNull(Numbers.parse("3 of 4"));
        assertNull(Numbers.parse(""));
        assertEquals(5L, Numbers.value(5.0));
        assertEquals(2.5, Numbers.value(2.5));
    }

    @ParameterizedTest
    @CsvSource({"Around the station,station", "around the statoin,station", "autour de la gare,station", "حول المحطة,station",
            "3,station", "٣,station", "istasyon cevresi,station", "PARK,park", "🌳,park", "bij het park,park", "rond het,station",
            "somewhere,elders"})
    void typedLabelsFindTheirOption(String typed, String optionId) {
        Questionnaire q = Fixtures.buurtleven();
        Node area = q.nodes().stream().filter(n -> n.id().equals("area")).findFirst().orElseThrow();
        OptionMatcher m = new OptionMatcher(area, q.languages(), new Renderer(q));
        assertEquals(optionId, m.match(typed, "en").id());
    }

    @Test
    void unclearTextMatchesNoOption() {
        Questionnaire q = Fixtures.buurtleven();
        Node area = q.nodes().stream().filter(n -> n.id().equals("area")).findFirst().orElseThrow();
        OptionMatcher m = new OptionMatcher(area, q.languages(), new Renderer(q));
        assertNull(m.match("ik weet het niet goed", "nl"));
        assertNull(m.match("9", "nl"));
        assertNull(m.match("", "nl"));
    }

    @ParameterizedTest
    @CsvSource({"ja,nl,true", "Nee,nl,false", "oui,fr,true", "non,fr,false", "نعم,ar,true", "لا,ar,false", "واخا,ar,true",
            "evet,tr,true", "hayir,tr,false", "Hayır,tr,false", "yes,en,true", "nope,en,false", "👍,nl,true", "1,nl,true",
            "2,fr,false", "oui,nl,true"})
    void yesAndNoWordsInEachLanguage(String typed, String lang, boolean yes) {
        assertEquals(yes, Words.yesNo(Fold.key(typed), lang));
    }

    @ParameterizedTest
    @CsvSource({"stop,stop", "/stop,stop", "arrêter,stop", "توقف,stop", "dur,stop", "terug,back", "/retour,back",
            "رجوع,back", "geri,back", "overslaan,skip", "passer,skip", "تخطي,skip", "atla,skip", "taal,language",
            "langue,language", "اللغة,language", "dil,language", "help,help", "aide,help", "مساعدة,help", "yardım,help",
            "wis mijn antwoorden,delete", "effacer mes réponses,delete", "احذف إجاباتي,delete", "cevaplarımı sil,delete",
            "mijn gegevens,mydata", "mes données,mydata", "بياناتي,mydata", "verilerim,mydata", "my data,mydata"})
    void commandWordsInEveryLanguage(String typed, String command) {
        assertEquals(command, Words.command(typed));
    }

    @Test
    void everySystemTextExistsInTheFiveLanguagesAndFormats() {
        Renderer r = new Renderer(Fixtures.buurtleven());
        Map<String, Object> args = Map.of("min", 1L, "max", 5L, "option", "X", "selected", "A, B");
        for (Map.Entry<String, Text> e : SystemTexts.get().texts().entrySet()) {
            for (String lang : List.of("nl", "fr", "ar", "tr", "en")) {
                assertTrue(e.getValue().patterns().containsKey(lang), e.getKey() + " in " + lang);
                String s = r.system(e.getKey(), lang, args);
                assertTrue(!s.isBlank() && !s.contains("{"), e.getKey() + " in " + lang + ": " + s);
            }
        }
    }

    @Test
    void aQuestionnaireOverridesASystemTextOnlyInTheLanguagesItGives() {
        Renderer r = new Renderer(Fixtures.buurtleven());
        assertEquals("Geen probleem, we gaan verder.", r.system("skipped", "nl", Map.of()));
        assertEquals("D'accord, on continue.", r.system("skipped", "fr", Map.of()));
    }
}
