package be.buurtstem.analysis.text;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.text.Normalizer2;
import com.ibm.icu.util.ULocale;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Normalises an answer's text for matching and features. Pure and thread-safe.
 * <ol>
 * <li>Unicode NFKC (full-width forms, ligatures, compatibility digits);</li>
 * <li>zero-width and bidirectional control characters (Unicode category Cf: ZWSP, ZWNJ, ZWJ, LRM, RLM, the
 *     embedding/isolate controls, the BOM, the soft hyphen) removed; typographic apostrophes unified to {@code '};</li>
 * <li>case folding that knows the language: Turkish and Azerbaijani lower-case I to dotless ı and İ to i; every other
 *     language uses full Unicode case folding (and İ becomes plain i);</li>
 * <li>Arabic script: diacritics (harakat, shadda, sukun, superscript alef, Quranic marks) and tatweel removed;
 *     alef with hamza above/below and with madda and alef wasla unified to alef, alef maksura to yeh, teh marbuta to heh,
 *     Persian yeh and keheh to Arabic yeh and kaf; Arabic-Indic digits to 0-9;</li>
 * <li>French elisions removed (l', d', j', qu', jusqu'...): {@code l'école → école};</li>
 * <li>white space collapsed and trimmed.</li>
 * </ol>
 */
public final class TextNormaliser {
    private static final Normalizer2 NFKC = Normalizer2.getNFKCInstance();
    private static final Normalizer2 NFC = Normalizer2.getNFCInstance();
    private static final ULocale TURKISH = new ULocale("tr");
    private static final Pattern FRENCH_ELISION = Pattern.compile(
            "(?<![\\p{L}\\p{N}])(?:l|d|j|m|n|s|t|c|qu|jusqu|lorsqu|puisqu|quoiqu|presqu)'(?=\\p{L})");

    private TextNormaliser() {
    }

    /**
     * The normalised text for {@code language} (a BCP 47 tag or null; only its primary subtag matters). Never null.
     */
    public static String normalise(String text, String language) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        String lang = primary(language);
        String s = NFKC.normalize(text);
        s = stripControlsAndUnifyApostrophes(s);
        if (lang.equals("tr") || lang.equals("az")) {
            s = UCharacter.toLowerCase(TURKISH, s);
        } else {
            s = UCharacter.foldCase(s, true);
            if (s.indexOf('\u0307') >= 0) {
                s = NFC.normalize(s.replace("i\u0307", "i"));
            }
        }
        s = arabic(s);
        if (lang.equals("fr") && s.indexOf('\'') >= 0) {
            s = FRENCH_ELISION.matcher(s).replaceAll("");
        }
        return collapseSpaces(s);
    }

    /** Runs of white space as one space, trimmed (what {@code \\s+ → " "} and strip() do, without a regex). */
    private static String collapseSpaces(String s) {
        int n = s.length();
        StringBuilder b = null;
        boolean space = true; // leading white space is dropped
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            boolean ws = Character.isWhitespace(c) || Character.isSpaceChar(c);
            if (ws) {
                if (b == null && (space || c != ' ' || (i + 1 < n && isSpace(s.charAt(i + 1))) || i + 1 == n)) {
                    b = new StringBuilder(n);
                    b.append(s, 0, i);
                }
                if (b != null && !space) {
                    b.append(' ');
                }
                space = true;
            } else {
                if (b != null) {
                    b.append(c);
                }
                space = false;
            }
        }
        if (b == null) {
            return s;
        }
        int len = b.length();
        if (len > 0 && b.charAt(len - 1) == ' ') {
            b.setLength(len - 1);
        }
        return b.toString();
    }

    private static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }

    /** The primary language subtag in lower case ({@code "ar-Latn" → "ar"}), or "" for null. */
    public static String primary(String language) {
        if (language == null || language.isEmpty()) {
            return "";
        }
        int dash = language.indexOf('-');
        return (dash < 0 ? language : language.substring(0, dash)).toLowerCase(Locale.ROOT);
    }

    private static String stripControlsAndUnifyApostrophes(String s) {
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean control = Character.getType(c) == Character.FORMAT;
            boolean apostrophe = c == '\u2019' || c == '\u2018' || c == '\u02BC' || c == '\u2032' || c == '`' || c == '\u00B4';
            if (control || apostrophe) {
                if (b == null) {
                    b = new StringBuilder(s.length());
                    b.append(s, 0, i);
                }
                if (apostrophe) {
                    b.append('\'');
                }
            } else if (b != null) {
                b.append(c);
            }
        }
        return b == null ? s : b.toString();
    }

    /** Arabic-script normalisation; a no-op (no copy) on text without Arabic letters or digits. */
    static String arabic(String s) {
        int i = 0;
        while (i < s.length() && (s.charAt(i) < '\u0600' || s.charAt(i) > '\u06FF')) {
            i++;
        }
        if (i == s.length()) {
            return s;
        }
        StringBuilder b = new StringBuilder(s.length());
        b.append(s, 0, i);
        for (; i < s.length(); i++) {
            char c = s.charAt(i);
            if ((c >= '\u064B' && c <= '\u065F') || c == '\u0670' || c == '\u0640' || (c >= '\u06D6' && c <= '\u06ED')) {
                continue; // harakat, superscript alef, tatweel, Quranic marks
            }
            switch (c) {
                case '\u0622', '\u0623', '\u0625', '\u0671' -> b.append('\u0627'); // آ أ إ ٱ → ا
                case '\u0649', '\u06CC' -> b.append('\u064A');                     // ى ی → ي
                case '\u0629' -> b.append('\u0647');                               // ة → ه
                case '\u06A9' -> b.append('\u0643');                               // ک → ك
                default -> {
                    if (c >= '\u0660' && c <= '\u0669') {
                        b.append((char) ('0' + (c - '\u0660')));
                    } else if (c >= '\u06F0' && c <= '\u06F9') {
                        b.append((char) ('0' + (c - '\u06F0')));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }
}
