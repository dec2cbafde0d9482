package be.buurtstem.engine;

import be.buurtstem.engine.model.Text;
import be.buurtstem.engine.text.SystemTexts;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The engine's own texts address residents politely, like the bundled questionnaires: "u" in Dutch, "vous" in
 * French, "siz" in Turkish, and Arabic without a second-person verb that guesses the resident's gender.
 */
class SystemTextsPoliteTest {
    private static final Map<String, Pattern> INFORMAL = Map.of(
            "nl", Pattern.compile("(?iu)(?<!\\p{L})(je|jij|jou|jouw|jullie)(?!\\p{L})"),
            "fr", Pattern.compile("(?iu)(?<!\\p{L})(tu|toi|ton|ta|tes|t'|te)(?!\\p{L})"),
            "tr", Pattern.compile("(?iu)(?<!\\p{L})(sen|seni|sana|senin|sende|senden)(?!\\p{L})"),
            "ar", Pattern.compile("(?<!\\p{L})(تريد|تريدين|أردت|اختر|أرسل|تخطَّ)(?!\\p{L})"));

    @Test
    void everySystemTextIsPoliteInEveryLanguage() {
        List<String> informal = new ArrayList<>();
        for (Map.Entry<String, Text> e : SystemTexts.get().texts().entrySet()) {
            assertEquals(Set.of("nl", "fr", "ar", "tr", "en"), e.getValue().patterns().keySet(), e.getKey());
            e.getValue().patterns().forEach((lang, text) -> {
                // The language picker shows every language's line: check each part in its own language.
                for (String part : text.split(" · ")) {
                    String partLang = e.getKey().equals("choose_language") ? languageOf(part, lang) : lang;
                    Pattern p = INFORMAL.get(partLang);
                    if (p != null && p.matcher(part).find()) {
                        informal.add(e.getKey() + "." + lang + ": " + part);
                    }
                }
            });
        }
        assertEquals(List.of(), informal);
    }

    @Test
    void dutchTextsThatAddressTheResidentSayU() {
        for (String key : List.of("reprompt_choice", "reprompt_text", "help", "help_free_text", "offer_skip", "stopped",
                "welcome_back", "consent_refused", "delete_confirm", "deleted", "my_data", "my_data_none", "outdated")) {
            String nl = SystemTexts.get().text(key).patterns().get("nl");
            assertTrue(Pattern.compile("(?iu)(?<!\\p{L})(u|uw)(?!\\p{L})").matcher(nl).find(), key + ": " + nl);
        }
        assertTrue(SystemTexts.get().text("choose_language").patterns().get("fr").contains("Kies uw taal"));
    }

    private static String languageOf(String part, String fallback) {
        if (part.startsWith("Kies")) {
            return "nl";
        }
        if (part.startsWith("Choisissez")) {
            return "fr";
        }
        if (part.startsWith("Dilinizi")) {
            return "tr";
        }
        if (part.startsWith("Choose")) {
            return "en";
        }
        return part.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.ARABIC) ? "ar" : fallback;
    }
}
