package be.buurtstem.analysis.coding;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static be.buurtstem.analysis.coding.Fixtures.PIPELINE;
import static org.junit.jupiter.api.Assertions.*;

class KeywordCoderTest {
    private final KeywordCoder coder = new KeywordCoder(Fixtures.codebook());

    private List<String> themes(String text, String lang) {
        return coder.code(PIPELINE.analyze(text, lang)).themes();
    }

    @Test
    void recordsIdVersionAndThemes() {
        Coding c = coder.code(PIPELINE.analyze("Het park is vuil", "nl"));
        assertEquals("keyword", c.coderId());
        assertEquals("codebook-3", c.coderVersion());
        assertEquals(Set.of("green_space", "cleanliness"), Set.copyOf(c.themes()));
        assertTrue(c.score("green_space") >= 0.5 && c.score("green_space") < 1);
        assertEquals(Set.of("green_space", "cleanliness", "safety"), coder.themes());
    }

    @Test
    void stemAwareInEveryLanguage() {
        assertEquals(List.of("green_space"), themes("Meer speeltuinen aub", "nl"));
        assertEquals(List.of("cleanliness"), themes("Des dechets partout", "fr"), "accents folded: déchets");
        assertEquals(List.of("cleanliness"), themes("Les poubelles débordent", "fr"));
        assertEquals(List.of("green_space"), themes("نحتاج الى الحديقة", "ar"), "article and teh marbuta");
        assertEquals(List.of("cleanliness"), themes("Sokaklarda çöpler var", "tr"));
        assertEquals(List.of("safety"), themes("Akşamları kendimi güvende hissetmiyorum", "tr"));
        assertEquals(List.of("green_space"), themes("More trees please", "en"));
    }

    @Test
    void phraseAware() {
        assertEquals(List.of("green_space"), themes("Er is geen plek om te spelen", "nl"));
        assertEquals(List.of(), themes("Er is geen plek, we spelen thuis", "nl"), "the words apart are not the phrase");
        assertEquals(List.of("green_space"), themes("Il manque des espaces verts", "fr"), "plural phrase");
        assertEquals(List.of("green_space"), themes("لا توجد مساحات خضراء", "ar"));
        Coding two = coder.code(PIPELINE.analyze("park en speeltuin", "nl"));
        assertTrue(two.score("green_space") > coder.code(PIPELINE.analyze("park", "nl")).score("green_space"), "more evidence, more confidence");
    }

    @Test
    void darijaInLatinScript() {
        assertEquals(List.of("cleanliness"), themes("zbel bzaf f zan9a", "fr"));
        assertEquals(List.of("green_space"), themes("ma kaynach l7adi9a l drari", "nl"));
        assertEquals(List.of("green_space"), themes("ma kaynach lhadiqa", "nl"), "the same word spelt without digits");
    }

    @Test
    void aResidentWhoChoseDutchButWroteArabicIsCodedAsArabic() {
        assertEquals(List.of("cleanliness"), themes("القمامة في كل مكان", "nl"));
    }

    @Test
    void emptyEmojiAndUnrelatedAnswersGetNoTheme() {
        assertEquals(List.of(), themes("", "nl"));
        assertEquals(List.of(), themes("😀🌳👍", "fr"));
        assertEquals(List.of(), themes("Geen idee eigenlijk", "nl"));
        assertTrue(coder.code(PIPELINE.analyze("", "nl")).scores().isEmpty());
    }

    @Test
    void aHundredKilobyteAnswer() {
        String big = "De straat is vuil en er is geen park. ".repeat(2700);
        assertTrue(big.length() > 100_000);
        assertEquals(Set.of("green_space", "cleanliness"), Set.copyOf(themes(big, "nl")));
    }
}
