package be.buurtstem.bot.service.coding;

import be.buurtstem.analysis.coding.CodebookReader;
import be.buurtstem.analysis.text.AnalyzedText;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;

/**
 * The service reads the codebook and the language model in the background at start-up (so it is healthy sooner):
 * what it then codes with must be the same as reading them in place, and read once per JVM.
 */
class BundledCodingTest {

    @Test
    void theBackgroundReadGivesTheBundledCodebookAndAWorkingLanguageModel() throws Exception {
        BundledCoding.start();
        BundledCoding.Book book = BundledCoding.book();
        assertEquals(CodebookReader.bundled(), book.codebook(), "the codebook as the reader gives it");
        assertSame(book, BundledCoding.book(), "read once, shared");

        Coders coders = Coders.bundled();
        // the first analysis waits for the model if it is still being read, and then detects as it always did
        AnalyzedText nl = coders.pipeline().analyze("De straat is vuil en er zijn te weinig bankjes in het park", null);
        AnalyzedText fr = coders.pipeline().analyze("La rue est sale et il n'y a pas assez de bancs dans le parc",
                null);
        assertEquals("nl", nl.language().language());
        assertEquals("fr", fr.language().language());
        assertEquals("ready", BundledCoding.detectorState());
        assertSame(BundledCoding.detector(), coders.pipeline().detector());
    }

    @Test
    void anUneditedCodebookReusesTheBundledKeywords() {
        Coders coders = Coders.bundled();
        var before = coders.keywords();
        coders.useCodebook(BundledCoding.book().codebook(), java.util.Map.of());
        assertSame(before, coders.keywords(), "the same codebook: its keyword coder is not built again");
        assertFalse(coders.codebook().themes().isEmpty());
    }
}
