package be.buurtstem.bot.service.telegram;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TextSplitterTest {
    @Test
    void shortTextIsOneMessage() {
        assertEquals(List.of("Hallo."), TextSplitter.split("Hallo.", 4096, "nl"));
    }

    @Test
    void longTextIsSplitAtSentenceBoundaries() {
        String sentence = "Dit is een zin over de buurt en het plein. ";
        String text = sentence.repeat(200).strip();
        List<String> parts = TextSplitter.split(text, 4096, "nl");
        assertTrue(parts.size() >= 2);
        for (String p : parts) {
            assertTrue(p.length() <= 4096);
            assertTrue(p.endsWith("plein."), "ends at a sentence: " + p.substring(p.length() - 20));
        }
        assertEquals(text.replace(" ", ""), String.join("", parts).replace(" ", ""));
    }

    @Test
    void arabicAndOverlongWordsAreSplitWithoutBreakingCharacters() {
        String arabic = "نحتاج إلى حديقة للأطفال في الحي. ".repeat(300);
        for (String p : TextSplitter.split(arabic, 4096, "ar")) {
            assertTrue(p.length() <= 4096);
        }
        String emoji = "😀".repeat(3000);
        List<String> parts = TextSplitter.split(emoji, 4096, null);
        assertEquals(emoji, String.join("", parts));
        for (String p : parts) {
            assertTrue(p.length() <= 4096);
            assertEquals(p, new String(p.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8));
        }
    }
}
