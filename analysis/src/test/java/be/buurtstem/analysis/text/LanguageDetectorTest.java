package be.buurtstem.analysis.text;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class LanguageDetectorTest {
    static TextPipeline pipeline;

    @BeforeAll
    static void load() {
        pipeline = TextPipeline.withBundledModel();
    }

    @ParameterizedTest(name = "{0} [{1}] -> {2}")
    @CsvSource(delimiter = '|', value = {
            // short answers in each language, with the resident's own choice
            "Er is te weinig groen in de wijk|nl|nl",
            "te veel verkeer|nl|nl",
            "vuil op straat|nl|nl",
            "Il n'y a pas de place pour les jeunes|fr|fr",
            "trop de voitures|fr|fr",
            "la rue est sale|fr|fr",
            "نحتاج حديقة للأطفال|ar|ar",
            "الشارع متسخ جدا|ar|ar",
            "Sokakta güvenlik yok|tr|tr",
            "parklar çok kirli|tr|tr",
            "The streets are dirty|en|en",
            "too much traffic|en|en",
            // with no choice
            "Gençler için yer yok||tr",
            "Les poubelles sont toujours pleines||fr",
            // a two-word answer the model cannot place keeps the chosen language
            "ok merci|nl|nl",
    })
    void shortAnswers(String text, String chosen, String expected) {
        LanguageGuess g = pipeline.analyze(text, chosen).language();
        assertEquals(expected, g.language(), g.toString());
        assertTrue(g.confidence() > 0 && g.confidence() <= 1);
    }

    @ParameterizedTest(name = "{0} [{1}] -> {2}")
    @CsvSource(delimiter = '|', value = {
            "الشارع متسخ جدا|nl|ar",
            "لا يوجد أمن في الحي|fr|ar",
            "çok fazla araba var|nl|tr",
            "Il n'y a pas de place pour les jeunes|nl|fr",
            "meer speeltuinen alstublieft|fr|nl",
            "not enough green space here|nl|en",
    })
    void aResidentWhoChoseOneLanguageButWroteAnotherIsSeenAndTheMismatchIsVisible(String text, String chosen, String expected) {
        LanguageGuess g = pipeline.analyze(text, chosen).language();
        assertEquals(expected, g.language(), g.toString());
        assertEquals(chosen, g.chosen());
        assertTrue(g.mismatch());
    }

    @Test
    void latinScriptArabicIsRecognised() {
        LanguageGuess g = pipeline.analyze("wa9ila l7ay m3a chabab 3andhom bzaf d lwa9t", "nl").language();
        assertEquals("ar-Latn", g.language());
        assertTrue(g.mismatch());
        assertFalse(pipeline.analyze("zbel bzaf f zanka", "ar").language().mismatch(), "ar and ar-Latn are the same language");
        AnalyzedText t = pipeline.analyze("zbel bezzaf f zan9a", "fr");
        assertEquals("ar-Latn", t.language().language());
        assertTrue(t.terms().contains(Arabizi.key("bzaf")), t.terms().toString());
    }

    @Test
    void emptyAndEmojiOnlyAnswersHaveNoLanguageEvidence() {
        LanguageGuess empty = pipeline.analyze("", "fr").language();
        assertEquals("fr", empty.language());
        assertEquals(0, empty.confidence());
        assertFalse(empty.mismatch());
        LanguageGuess emoji = pipeline.analyze("😀🌳👍", null).language();
        assertEquals(LanguageGuess.UNDETERMINED, emoji.language());
        assertTrue(pipeline.analyze("😀🌳👍", "nl").terms().isEmpty());
    }

    @Test
    void aHundredKilobyteAnswerIsAnalysedWhole() {
        String big = "Er is te weinig groen in de wijk en de straten zijn vuil. ".repeat(1800);
        assertTrue(big.length() > 100_000);
        AnalyzedText t = pipeline.analyze(big, "fr");
        assertEquals("nl", t.language().language());
        assertEquals(1800 * 13, t.terms().size());
    }

    @Test
    void detectorAloneReportsRunnerUp() {
        LanguageGuess g = pipeline.detector().detect("Er is te weinig groen in de wijk", null);
        assertEquals("nl", g.language());
        assertNotNull(g.runnerUp());
        assertNull(g.chosen());
        assertFalse(g.mismatch());
    }
}
