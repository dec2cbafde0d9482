package be.buurtstem.bot.cli;

import be.buurtstem.analysis.answers.Answer;
import be.buurtstem.analysis.coding.Codebook;
import be.buurtstem.analysis.coding.CodebookReader;
import be.buurtstem.analysis.coding.KeywordCoder;
import be.buurtstem.analysis.coding.LabelledAnswer;
import be.buurtstem.analysis.text.TextPipeline;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** The keyword coder on the codebook bundled in the content module. */
class CodeBundledCodebookTest {
    static TextPipeline pipeline;
    static KeywordCoder coder;
    static Codebook codebook;

    @BeforeAll
    static void load() throws IOException {
        pipeline = TextPipeline.withBundledModel();
        codebook = CodebookReader.bundled();
        assertNotNull(codebook, "the content module's codebook is on the classpath");
        coder = new KeywordCoder(codebook);
    }

    @Test
    void theBundledCodebookLoads() {
        assertTrue(codebook.themes().size() >= 10, "themes: " + codebook.themeIds());
        assertTrue(codebook.themeIds().contains("green_space"));
        assertEquals("codebook-" + codebook.version(), coder.version());
    }

    @ParameterizedTest(name = "{0} [{1}]")
    @CsvSource(delimiter = '|', value = {
            "Er zijn te weinig speeltuinen in de buurt|nl",
            "Il manque des espaces verts et des arbres|fr",
            "نحتاج إلى حدائق في الحي|ar",
            "mahallede hiç park yok|tr",
            "there is no playground nearby|en",
            "ma kayn la jnan la walou|ar-Latn",
    })
    void greenSpaceInEveryLanguage(String text, String lang) {
        assertTrue(coder.code(pipeline.analyze(text, lang)).themes().contains("green_space"),
                coder.code(pipeline.analyze(text, lang)).toString());
    }

    @Test
    void emptyAndEmojiOnlyAnswersGetNoTheme() {
        assertEquals(List.of(), coder.code(pipeline.analyze("", "nl")).themes());
        assertEquals(List.of(), coder.code(pipeline.analyze("😀👍", "fr")).themes());
    }

    @Test
    void mostSeedExamplesGetTheirThemeFromKeywordsAlone() {
        // a sanity check of matching (stems, phrases, Darija spellings), not a quality figure: the seeds are synthetic
        List<LabelledAnswer> seeds = CodeCommand.bundledSeeds();
        assertTrue(seeds.size() >= 500);
        int hit = 0;
        for (LabelledAnswer la : seeds) {
            Answer a = la.answer();
            List<String> themes = coder.code(pipeline.analyze(a.text(), a.language())).themes();
            if (themes.stream().anyMatch(la.labels()::contains)) {
                hit++;
            }
        }
        double share = (double) hit / seeds.size();
        assertTrue(share > 0.5, "seed examples whose theme the keywords find: " + share);
    }
}
