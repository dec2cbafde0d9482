package be.buurtstem.bot.service.web;

import be.buurtstem.bot.service.conversation.SystemTexts;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every word of the web page exists in every language the service speaks, and the page gets them all at once. */
class WebTextsTest {
    @Test
    void everyPageTextIsWrittenInEveryLanguage() {
        for (String key : WebTexts.keys()) {
            for (String lang : SystemTexts.LANGUAGES) {
                assertTrue(WebTexts.has(key, lang), key + " has no " + lang + " text");
                assertFalse(WebTexts.get(key, lang).isBlank(), key + "/" + lang);
            }
        }
    }

    @Test
    void thePageGetsItsWordsInTheConversationLanguageAndEnglishOnlyForAnUnknownOne() {
        Map<String, String> fr = WebTexts.all("fr");
        assertEquals("Envoyer", fr.get("send"));
        assertEquals("Effacer mes réponses", fr.get("delete"));
        assertTrue(fr.get("not_sent").startsWith("Pas envoyé"));
        Map<String, String> ar = WebTexts.all("ar-MA");
        assertEquals("إرسال", ar.get("send"));
        assertEquals(fr.keySet(), ar.keySet());
        assertNotEquals(fr.get("too_many"), ar.get("too_many"));
        assertEquals("Send", WebTexts.all("de").get("send"));
    }
}
