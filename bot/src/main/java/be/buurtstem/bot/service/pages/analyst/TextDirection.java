package be.buurtstem.bot.service.pages.analyst;

import java.util.Set;

/**
 * The writing direction of an answer's text: {@code rtl} for the languages written right to left (Arabic, Hebrew,
 * Persian, Urdu, Pashto, Kurdish Sorani, Yiddish, Dhivehi, Uyghur), else {@code auto}, which lets the browser follow
 * the first strong letter (a Dutch answer quoting Arabic still reads correctly).
 */
final class TextDirection {
    private static final Set<String> RTL = Set.of("ar", "he", "iw", "fa", "ur", "ps", "ckb", "yi", "dv", "ug", "sd");

    private TextDirection() {
    }

    static String of(String language) {
        if (language == null) {
            return "auto";
        }
        String base = language.toLowerCase(java.util.Locale.ROOT);
        int dash = base.indexOf('-');
        int underscore = base.indexOf('_');
        int cut = dash < 0 ? underscore : underscore < 0 ? dash : Math.min(dash, underscore);
        if (cut > 0) {
            base = base.substring(0, cut);
        }
        return RTL.contains(base) ? "rtl" : "auto";
    }
}
