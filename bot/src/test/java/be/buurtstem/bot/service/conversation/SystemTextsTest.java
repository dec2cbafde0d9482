package be.buurtstem.bot.service.conversation;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SystemTextsTest {

    @Test
    void welcomeBackIsTheEnginesSentenceInEveryLanguage() {
        // After an idle pause the service greets; after /stop the engine does: a resident must read the same words.
        assertEquals("Welkom terug! We gaan verder waar u gebleven was.", SystemTexts.get("welcome_back", "nl-BE"));
        assertEquals("أهلاً بعودتك! نتابع من حيث توقفنا.", SystemTexts.get("welcome_back", "ar"));
        assertEquals("Tekrar hoş geldiniz! Kaldığınız yerden devam ediyoruz.", SystemTexts.get("welcome_back", "tr"));
        assertEquals("Bon retour ! On reprend là où vous vous étiez arrêté.", SystemTexts.get("welcome_back", "fr"));
        // an apostrophe in the ICU pattern is printed as one apostrophe
        assertEquals("Welcome back! Let's go on where you left off.", SystemTexts.get("welcome_back", "en"));
    }

    @Test
    void aLanguageWithoutTheTextFallsBackToEnglish() {
        assertEquals(SystemTexts.get("welcome_back", "en"), SystemTexts.get("welcome_back", "uk"));
        assertEquals(SystemTexts.get("web_send", "en"), SystemTexts.get("web_send", "uk"));
    }

    @Test
    void anUnknownKeyIsAProgrammingErrorNotASilentBlank() {
        assertThrows(IllegalArgumentException.class, () -> SystemTexts.get("no_such_text", "nl"));
    }
}
