package be.buurtstem.engine;

import be.buurtstem.engine.input.Words;
import be.buurtstem.engine.text.Fold;
import be.buurtstem.engine.text.SystemTexts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The yes and no words (data in system-texts.yaml) and how a yes/no-shaped choice is recognised. */
class YesNoWordsTest {
    private static final List<String> LANGUAGES = List.of("nl", "fr", "ar", "tr", "en");

    @Test
    void everyLanguageHasYesAndNoWordsAndNoWordIsBoth() {
        Set<String> yes = new HashSet<>(SystemTexts.get().allWords("yes"));
        for (String lang : LANGUAGES) {
            assertFalse(SystemTexts.get().words("yes", lang).isEmpty(), lang);
            assertFalse(SystemTexts.get().words("no", lang).isEmpty(), lang);
        }
        for (String no : SystemTexts.get().allWords("no")) {
            assertFalse(yes.contains(no), "'" + no + "' is both yes and no");
            assertEquals(Boolean.FALSE, Words.yesNo(no, "en"), no);
        }
        for (String y : yes) {
            assertEquals(Boolean.TRUE, Words.yesNo(y, "en"), y);
        }
    }

    @ParameterizedTest
    @CsvSource({"ja,true", "JA!,true", "jawel,true", "Jaaa,true", "nee,false", "Neen.,false", "neeee,false",
            "oui,true", "ouais,true", "Non !,false", "nan,false", "نعم,true", "ايه,true", "لا,false", "ah,true",
            "wah,true", "la,false", "evet,true", "hayır,false", "hayir,false", "yes,true", "yeah,true", "no,false",
            "nope,false", "Nooo!,false", "\u200Bnee\uFEFF,false", "is goed,true", "niet echt,false", "nooit,false",
            "aywa,true", "eyeh,true", "n3am,true"})
    void everydayVariantsAreRead(String typed, boolean meaning) {
        for (String lang : LANGUAGES) {
            assertEquals(meaning, Words.yesNo(Fold.key(typed), lang), typed + " in " + lang);
        }
    }

    private static final String FILE = """
            id: yn
            version: 1
            languages: [fr, nl]
            default_language: fr
            title: {fr: "Oui ou non", nl: "Ja of nee"}
            start: write
            nodes:
              - id: write
                kind: single_choice
                text: {fr: "Voulez-vous écrire votre rue ?", nl: "Wilt u uw straat typen?"}
                options:
                  - {id: write, label: {fr: "Oui, je l’écris", nl: "Ja, ik typ het"}}
                  - {id: later, label: {fr: "Non, plutôt pas", nl: "Nee, liever niet"}}
                next: mood
              - id: mood
                kind: single_choice
                text: {fr: "On continue ?", nl: "Gaan we verder?"}
                options:
                  - {id: go_on, means: yes, label: {fr: "Allons-y", nl: "Vooruit"}}
                  - {id: pause, means: no, label: {fr: "Une autre fois", nl: "Een andere keer"}}
                  - {id: unsure, label: {fr: "Je ne sais pas", nl: "Weet ik niet"}}
                next: feel
              - id: feel
                kind: single_choice
                text: {fr: "Le parc vous plaît ?", nl: "Vindt u het park fijn?"}
                options:
                  - {id: good, emoji: "👍", label: {fr: "Beaucoup", nl: "Heel erg"}}
                  - {id: bad, emoji: "👎", label: {fr: "Pas trop", nl: "Niet zo"}}
                next: _end
            """;

    @ParameterizedTest
    @CsvSource({"fr,non,later,non,pause", "fr,Oui,write,ouais,go_on", "nl,nee,later,neen,pause", "nl,ja,write,jawel,go_on"})
    void labelsThatBeginWithTheWordOrAMeansMarkerMakeAYesNoChoice(String lang, String first, String firstId,
                                                                   String second, String secondId) {
        LoadResult r = QuestionnaireLoader.parse(FILE, "yn.yaml");
        assertTrue(r.problems().isEmpty(), r.problems().toString());
        Fixtures.Driver d = new Fixtures.Driver(r.questionnaire(), lang).say(first);
        assertEquals(firstId, d.answer("write").value());
        d.say(second);
        assertEquals(secondId, d.answer("mood").value(), "means: marks the option a bare yes/no word chooses");
        d.say(first);
        assertEquals(firstId.equals("write") ? "good" : "bad", d.answer("feel").value(), "👍 / 👎 on the buttons say yes and no");
    }

    @Test
    void aMeansMarkerOtherThanYesOrNoIsReportedWithItsLine() {
        LoadResult r = QuestionnaireLoader.parse(FILE.replace("means: no", "means: nope"), "yn.yaml");
        assertTrue(r.problems().stream().anyMatch(p -> p.toString().contains("yn.yaml:20") && p.toString().contains("means")),
                r.problems().toString());
    }
}
