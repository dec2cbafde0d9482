package be.buurtstem.analysis.coding;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Analysts' edits applied over a codebook: names per language, merges (also chains of them) and splits. */
class EditedCodebookTest {
    static final Codebook BUNDLED = new Codebook(1, List.of("nl", "fr", "ar"), List.of(
            new Codebook.Theme("noise", Map.of("nl", "Lawaai", "fr", "Bruit"), Map.of("nl", "Geluid."),
                    Map.of("nl", List.of("lawaai"), "fr", List.of("bruit"))),
            new Codebook.Theme("safety", Map.of("nl", "Veiligheid"), Map.of(), Map.of("nl", List.of("onveilig"))),
            new Codebook.Theme("traffic", Map.of("nl", "Verkeer"), Map.of(), Map.of("nl", List.of("auto", "lawaai")))));

    @Test
    void textsChangePerLanguageAndAnEmptyOneRemovesIt() {
        EditedCodebook e = EditedCodebook.apply(BUNDLED, List.of(new CodebookEdit.Texts("noise",
                Map.of("fr", "Bruit et tapage", "ar", " ضجيج "), Map.of("nl", ""))));
        Codebook.Theme noise = e.theme("noise");
        assertEquals(Map.of("nl", "Lawaai", "fr", "Bruit et tapage", "ar", "ضجيج"), noise.label());
        assertEquals(Map.of(), noise.description());
        assertEquals(2, e.codebook().version(), "the bundled version + one edit");
        assertEquals(BUNDLED.themes().get(0).keywords(), noise.keywords(), "keywords untouched by a rename");
    }

    @Test
    void aMergeMovesKeywordsAndFollowsChains() {
        EditedCodebook e = EditedCodebook.apply(BUNDLED, List.of(new CodebookEdit.Merge("noise", "traffic"),
                new CodebookEdit.Merge("traffic", "safety")));
        assertEquals(List.of("safety"), e.codebook().themeIds());
        assertEquals("safety", e.canonical("noise"), "a merged theme's merged theme");
        assertEquals("safety", e.canonical("traffic"));
        assertEquals("safety", e.canonical("safety"));
        assertEquals(List.of("onveilig", "auto", "lawaai"), e.theme("safety").keywords().get("nl"), "no duplicate");
        assertEquals(List.of("bruit"), e.theme("safety").keywords().get("fr"));
        assertTrue(e.known("noise"), "a merged id is never given again");
        assertThrows(IllegalArgumentException.class, () -> EditedCodebook.apply(BUNDLED, List.of(
                new CodebookEdit.Merge("noise", "traffic"), new CodebookEdit.Add("noise", Map.of("nl", "x"),
                        Map.of()))));
        assertThrows(IllegalArgumentException.class, () -> EditedCodebook.apply(BUNDLED, List.of(
                new CodebookEdit.Merge("noise", "noise"))));
    }

    @Test
    void aSplitAddsThemesBesideTheOldOne() {
        EditedCodebook e = EditedCodebook.apply(BUNDLED, List.of(new CodebookEdit.Split("traffic", List.of(
                new CodebookEdit.Add("parking", Map.of("nl", "Parkeren"), Map.of()),
                new CodebookEdit.Add("speeding", Map.of("nl", "Te snel rijden"), Map.of())))));
        assertEquals(List.of("noise", "safety", "traffic", "parking", "speeding"), e.codebook().themeIds());
        assertEquals(Map.of("traffic", List.of("parking", "speeding")), e.splitInto());
        assertTrue(e.theme("parking").keywords().isEmpty());
        assertNull(e.theme("unknown"));
        assertFalse(e.known("unknown"));
    }
}
