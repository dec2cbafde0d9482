package be.buurtstem.engine.text;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.util.ULocale;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** BCP 47 helpers: the fallback chain and language names. */
public final class Locales {
    /**
     * Native names already computed: ICU's display name is slow and takes a lock, and a language picker asks for
     * every language at each prompt (20 % of the service's update workers' CPU at 300 updates/s, issue 17). Tags
     * come from questionnaires and residents' clients, so the cache is bounded; past the bound names are computed.
     */
    private static final int MAX_CACHED_NAMES = 1024;
    private static final Map<String, String> NATIVE_NAMES = new ConcurrentHashMap<>();

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
        String cached = NATIVE_NAMES.get(tag);
        if (cached != null) {
            return cached;
        }
        String name = computeNativeName(tag);
        if (NATIVE_NAMES.size() < MAX_CACHED_NAMES) {
            NATIVE_NAMES.put(tag, name);
        }
        return name;
    }

    private static String computeNativeName(String tag) {
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
