package be.buurtstem.analysis.text;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Latin-script Darija on real sentences: a held-out sample of the Darija Open Dataset (residents who chose French or
 * Dutch and wrote Darija), SIB-200 sentences and short answers made from them in French, Dutch, English and Turkish
 * (which must not be taken for Darija), and the data set's lists of spelling variants. The levels asserted are those
 * measured (analysis/docs/coding.md, "Latin-script Darija on public data") less a small margin.
 */
class DarijaDetectionTest {
    static TextPipeline pipeline;
    static List<String> darija;

    @BeforeAll
    static void load() {
        pipeline = TextPipeline.withBundledModel();
        try (InputStream in = resource("darija/sentences-sample.csv")) {
            darija = DarijaData.darijaSentences(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @ParameterizedTest(name = "chose {0}")
    @CsvSource(value = {"fr", "nl", "NULL"}, nullValues = "NULL")
    void realDarijaSentencesAreTakenForLatinScriptArabicWhicheverLanguageTheResidentChose(String chosen) {
        assertEquals(400, darija.size());
        int detected = 0;
        for (String s : darija) {
            LanguageGuess g = pipeline.analyze(s, chosen).language();
            if (g.language().equals("ar-Latn")) {
                detected++;
                assertEquals(chosen != null, g.mismatch(), s);
            }
        }
        double rate = detected / 400.0;
        // measured 0.938 on the 2,000 held-out sentences and 0.948 on this sample; before, 0.704 and 0.725
        assertTrue(rate >= 0.92, "ar-Latn detection rate " + rate);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"fra_Latn, fr", "nld_Latn, nl", "eng_Latn, en", "tur_Latn, tr"})
    void sentencesAndShortAnswersInOtherLanguagesAreNotTakenForDarija(String file, String language) throws IOException {
        List<String> sentences;
        try (InputStream in = resource("sib200/" + file + "-test-sample.tsv")) {
            sentences = DarijaData.sibTexts(in);
        }
        assertEquals(100, sentences.size());
        List<String> wrong = new ArrayList<>();
        for (String s : sentences) {
            if (pipeline.analyze(s, language).language().language().equals("ar-Latn")) {
                wrong.add(s);
            }
        }
        assertEquals(List.of(), wrong, "whole sentences taken for Darija");
        List<String> shortAnswers = DarijaFigures.fragments(sentences);
        for (String s : shortAnswers) {
            if (pipeline.analyze(s, language).language().language().equals("ar-Latn")) {
                wrong.add(s);
            }
        }
        // measured on the whole test split's 612 short answers: fr 1, nl 5, en 1, tr 3; here (~300 each) nl has the
        // same 5 ("met boda-boda" three times, "Qatar", "neemt"), the others at most 2
        assertTrue(wrong.size() <= (language.equals("nl") ? 6 : 3), "short answers taken for Darija: " + wrong);
    }

    @Test
    void spellingVariantsOfOneWordFoldToOneFormWithoutFoldingWordsTogether() throws IOException {
        List<DarijaData.VariantRow> rows;
        try (InputStream in = resource("darija/variants-sample.csv")) {
            rows = DarijaData.variantRows("", in);
        }
        DarijaFigures.Folding f = DarijaFigures.folding(rows);
        assertEquals(504, f.multi());
        double share = (double) f.folded() / f.multi();
        // measured 0.627 (316 of 504 rows), 25 pairs of different words sharing a form; before 0.433 and 18 pairs
        assertTrue(share >= 0.62, "rows whose variants fold to one form: " + share);
        assertTrue(f.collidingPairs() <= 25, "pairs of different words sharing a form: " + f.collidingPairs());
        assertEquals(Arabizi.key("klb"), Arabizi.key("kelb"));
        assertEquals(Arabizi.key("klb"), Arabizi.key("kalb"));
        assertEquals(Arabizi.key("8na"), Arabizi.key("hna"), "8 is the letter ه in the data set's spelling");
        assertNotEquals(Arabizi.key("sb3"), Arabizi.key("sb3a"), "lion and seven");
    }

    @Test
    void theDerivedLexiconCarriesTheAttributionItsLicenceAsksFor() throws IOException {
        String lexicon;
        String licence;
        try (InputStream l = Arabizi.class.getResourceAsStream(Arabizi.LEXICON_RESOURCE);
             InputStream m = Arabizi.class.getResourceAsStream("DODa-LICENSE.txt")) {
            lexicon = new String(l.readAllBytes(), StandardCharsets.UTF_8);
            licence = new String(m.readAllBytes(), StandardCharsets.UTF_8);
        }
        String attribution = "This software includes data sourced from Darija Open Dataset. https://github.com/darija-open-dataset/dataset";
        assertTrue(lexicon.contains(attribution));
        assertTrue(licence.contains(attribution));
        assertTrue(licence.contains("MIT License"));
        assertTrue(Arabizi.inLexicon(Arabizi.key("walakin")) && Arabizi.inLexicon(Arabizi.key("bghit")));
    }

    static InputStream resource(String name) {
        InputStream in = DarijaDetectionTest.class.getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException(name + " is not among the test resources");
        }
        return in;
    }
}
