package be.buurtstem.bot.service.pages.reach;

import java.util.Map;

/**
 * The few words of a poster that are not the questionnaire's own (its title and description are): how to take part,
 * in the languages of the neighbourhood, in the plain polite register of the questionnaires. Other languages get
 * the English lines.
 */
final class PosterTexts {
    private static final Map<String, Map<String, String>> TEXTS = Map.of(
            "scan", Map.of(
                    "nl", "Scan de code met de camera van uw telefoon en antwoord in de chat.",
                    "fr", "Scannez le code avec l’appareil photo de votre téléphone et répondez dans le chat.",
                    "ar", "امسح الرمز بكاميرا هاتفك وأجب في المحادثة.",
                    "tr", "Kodu telefonunuzun kamerasıyla okutun ve sohbette cevap verin.",
                    "en", "Scan the code with your phone’s camera and answer in the chat."),
            "type", Map.of(
                    "nl", "Of typ dit adres in uw browser:",
                    "fr", "Ou tapez cette adresse dans votre navigateur :",
                    "ar", "أو اكتب هذا العنوان في المتصفح:",
                    "tr", "Veya bu adresi tarayıcınıza yazın:",
                    "en", "Or type this address in your browser:"),
            "telegram", Map.of(
                    "nl", "Liever in Telegram? Scan deze code.",
                    "fr", "Plutôt sur Telegram ? Scannez ce code.",
                    "ar", "تفضّل تيليغرام؟ امسح هذا الرمز.",
                    "tr", "Telegram mı tercih edersiniz? Bu kodu okutun.",
                    "en", "Prefer Telegram? Scan this code."),
            "anonymous", Map.of(
                    "nl", "Uw naam wordt niet gevraagd.",
                    "fr", "Votre nom n’est pas demandé.",
                    "ar", "لا نسألك عن اسمك.",
                    "tr", "Adınız sorulmaz.",
                    "en", "We do not ask your name."));

    private PosterTexts() {
    }

    static String get(String key, String language) {
        Map<String, String> byLanguage = TEXTS.get(key);
        String base = language == null ? "en" : language.split("[-_]")[0].toLowerCase(java.util.Locale.ROOT);
        return byLanguage.getOrDefault(base, byLanguage.get("en"));
    }
}
