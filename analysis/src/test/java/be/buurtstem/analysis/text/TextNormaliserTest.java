package be.buurtstem.analysis.text;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TextNormaliserTest {

    @Test
    void arabicLetterVariantsDiacriticsAndTatweel() {
        // alef with hamza above/below, madda, wasla → alef; alef maksura → yeh; teh marbuta → heh
        assertEquals("اسلام احمد امن", TextNormaliser.normalise("إسلام أحمد آمن", "ar"));
        assertEquals("مستشفي", TextNormaliser.normalise("مستشفى", "ar"));
        assertEquals("حديقه", TextNormaliser.normalise("حديقة", "ar"));
        assertEquals("الله", TextNormaliser.normalise("ٱلله", "ar"));
        // harakat and shadda removed, tatweel removed
        assertEquals("مدرسه", TextNormaliser.normalise("مَدْرَسَةٌ", "ar"));
        assertEquals("جميل", TextNormaliser.normalise("جـــميـل", "ar"));
        // Persian yeh and keheh, Arabic-Indic digits
        assertEquals("كي 2026", TextNormaliser.normalise("کی ٢٠٢٦", "ar"));
    }

    @Test
    void turkishDottedAndDotlessI() {
        assertEquals("istanbul ışık", TextNormaliser.normalise("İSTANBUL IŞIK", "tr"));
        assertEquals("ılık iyi", TextNormaliser.normalise("ILIK İYİ", "tr"));
        // in other languages I is i, and İ is a plain i (no stray combining dot)
        assertEquals("istanbul", TextNormaliser.normalise("İSTANBUL", "nl"));
        assertEquals("it is", TextNormaliser.normalise("IT IS", "en"));
    }

    @Test
    void frenchElisions() {
        assertEquals("école est loin", TextNormaliser.normalise("L'école est loin", "fr"));
        assertEquals("il y a pas assez espaces verts", TextNormaliser.normalise("Il n’y a pas assez d’espaces verts", "fr"));
        assertEquals("aujourd'hui est à la fin", TextNormaliser.normalise("Aujourd'hui c'est jusqu'à la fin", "fr"));
        assertEquals("quand il arrive", TextNormaliser.normalise("Quand il arrive", "fr"));
        // other languages keep the apostrophe: Dutch 's avonds
        assertEquals("'s avonds", TextNormaliser.normalise("’s Avonds", "nl"));
    }

    @Test
    void zeroWidthAndBidiControlsRemoved() {
        assertEquals("park", TextNormaliser.normalise("p\u200Ba\u200Cr\u200Dk\uFEFF", "nl"));
        assertEquals("الحديقه park", TextNormaliser.normalise("\u202Bالحديقة\u202C \u200Epark\u200F", "ar"));
        assertEquals("soft", TextNormaliser.normalise("so\u00ADft", "en"));
        assertEquals("isolated", TextNormaliser.normalise("\u2066isolated\u2069", "en"));
    }

    @Test
    void nfkcCaseFoldingAndWhitespace() {
        assertEquals("park 123", TextNormaliser.normalise("ＰＡＲＫ　１２３", "nl"));
        assertEquals("strasse", TextNormaliser.normalise("STRAßE", "de"));
        assertEquals("fin", TextNormaliser.normalise("  ﬁn\n\t ", "fr"));
        assertEquals("", TextNormaliser.normalise("", "nl"));
        assertEquals("", TextNormaliser.normalise(null, null));
        assertEquals("😀 🌳", TextNormaliser.normalise("😀  🌳", "nl"));
    }

    @Test
    void whiteSpaceCollapsedLikeARegexWould() {
        for (String t : new String[] {"a b", " a  b ", "a\tb\n", "\u00A0a\u2003b\u3000", "ab", "", "   ", "a \n b", "x "}) {
            String expected = t.replaceAll("[\\s\\p{Zs}]+", " ").strip();
            assertEquals(expected, TextNormaliser.normalise(t, "en"), "[" + t + "]");
        }
    }
}
