package be.buurtstem.bot.files.xlsform;

import java.util.IllformedLocaleException;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * XLSForm names a column's language as {@code English (en)} (the recommended form), a bare tag ({@code en}) or a
 * bare English name ({@code English}, {@code french}); this finds the BCP 47 tag, or null when it cannot tell.
 * Also the few words the converter adds itself ("Other", "Another one?", "Thank you!"), in the languages it knows.
 */
final class Languages {
    private static final Pattern NAME_AND_TAG = Pattern.compile(".*\\(\\s*([A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*)\\s*\\)\\s*");

    private Languages() {
    }

    static String tag(String written) {
        String w = written.strip();
        Matcher m = NAME_AND_TAG.matcher(w);
        if (m.matches()) {
            return canonical(m.group(1));
        }
        if (w.matches("[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*")) {
            String t = canonical(w);
            // "English" and "Dutch" are names, not tags: only a known two or three-letter language counts here
            if (t != null && w.length() <= 3 && !Locale.forLanguageTag(t).getDisplayLanguage(Locale.ENGLISH).equals(t)) {
                return t;
            }
        }
        for (String iso : Locale.getISOLanguages()) {
            Locale l = Locale.of(iso);
            if (l.getDisplayLanguage(Locale.ENGLISH).equalsIgnoreCase(w) || l.getDisplayLanguage(l).equalsIgnoreCase(w)) {
                return iso;
            }
        }
        return null;
    }

    private static String canonical(String tag) {
        try {
            return new Locale.Builder().setLanguageTag(tag).build().toLanguageTag();
        } catch (IllformedLocaleException e) {
            return null;
        }
    }

    /** {@code Nederlands (nl)}: the column header the export writes for a tag (the language's own name). */
    static String header(String tag) {
        Locale l = Locale.forLanguageTag(tag);
        String name = l.getDisplayName(l);
        if (name.isEmpty() || name.equals(tag)) {
            name = l.getDisplayName(Locale.ENGLISH);
        }
        return (name.isEmpty() ? tag : Character.toUpperCase(name.charAt(0)) + name.substring(1)) + " (" + tag + ")";
    }

    static final Map<String, String> OTHER = Map.of("nl", "Anders", "fr", "Autre", "en", "Other", "ar", "أخرى",
            "tr", "Diğer", "de", "Andere", "es", "Otro", "pt", "Outro");
    static final Map<String, String> SPECIFY = Map.of("nl", "Wat bedoelt u met anders?", "fr", "Précisez « autre » :",
            "en", "Please say what 'other' is:", "ar", "ما المقصود بـ أخرى؟", "tr", "Diğer nedir?", "de", "Was ist „andere“?",
            "es", "¿Qué es «otro»?", "pt", "O que é «outro»?");
    static final Map<String, String> MORE = Map.of("nl", "Nog een?", "fr", "Encore un ?", "en", "Another one?",
            "ar", "واحد آخر؟", "tr", "Bir tane daha?", "de", "Noch einer?", "es", "¿Otro más?", "pt", "Mais um?");
    static final Map<String, String> THANKS = Map.of("nl", "Bedankt voor uw antwoorden!", "fr", "Merci pour vos réponses !",
            "en", "Thank you for your answers!", "ar", "شكرًا على إجاباتك!", "tr", "Cevaplarınız için teşekkürler!",
            "de", "Danke für Ihre Antworten!", "es", "¡Gracias por sus respuestas!", "pt", "Obrigado pelas suas respostas!");

    /** The word in this language, or in English when the converter does not know the language. */
    static String word(Map<String, String> words, String tag) {
        String base = Locale.forLanguageTag(tag).getLanguage();
        return words.getOrDefault(base, words.get("en"));
    }
}
