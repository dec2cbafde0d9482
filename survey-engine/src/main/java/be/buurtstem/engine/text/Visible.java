package be.buurtstem.engine.text;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UCharacterCategory;

/**
 * Whether a message shows anything at all. A text of zero-width spaces, a byte-order mark, direction marks, joiners,
 * variation selectors or Hangul fillers looks empty on every screen; stored as an answer it would be an answer
 * nobody can read (and a way to fill the data with blanks). Such characters around real words are dropped too.
 */
public final class Visible {
    private Visible() {
    }

    /** True when the text has at least one character that shows. */
    public static boolean any(String s) {
        if (s == null) {
            return false;
        }
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (!invisible(cp)) {
                return true;
            }
        }
        return false;
    }

    /** The text without invisible characters (and white space) at either end; "" when nothing shows. */
    public static String strip(String s) {
        if (s == null) {
            return "";
        }
        int start = 0;
        while (start < s.length() && invisible(s.codePointAt(start))) {
            start += Character.charCount(s.codePointAt(start));
        }
        int end = s.length();
        while (end > start && invisible(s.codePointBefore(end))) {
            end -= Character.charCount(s.codePointBefore(end));
        }
        return s.substring(start, end);
    }

    static boolean invisible(int cp) {
        if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
            return true;
        }
        int type = UCharacter.getType(cp);
        return type == UCharacterCategory.FORMAT             // ZWSP, ZWJ, ZWNJ, BOM, LRM/RLM, isolates, soft hyphen
                || type == UCharacterCategory.CONTROL
                || type == UCharacterCategory.SURROGATE        // an unpaired half of a pair
                || type == UCharacterCategory.NON_SPACING_MARK && cp == 0x034F // combining grapheme joiner
                || cp >= 0xFE00 && cp <= 0xFE0F || cp >= 0xE0100 && cp <= 0xE01EF // variation selectors
                || cp == 0x115F || cp == 0x1160 || cp == 0x3164 || cp == 0xFFA0   // Hangul fillers
                || cp == 0x2800 || cp == 0x180E;                                  // braille blank, Mongolian vowel separator
    }
}
