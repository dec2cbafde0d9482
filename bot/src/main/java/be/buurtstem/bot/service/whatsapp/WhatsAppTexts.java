package be.buurtstem.bot.service.whatsapp;

import be.buurtstem.bot.service.conversation.SystemTexts;

import java.util.Map;

/**
 * The few words only the WhatsApp channel says, in the service's languages (English when a language is missing).
 * A list's button and section titles must stay within 20 and 24 characters.
 */
final class WhatsAppTexts {
    private static final Map<String, Map<String, String>> TEXTS = Map.of(
            "list_button", Map.of("nl", "Kies", "fr", "Choisir", "ar", "اختر", "tr", "Seç", "en", "Choose"),
            "list_section", Map.of("nl", "Antwoorden", "fr", "Réponses", "ar", "الإجابات", "tr", "Cevaplar",
                    "en", "Answers"));

    private WhatsAppTexts() {
    }

    static String get(String key, String language) {
        Map<String, String> byLanguage = TEXTS.get(key);
        String base = SystemTexts.base(language);
        return byLanguage.getOrDefault(base, byLanguage.get("en"));
    }
}
