package be.buurtstem.analysis.text;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class StemmersTest {

    @Test
    void opennlpHasStemmersForTheNeighbourhoodLanguages() {
        for (String lang : List.of("ar", "nl", "fr", "tr", "en", "es", "de")) {
            assertTrue(Stemmers.has(lang), lang);
        }
        assertFalse(Stemmers.has("ar-Latn"));
        assertFalse(Stemmers.has("so"), "Somali: no Snowball stemmer");
        assertFalse(Stemmers.has(null));
    }

    @Test
    void inflectionsShareAStem() {
        assertEquals(Stemmers.stem("speeltuinen", "nl"), Stemmers.stem("speeltuin", "nl"));
        assertEquals(Stemmers.stem("voitures", "fr"), Stemmers.stem("voiture", "fr"));
        assertEquals(Stemmers.stem("parklar", "tr"), Stemmers.stem("park", "tr"));
        assertEquals(Stemmers.stem("streets", "en"), Stemmers.stem("street", "en"));
        assertEquals(Stemmers.stem("calles", "es"), Stemmers.stem("calle", "es"));
        assertEquals(TextPipeline.analyzeIn("الحديقة", "ar").terms(), TextPipeline.analyzeIn("حديقة", "ar").terms());
    }

    @Test
    void aLanguageWithoutStemmerKeepsItsWords() {
        assertEquals("magaalada", Stemmers.stem("magaalada", "so"));
        assertEquals(List.of("magaalada", "waa", "wasakh"), TextPipeline.analyzeIn("Magaalada waa wasakh", "so").terms());
    }

    @Test
    void accentsFoldedForMatchingKeys() {
        assertEquals("guvenlik", Stemmers.foldAccents("güvenlik"));
        assertEquals("isik", Stemmers.foldAccents("ışık"));
        assertEquals("ecole", Stemmers.foldAccents("école"));
        assertEquals("حديقه", Stemmers.foldAccents("حديقه"));
    }
}
