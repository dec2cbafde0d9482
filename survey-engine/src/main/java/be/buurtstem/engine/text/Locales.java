package be.buurtstem.engine.text;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.util.ULocale;

import java.util.ArrayList;
import java.util.List;

/** BCP 47 helpers: the fallback chain and language names. */
public final class Locales {
    private Locales() {
    }

    /** The base language of a tag: {@code nl-BE → nl}. */
    public static String base(String tag) {
        int dash = tag.indexOf('-');
        return dash < 0 ? tag : tag.substring(0, dash);
    }

    /** Lookup order for a text: {@code nl-BE → nl → default}. */
    public static List<String> chain(String tag, String defaultLanguage) {
        List<String> out = new ArrayList<>(3);
        out.add(tag);
        String base = base(tag);
        if (!base.equals(tag)) {
            out.add(base);
        }
        if (defaultLanguage != null && !out.contains(defaultLanguage)) {
            out.add(defaultLanguage);
        }
        return out;
    }

    /** The language's own name, capitalised: Nederlands, Français, العربية, Türkçe, English. */
    public static String nativeName(String tag) {
        ULocale l = ULocale.forLanguageTag(tag);
        String name = l.getDisplayName(l);
        return name.isEmpty() ? tag : UCharacter.toTitleCase(l, name, null, UCharacter.TITLECASE_NO_LOWERCASE);
    }

    /** Right-to-left scripts need argument values isolated (see {@link Renderer}). */
    public static boolean isRtl(String tag) {
        return switch (base(tag)) {
            case "ar", "fa", "he", "ur", "ps", "ckb", "yi", "dv" -> true;
            default -> false;
        };
    }
}
