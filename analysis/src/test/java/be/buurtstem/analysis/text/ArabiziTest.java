package be.buurtstem.analysis.text;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class ArabiziTest {

    @Test
    void digitsForLettersAreRecognised() {
        assertTrue(Arabizi.isArabiziToken("3la"));
        assertTrue(Arabizi.isArabiziToken("l7ay"));
        assertTrue(Arabizi.isArabiziToken("wa9ila"));
        assertTrue(Arabizi.isArabiziToken("5ouya"));
        assertFalse(Arabizi.isArabiziToken("2e"), "French ordinal");
        assertFalse(Arabizi.isArabiziToken("5km"));
        assertFalse(Arabizi.isArabiziToken("1990"));
        assertFalse(Arabizi.isArabiziToken("park"));
    }

    @Test
    void spellingsFoldToOneSkeleton() {
        assertEquals(Arabizi.key("bzaf"), Arabizi.key("bezzaf"));
        assertEquals(Arabizi.key("chwiya"), Arabizi.key("shwiya"));
        assertEquals(Arabizi.key("l7adi9a"), Arabizi.key("lhadiqa"));
        assertEquals(Arabizi.key("mzyan"), Arabizi.key("mezyan"));
        assertEquals("3la", Arabizi.key("3la"), "3 is the letter ع, not a vowel");
        assertEquals("khuia", Arabizi.key("5ouya"));
    }

    @Test
    void markerShareTellsDarijaFromFrench() {
        assertTrue(Arabizi.markerShare(List.of("zbel", "bzaf", "f", "zanka")) >= 0.3);
        assertTrue(Arabizi.markerShare(List.of("la", "rue", "est", "sale")) < 0.3);
        assertTrue(Arabizi.markerShare(List.of("le", "2e", "étage")) < 0.3);
        assertEquals(0, Arabizi.markerShare(List.of()));
    }

    @Test
    void darijaShapesWithoutDigits() {
        assertTrue(Arabizi.markerShare(List.of("lbanka", "sddat")) >= 0.3, "article l- glued to a noun");
        assertTrue(Arabizi.markerShare(List.of("jarti", "katjib", "liya", "lkadia")) >= 0.3, "present prefix ka-");
        assertTrue(Arabizi.markerShare(List.of("ma", "kanfhamch", "lbriyat", "dyal", "lcommune")) >= 0.3, "negation ma ...ch");
        assertTrue(Arabizi.markerShare(List.of("everything", "is", "in", "french", "or", "dutch")) < 0.3);
        assertTrue(Arabizi.markerShare(List.of("het", "kantoor", "is", "dicht")) < 0.3);
        assertTrue(Arabizi.markerShare(List.of("la", "lycee", "est", "loin")) < 0.3);
    }

    @Test
    void commonWordsOfOtherLanguagesSingleLettersAndElisionsDoNotMarkDarija() {
        assertTrue(Arabizi.isMarker("mn"), "Darija mn, from");
        assertFalse(Arabizi.isMarker("mon"), "French mon has the same skeleton");
        assertFalse(Arabizi.isMarker("would"), "English would meets wld, boy");
        assertFalse(Arabizi.isMarker("w"), "Polish w, in; Darija w, and");
        assertFalse(Arabizi.isMarker("l'atome"));
        assertTrue(Arabizi.isMarker("8na"), "8 is the letter ه");
        assertFalse(Arabizi.isArabiziToken("1960s"));
        assertFalse(Arabizi.isArabiziToken("11h20"));
        assertTrue(Arabizi.markerShare(List.of("w", "programie")) < 0.3);
        assertTrue(Arabizi.markerShare(List.of("mabghitch", "nmchi")) >= 0.3, "negation glued to the verb");
    }
}
